package io.ringside.engine.internal.inbound;

import io.ringside.engine.transport.Connection;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * The engine's state for one client connection: which room membership its messages go to, its
 * inbound backpressure state and its count of malformed messages.
 *
 * <p>{@link #current()} is set by the I/O thread (join, reconnect, leave, disconnect) and cleared by a
 * tick thread (rejection, kick, room closed, seat taken over by a reconnect) with compare-and-set, so
 * both agree on where messages go. After a reconnect two sessions may briefly name the same seat;
 * the tick thread only takes messages from the one the seat is bound to.
 */
public final class Session {
    private static final AtomicReferenceFieldUpdater<Session, Object> CURRENT =
            AtomicReferenceFieldUpdater.newUpdater(Session.class, Object.class, "current");
    private static final AtomicIntegerFieldUpdater<Session> MALFORMED =
            AtomicIntegerFieldUpdater.newUpdater(Session.class, "malformed");
    private static final AtomicIntegerFieldUpdater<Session> REFUSED =
            AtomicIntegerFieldUpdater.newUpdater(Session.class, "refused");

    private final Connection connection;
    private final String id;
    private final Object handshake;
    private volatile Object current;
    private volatile int malformed;
    private volatile int refused;
    private volatile boolean blocked;
    private final ArrayDeque<PendingMessage> pending = new ArrayDeque<>();

    // the session's ring budget in the tick it was last counted in; its I/O thread only
    long budgetEpoch = -1;
    int budgetUsed;
    // staged by the publishing thread right before a live publish, read by the translator on that thread
    int stagedKind;
    Object stagedTarget;
    int stagedOffset;
    int stagedLength;
    int stagedMaskKey;

    /** A session for {@code connection}, identified by {@code id}, with what the handshake told. */
    public Session(Connection connection, String id, Object handshake) {
        this.connection = connection;
        this.id = id;
        this.handshake = handshake;
    }

    /** The transport connection. */
    public Connection connection() {
        return connection;
    }

    /** A server-unique, hard to guess id. */
    public String id() {
        return id;
    }

    /** What was captured from the opening handshake. */
    public Object handshake() {
        return handshake;
    }

    /** The room membership messages are routed to, or {@code null} outside a room. */
    public Object current() {
        return current;
    }

    /** Sets the membership if there is none; {@code false} when already in a room. */
    public boolean enter(Object membership) {
        return CURRENT.compareAndSet(this, null, membership);
    }

    /** Clears and returns the membership (leave or disconnect on the I/O thread). */
    public Object exit() {
        return CURRENT.getAndSet(this, null);
    }

    /** Clears the membership if it still is {@code membership} (the room ended it). */
    public boolean exit(Object membership) {
        return CURRENT.compareAndSet(this, membership, null);
    }

    /** Counts one malformed message and returns the count so far. Any thread. */
    public int recordMalformed() {
        return MALFORMED.incrementAndGet(this);
    }

    /** Counts one refused request (not in a room, room full, ...) and returns the count so far. Any thread. */
    public int recordRefused() {
        return REFUSED.incrementAndGet(this);
    }

    /** Whether messages wait for ring space (reading is paused meanwhile). */
    public boolean isBlocked() {
        return blocked;
    }

    // ---- backpressure, guarded by this

    /** Queues a message behind the ones already waiting; returns false if not blocked any more. */
    synchronized boolean queueIfBlocked(InboundRing ring, int kind, Object target, ByteBuffer buffer,
                                        int offset, int length, int maskKey) {
        if (!blocked) {
            return false;
        }
        hold(new PendingMessage(ring, kind, target, buffer, offset, length, maskKey, connection));
        return true;
    }

    synchronized void block(InboundRing ring, int kind, Object target, ByteBuffer buffer, int offset, int length,
                            int maskKey) {
        blocked = true;
        hold(new PendingMessage(ring, kind, target, buffer, offset, length, maskKey, connection));
    }

    /** Queues {@code message}, charging what it holds to the connection's memory budget. */
    private void hold(PendingMessage message) {
        connection.chargeHeld(message.heldBytes());
        pending.add(message);
    }

    /**
     * Publishes waiting messages in order while their rings have room, at most a ring's per-session
     * budget (one tick's worth) per call. Returns {@code null} when all
     * went out (reading may resume), otherwise the ring the first remaining one waits for.
     */
    synchronized InboundRing publishPending() {
        PendingMessage next;
        int published = 0;
        while ((next = pending.peek()) != null) {
            if (published == next.ring.pendingBudget() || !next.ring.tryPublishPending(this, next)) {
                return next.ring;
            }
            pending.poll();
            connection.chargeHeld(-next.heldBytes());
            published++;
        }
        blocked = false;
        return null;
    }

    synchronized int pendingCount() {
        return pending.size();
    }

    @Override
    public String toString() {
        return "Session[" + id + "]";
    }
}
