package io.ringside.engine.transport;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The server-wide budget for the bytes clients can make the server hold: partial frames and
 * messages being reassembled, outbound backlogs, request heads being parsed. One counter of bytes
 * still available; the I/O loops take from it and give back in chunks through their own
 * {@link BudgetLease}, so a send or a read touches it only about once per chunk.
 *
 * <p>The counter may go below zero: bytes are charged after they were received, and the loop that
 * sees the budget overdrawn sheds its connections that hold the most until at least the reserve
 * ({@code 1/16} of the budget) is free again. While less than the reserve is free, new connections
 * are answered 503. Any thread.
 */
final class MemoryBudget {
    /** Largest chunk a loop takes at a time. */
    static final long MAX_CHUNK_BYTES = 256 * 1024;
    private static final long MIN_CHUNK_BYTES = 4 * 1024;

    final long limit;
    final long chunk;
    final long reserve;
    private final AtomicLong available;
    private final AtomicLong shed = new AtomicLong();

    MemoryBudget(long limit) {
        this.limit = limit;
        this.chunk = Math.max(MIN_CHUNK_BYTES, Math.min(MAX_CHUNK_BYTES, limit / 64));
        this.reserve = limit / 16;
        this.available = new AtomicLong(limit);
    }

    /** Takes {@code bytes}; returns what is left (negative when overdrawn). */
    long take(long bytes) {
        return available.addAndGet(-bytes);
    }

    void give(long bytes) {
        available.addAndGet(bytes);
    }

    /** Bytes not taken by any loop (negative when overdrawn). */
    long available() {
        return available.get();
    }

    /** Whether the budget is overdrawn: the loops must shed. */
    boolean overdrawn() {
        return available.get() < 0;
    }

    /** Whether less than the reserve is free: new connections are refused. */
    boolean low() {
        return available.get() < reserve;
    }

    void countShed() {
        shed.incrementAndGet();
    }

    /** Connections closed (1013) to bring the budget back. */
    long shedCount() {
        return shed.get();
    }
}
