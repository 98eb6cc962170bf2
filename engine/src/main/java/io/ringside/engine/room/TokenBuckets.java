package io.ringside.engine.room;

import java.util.Arrays;

/**
 * One player's token buckets, one per rate-limited message type of its room ({@link RateLimit}),
 * kept as one {@code long} each by the generic cell rate algorithm: a bucket stores the time at which
 * it will be full again (its theoretical arrival time), so a take is a compare and an add, with no
 * refill loop and no floating point. A take at {@code now} succeeds while that time is at most
 * {@code (burst - 1)} intervals ahead of {@code now}, and moves it one interval further; the same
 * acceptances as a bucket of {@code burst} tokens refilled at one token per interval. Tick thread.
 */
final class TokenBuckets {
    /** A bucket never taken from: full. */
    private static final long FULL = Long.MIN_VALUE;

    private final long[] fullAtNs;

    /** {@code buckets} full buckets. */
    TokenBuckets(int buckets) {
        this.fullAtNs = new long[buckets];
        Arrays.fill(fullAtNs, FULL);
    }

    /** How many buckets this holds. */
    int size() {
        return fullAtNs.length;
    }

    /**
     * Takes a token from bucket {@code bucket} of limit {@code limit} at time {@code nowNs} (any origin,
     * never going back); {@code false}, and nothing taken, when it is empty.
     */
    boolean tryTake(int bucket, RateLimit limit, long nowNs) {
        long fullAt = fullAtNs[bucket];
        if (fullAt == FULL || fullAt - nowNs < 0) {
            fullAt = nowNs;
        }
        if (fullAt - nowNs > limit.toleranceNs) {
            return false;
        }
        fullAtNs[bucket] = fullAt + limit.intervalNs;
        return true;
    }
}
