package io.ringside.engine.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.tick.NanoClock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Token buckets against a clock advanced by hand. */
class TokenBucketsTest {
    private long nowNs = -5_000_000_000L; // nanoTime has any origin, negative too
    private final NanoClock clock = () -> nowNs;

    private static RateLimit limit(double ratePerSecond, int burst) {
        return RateLimit.builder().ratePerSecond(ratePerSecond).burst(burst).build();
    }

    private int takes(TokenBuckets buckets, int bucket, RateLimit limit, int attempts) {
        int taken = 0;
        for (int i = 0; i < attempts; i++) {
            taken += buckets.tryTake(bucket, limit, clock.nanoTime()) ? 1 : 0;
        }
        return taken;
    }

    @Test
    void shouldTakeTheBurstAtOnceAndNoMoreWhenFull() {
        // given
        TokenBuckets buckets = new TokenBuckets(1);

        // when
        int taken = takes(buckets, 0, limit(10, 5), 20);

        // then
        assertThat(taken).isEqualTo(5);
    }

    @Test
    void shouldRefillOneTokenPerIntervalWhenTimePasses() {
        // given: an emptied bucket of 10 per second
        TokenBuckets buckets = new TokenBuckets(1);
        RateLimit limit = limit(10, 5);
        takes(buckets, 0, limit, 5);

        // when
        nowNs += TimeUnit.MILLISECONDS.toNanos(99);
        int before = takes(buckets, 0, limit, 1);
        nowNs += TimeUnit.MILLISECONDS.toNanos(1);
        int atInterval = takes(buckets, 0, limit, 3);
        nowNs += TimeUnit.MILLISECONDS.toNanos(300);
        int afterThree = takes(buckets, 0, limit, 10);

        // then
        assertThat(before).isZero();
        assertThat(atInterval).isEqualTo(1);
        assertThat(afterThree).isEqualTo(3);
    }

    @Test
    void shouldHoldNoMoreThanTheBurstWhenQuietForLong() {
        // given
        TokenBuckets buckets = new TokenBuckets(1);
        RateLimit limit = limit(10, 5);
        takes(buckets, 0, limit, 5);

        // when
        nowNs += TimeUnit.HOURS.toNanos(1);
        int taken = takes(buckets, 0, limit, 50);

        // then
        assertThat(taken).isEqualTo(5);
    }

    @Test
    void shouldSustainTheRateWhenTakingSteadily() {
        // given: 30 per second (burst 2 absorbs attempts landing up to 1 ms after a token is due),
        // one attempt every millisecond for ten seconds
        TokenBuckets buckets = new TokenBuckets(1);
        RateLimit limit = limit(30, 2);

        // when
        int taken = 0;
        for (int ms = 0; ms < 10_000; ms++) {
            taken += takes(buckets, 0, limit, 1);
            nowNs += TimeUnit.MILLISECONDS.toNanos(1);
        }

        // then: the burst, then 30 per second
        assertThat(taken).isBetween(300, 301);
    }

    @Test
    void shouldKeepBucketsApartWhenOneIsEmptied() {
        // given
        TokenBuckets buckets = new TokenBuckets(2);
        RateLimit limit = limit(1, 2);

        // when
        int first = takes(buckets, 0, limit, 10);
        int second = takes(buckets, 1, limit, 10);

        // then
        assertThat(first).isEqualTo(2);
        assertThat(second).isEqualTo(2);
    }
}
