package io.ringside.engine.tick;

import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Timing of one tick loop: how long ticks take, how many overran their interval, how many were skipped.
 *
 * <p>Written by the tick loop's thread only, without allocating; {@link #snapshot()} may be called
 * from any thread. Besides the HdrHistogram behind the percentiles, tick durations are counted in
 * fixed buckets ({@link #bucketBoundsNs()}), the shape a Prometheus histogram exports: one array of
 * long counters the tick thread bumps with a plain read and an ordered store, read at scrape time.
 */
public final class TickMetrics {
    // the budgets of 60, 30 and 20 Hz ticks (16.7, 33.3 and 50 ms) are bounds of their own
    private static final long[] BUCKET_BOUNDS_NS = {
        100_000L, 250_000L, 500_000L, 1_000_000L, 2_500_000L, 5_000_000L, 10_000_000L, 16_666_667L,
        25_000_000L, 33_333_333L, 50_000_000L, 100_000_000L, 250_000_000L, 1_000_000_000L,
    };
    private static final long MAX_TRACKED_NS = 60_000_000_000L;
    private static final int SIGNIFICANT_DIGITS = 3;
    private static final int SUM = BUCKET_BOUNDS_NS.length + 1;

    // one slot per bucket (the last one unbounded), then the sum of durations in ns
    private final AtomicLongArray buckets = new AtomicLongArray(SUM + 1);

    private final Recorder durations = new Recorder(MAX_TRACKED_NS, SIGNIFICANT_DIGITS);
    private final Histogram total = new Histogram(MAX_TRACKED_NS, SIGNIFICANT_DIGITS);
    private Histogram recycled;
    private volatile long ticks;
    private volatile long overruns;
    private volatile long skippedTicks;

    void recordTick(long durationNs, boolean overran) {
        long clamped = Math.min(Math.max(durationNs, 0), MAX_TRACKED_NS);
        durations.recordValue(clamped);
        int bucket = 0;
        while (bucket < BUCKET_BOUNDS_NS.length && clamped > BUCKET_BOUNDS_NS[bucket]) {
            bucket++;
        }
        // single writer: a plain read and an ordered store, no atomic read-modify-write
        buckets.lazySet(bucket, buckets.getPlain(bucket) + 1);
        buckets.lazySet(SUM, buckets.getPlain(SUM) + clamped);
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

    /** Upper bounds (inclusive) of the duration buckets, in nanoseconds; a last bucket takes the rest. */
    public static long[] bucketBoundsNs() {
        return BUCKET_BOUNDS_NS.clone();
    }

    /**
     * The tick counts per duration bucket, not cumulative: element {@code i} counts ticks longer than
     * bucket {@code i - 1}'s bound and at most {@code bucketBoundsNs()[i]}; the last element counts
     * the ticks beyond every bound. A fresh array; any thread.
     */
    public long[] bucketCounts() {
        long[] counts = new long[SUM];
        for (int i = 0; i < SUM; i++) {
            counts[i] = buckets.get(i);
        }
        return counts;
    }

    /** The sum of every tick's duration, in nanoseconds. Any thread. */
    public long durationSumNs() {
        return buckets.get(SUM);
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
