package io.ringside.engine.tick;

/**
 * A fixed-rate, drift-free tick schedule run as a duty cycle: each {@link #doWork()} runs the ticks
 * that are due and returns how many ran.
 *
 * <p>Tick {@code n} is due at {@code start + n * interval} (plus the time given up to skipped ticks),
 * so late ticks do not push later ones back. After an overrun, up to
 * {@link TickLoopConfig#maxCatchUpTicks()} overdue ticks run back to back; older ones are skipped
 * and counted. Used by one thread, except {@link #nanosUntilNextTick}, which any thread may ask; the
 * clock is injected so tests drive time by hand.
 */
public final class TickLoop {
    private final NanoClock clock;
    private final TickHandler handler;
    private final long intervalNs;
    private final int maxCatchUpTicks;
    private final TickMetrics metrics = new TickMetrics();
    // volatile for nanosUntilNextTick on other threads (the I/O loops' read pause); written once a tick
    private volatile long nextTickNs;
    private long tick;
    private volatile boolean started;

    /** A loop that runs {@code handler} at {@code config}'s rate by {@code clock}. */
    public TickLoop(TickLoopConfig config, NanoClock clock, TickHandler handler) {
        this.clock = clock;
        this.handler = handler;
        this.intervalNs = config.tickIntervalNs();
        this.maxCatchUpTicks = config.maxCatchUpTicks();
    }

    /**
     * Runs the ticks due now: none, one, or after an overrun up to {@code 1 + maxCatchUpTicks}. The
     * first call runs tick 0 and starts the schedule. An exception from the handler propagates after
     * the failed tick is counted and the schedule has moved past it.
     *
     * @return how many ticks ran
     */
    public int doWork() {
        long now = clock.nanoTime();
        if (!started) {
            nextTickNs = now;
            started = true;
        }
        if (now < nextTickNs) {
            return 0;
        }
        skipTicksBeyondCatchUp(now);
        int ran = 0;
        while (now >= nextTickNs && ran <= maxCatchUpTicks) {
            now = runTick(now);
            ran++;
        }
        return ran;
    }

    private long runTick(long startNs) {
        long endNs;
        try {
            handler.onTick(tick, intervalNs);
        } finally {
            // A tick that throws still happened: the schedule moves on, or it would retry forever.
            endNs = clock.nanoTime();
            boolean overran = endNs - startNs > intervalNs;
            metrics.recordTick(endNs - startNs, overran);
            if (overran) {
                TickOverrunEvent.commit(tick, endNs - startNs, intervalNs);
            }
            tick++;
            nextTickNs += intervalNs;
        }
        return endNs;
    }

    private void skipTicksBeyondCatchUp(long now) {
        long overdue = (now - nextTickNs) / intervalNs;
        if (overdue > maxCatchUpTicks) {
            long skipped = overdue - maxCatchUpTicks;
            nextTickNs += skipped * intervalNs;
            metrics.recordSkipped(skipped);
        }
    }

    /**
     * Nanoseconds from {@code nowNs} until the next tick is due; 0 or less when it is due already, or
     * running, or when the loop has not started. Any thread.
     */
    public long nanosUntilNextTick(long nowNs) {
        return started ? nextTickNs - nowNs : 0;
    }

    /** The number the next tick will run as. */
    public long nextTick() {
        return tick;
    }

    /** The fixed step between ticks, in nanoseconds. */
    public long tickIntervalNs() {
        return intervalNs;
    }

    /** This loop's timing metrics. */
    public TickMetrics metrics() {
        return metrics;
    }
}
