package io.ringside.engine.tick;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Timing of one tick loop: how long ticks take, how many overran their interval, how many were skipped.
 *
 * <p>Written by the tick loop's thread only, without allocating; {@link #snapshot()} may be called
 * from any thread.
 */
public final class TickMetrics {
    private static final long MAX_TRACKED_NS = 60_000_000_000L;
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Recorder durations = new Recorder(MAX_TRACKED_NS, SIGNIFICANT_DIGITS);
    private final Histogram total = new Histogram(MAX_TRACKED_NS, SIGNIFICANT_DIGITS);
    private Histogram recycled;
    private volatile long ticks;
    private volatile long overruns;
    private volatile long skippedTicks;

    void recordTick(long durationNs, boolean overran) {
        durations.recordValue(Math.min(Math.max(durationNs, 0), MAX_TRACKED_NS));
        ticks = ticks + 1;
        if (overran) {
            overruns = overruns + 1;
        }
    }

    void recordSkipped(long count) {
        skippedTicks = skippedTicks + count;
    }

    /** Ticks run so far. */
    public long ticks() {
        return ticks;
    }

    /** Ticks that took longer than the tick interval. */
    public long overruns() {
        return overruns;
    }

    /** Ticks not simulated because the loop fell further behind than the catch-up allowance. */
    public long skippedTicks() {
        return skippedTicks;
    }

    /** Tick durations and counters since the loop started; safe from any thread. */
    public synchronized Snapshot snapshot() {
        recycled = durations.getIntervalHistogram(recycled);
        total.add(recycled);
        return new Snapshot(ticks, overruns, skippedTicks,
                total.getValueAtPercentile(50), total.getValueAtPercentile(99), total.getMaxValue());
    }

    /**
     * Tick statistics at one moment.
     *
     * @param ticks        ticks run
     * @param overruns     ticks that took longer than the interval
     * @param skippedTicks ticks skipped after falling behind
     * @param p50Ns        median tick duration, in nanoseconds
     * @param p99Ns        99th percentile tick duration, in nanoseconds
     * @param maxNs        longest tick, in nanoseconds
     */
    public record Snapshot(long ticks, long overruns, long skippedTicks, long p50Ns, long p99Ns, long maxNs) {
    }
}
