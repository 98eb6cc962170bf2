package io.ringside.engine.internal.inbound;

import com.lmax.disruptor.EventFactory;
import io.ringside.engine.internal.LentArray;
import io.ringside.engine.internal.MessageArrays;
import io.ringside.engine.transport.Connection;

/**
 * One pre-allocated ring slot: a session, the target it was routed to, and a copy of the message's
 * bytes in a heap array owned by the slot.
 *
 * <p>Written by the publishing thread through a translator, read by the shard's tick thread, which
 * calls {@link #clear()} after use. Messages up to the slot size reuse the slot's array; a larger
 * one gets an array lent by its connection's I/O loop ({@link MessageArrays}), given back on
 * {@link #clear()}, so that it allocates nothing once the loop's pool is warm. A connection that
 * cannot lend (outside the server's transport, or a message larger than the pool keeps) gets a
 * fresh array, charged to its memory budget until {@link #clear()}.
 */
public final class InboundEvent {
    private final byte[] slotBytes;
    private byte[] bytes;
    /** The lent array {@link #bytes} is, or {@code null}. */
    private LentArray lent;
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
            Connection connection = session.connection();
            LentArray array = connection instanceof MessageArrays arrays ? arrays.borrowMessageArray(length) : null;
            if (array != null) {
                this.lent = array;
                this.bytes = array.bytes();
            } else {
                this.bytes = new byte[length];
                connection.chargeHeld(length);
            }
        }
        return bytes;
    }

    /** Sets the header fields and takes {@code array}, which holds the message, as its bytes. */
    void adopt(int kind, Session session, Object target, int length, LentArray array) {
        this.kind = kind;
        this.session = session;
        this.target = target;
        this.length = length;
        this.lent = array;
        this.bytes = array.bytes();
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
        if (lent != null) {
            ((MessageArrays) session.connection()).returnMessageArray(lent);
            lent = null;
        } else if (bytes != slotBytes) {
            session.connection().chargeHeld(-bytes.length);
        }
        session = null;
        target = null;
        bytes = slotBytes;
        length = 0;
    }
}
