package io.ringside.engine.internal.inbound;

import com.lmax.disruptor.EventFactory;

/**
 * One pre-allocated ring slot: a session, the target it was routed to, and a copy of the message's
 * bytes in a heap array owned by the slot.
 *
 * <p>Written by the publishing thread through a translator, read by the shard's tick thread, which
 * calls {@link #clear()} after use. Messages up to the slot size reuse the slot's array; a larger
 * one gets an array of its own that is dropped on {@link #clear()} (rare, and bounded by the
 * transport's message limit); its size is charged to the session's memory budget meanwhile.
 */
public final class InboundEvent {
    private final byte[] slotBytes;
    private byte[] bytes;
    private int kind;
    private int length;
    private Session session;
    private Object target;

    InboundEvent(int slotBytes) {
        this.slotBytes = new byte[slotBytes];
        this.bytes = this.slotBytes;
    }

    static EventFactory<InboundEvent> factory(int slotBytes) {
        return () -> new InboundEvent(slotBytes);
    }

    /** Sets the header fields and returns the array to copy {@code length} bytes into. */
    byte[] prepare(int kind, Session session, Object target, int length) {
        this.kind = kind;
        this.session = session;
        this.target = target;
        this.length = length;
        if (length <= slotBytes.length) {
            this.bytes = slotBytes;
        } else {
            this.bytes = new byte[length];
            session.connection().chargeHeld(length);
        }
        return bytes;
    }

    /** One of {@link InboundKind}'s constants. */
    public int kind() {
        return kind;
    }

    /** The session the message came from. */
    public Session session() {
        return session;
    }

    /** What the message was routed to (the session's room membership when it was published). */
    public Object target() {
        return target;
    }

    /** The message bytes, {@code [0, length())}; valid until {@link #clear()}. */
    public byte[] bytes() {
        return bytes;
    }

    /** The number of message bytes. */
    public int length() {
        return length;
    }

    /** Drops the references this slot holds so that the ring keeps nothing alive. Tick thread. */
    public void clear() {
        if (bytes != slotBytes) {
            session.connection().chargeHeld(-bytes.length);
        }
        session = null;
        target = null;
        bytes = slotBytes;
        length = 0;
    }
}
