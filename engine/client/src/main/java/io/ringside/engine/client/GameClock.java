package io.ringside.engine.client;

/**
 * Round-trip time and server tick estimates of one {@link GameClient}, from its application pings
 * (Ping/Pong envelopes answered by the server's tick loop) and its Joined envelopes. All times are
 * in nanoseconds of the client's clock.
 *
 * <p>The smoothed RTT follows RFC 6298 §2: the first sample sets it, each later one moves it by
 * 1/8 of the difference. The server tick is extrapolated from the last anchor: a Joined's
 * {@code current_tick} at its arrival, or a Pong's {@code tick} half a round trip before its
 * arrival, advanced at the room's tick rate.
 *
 * <p>Written by the I/O thread, read from any thread: fields are volatile and each is written by
 * one thread only, so a reader may see a sample and a smoothed value from two neighbouring pongs.
 */
final class GameClock {
    /** RFC 6298 §2.3 gain: SRTT = SRTT + (sample - SRTT) / 8. */
    private static final int SMOOTHING_SHIFT = 3;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private volatile long lastRttNs = -1;
    private volatile long smoothedRttNs = -1;
    private volatile long anchorTick = -1;
    private volatile long anchorNs;
    private volatile int tickRateHz;

    /** A Joined arrived at {@code nowNs}: the room ticks at {@code tickRateHz} and was at {@code currentTick}. */
    void joined(int tickRateHz, long currentTick, long nowNs) {
        this.tickRateHz = tickRateHz;
        this.anchorNs = smoothedRttNs < 0 ? nowNs : nowNs - smoothedRttNs / 2;
        this.anchorTick = currentTick;
    }

    /** The room was left: no tick estimate until the next join; RTT samples stay. */
    void left() {
        anchorTick = -1;
    }

    /**
     * A Pong for a Ping sent at {@code sentNs} arrived at {@code nowNs}, the server at tick
     * {@code tick}. A sample from the future (a corrupt echo) is ignored.
     *
     * @return the RTT sample in nanoseconds, or -1 if ignored
     */
    long pong(long sentNs, long tick, long nowNs) {
        long sample = nowNs - sentNs;
        if (sample < 0) {
            return -1;
        }
        lastRttNs = sample;
        long smoothed = smoothedRttNs;
        smoothedRttNs = smoothed < 0 ? sample : smoothed + ((sample - smoothed) >> SMOOTHING_SHIFT);
        if (anchorTick >= 0) {
            anchorNs = nowNs - sample / 2;
            anchorTick = tick;
        }
        return sample;
    }

    /** The last RTT sample in nanoseconds, or -1 before the first pong. */
    long lastRttNs() {
        return lastRttNs;
    }

    /** The smoothed RTT in nanoseconds, or -1 before the first pong. */
    long smoothedRttNs() {
        return smoothedRttNs;
    }

    /** The room's tick rate in Hz from the last Joined, or 0 before it. */
    int tickRateHz() {
        return tickRateHz;
    }

    /** The server's tick at {@code nowNs} as estimated, or -1 when not in a room. */
    long serverTick(long nowNs) {
        long tick = anchorTick;
        int rate = tickRateHz;
        if (tick < 0 || rate <= 0) {
            return tick;
        }
        long elapsedNs = Math.max(0, nowNs - anchorNs);
        return tick + ticksIn(elapsedNs, rate);
    }

    private static long ticksIn(long elapsedNs, int rateHz) {
        // elapsed * rate can overflow a long after ~9e18 / rate ns (years at game rates); split to stay exact
        long seconds = elapsedNs / NANOS_PER_SECOND;
        long restNs = elapsedNs % NANOS_PER_SECOND;
        return seconds * rateHz + restNs * rateHz / NANOS_PER_SECOND;
    }
}
