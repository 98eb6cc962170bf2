package io.ringside.engine.tick;

/**
 * Immutable settings of a fixed-rate tick loop: its rate and what it does after an overrun.
 *
 * <p>Defaults: 30 Hz; catch up at most 3 missed ticks, then skip the rest (the simulation falls
 * behind wall-clock time instead of spiralling).
 */
public final class TickLoopConfig {
    /** Default tick rate: 30 Hz. */
    public static final int DEFAULT_TICK_RATE_HZ = 30;
    /** Lowest tick rate accepted. */
    public static final int MIN_TICK_RATE_HZ = 1;
    /** Highest tick rate accepted. */
    public static final int MAX_TICK_RATE_HZ = 128;
    /** Default for {@link #maxCatchUpTicks()}. */
    public static final int DEFAULT_MAX_CATCH_UP_TICKS = 3;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int tickRateHz;
    private final int maxCatchUpTicks;

    private TickLoopConfig(Builder builder) {
        this.tickRateHz = builder.tickRateHz;
        this.maxCatchUpTicks = builder.maxCatchUpTicks;
    }

    /** A config with every default. */
    public static TickLoopConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Ticks per second. */
    public int tickRateHz() {
        return tickRateHz;
    }

    /** The fixed step between tick starts, in nanoseconds (rounded down to whole nanoseconds). */
    public long tickIntervalNs() {
        return NANOS_PER_SECOND / tickRateHz;
    }

    /**
     * After an overrun, how many overdue ticks run back to back to catch up; ticks overdue beyond
     * that are skipped (not simulated) and counted. 0 means: never catch up, always skip.
     */
    public int maxCatchUpTicks() {
        return maxCatchUpTicks;
    }

    /** Builds a {@link TickLoopConfig}; {@link #build()} checks every value. */
    public static final class Builder {
        private int tickRateHz = DEFAULT_TICK_RATE_HZ;
        private int maxCatchUpTicks = DEFAULT_MAX_CATCH_UP_TICKS;

        private Builder() {
        }

        /** Sets ticks per second, 1 to 128. */
        public Builder tickRateHz(int tickRateHz) {
            this.tickRateHz = tickRateHz;
            return this;
        }

        /** Sets how many overdue ticks run back to back after an overrun; 0 skips them all. */
        public Builder maxCatchUpTicks(int maxCatchUpTicks) {
            this.maxCatchUpTicks = maxCatchUpTicks;
            return this;
        }

        /** Checks the values and builds the config; throws {@link IllegalArgumentException} naming the bad value. */
        public TickLoopConfig build() {
            if (tickRateHz < MIN_TICK_RATE_HZ || tickRateHz > MAX_TICK_RATE_HZ) {
                throw new IllegalArgumentException("tickRateHz=" + tickRateHz
                        + " (must be " + MIN_TICK_RATE_HZ + " to " + MAX_TICK_RATE_HZ + ")");
            }
            if (maxCatchUpTicks < 0) {
                throw new IllegalArgumentException("maxCatchUpTicks=" + maxCatchUpTicks + " (minimum 0)");
            }
            return new TickLoopConfig(this);
        }
    }
}
