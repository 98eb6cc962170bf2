package io.ringside.engine.transport;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The per-frame and per-byte counters of one I/O loop. Its thread is the only writer, so a count
 * is a plain read and an ordered store (no atomic read-modify-write, no allocation); any thread
 * reads them for {@link TransportMetrics}.
 */
final class LoopCounters {
    static final int BYTES_IN = 0;
    static final int BYTES_OUT = 1;
    static final int MESSAGES_IN = 2;
    static final int FRAMES_OUT = 3;
    static final int LATEST_REPLACED = 4;
    static final int CONTROL_AND_CONTINUATION_FRAMES_IN = 5;
    // the counters share a cache line that only this loop writes; readers are rare (a scrape)
    private final AtomicLongArray values = new AtomicLongArray(6);

    /** Adds {@code n} to {@code counter}. Owning loop thread only. */
    void add(int counter, long n) {
        values.lazySet(counter, values.getPlain(counter) + n);
    }

    /** The value of {@code counter}. Any thread. */
    long get(int counter) {
        return values.get(counter);
    }
}
