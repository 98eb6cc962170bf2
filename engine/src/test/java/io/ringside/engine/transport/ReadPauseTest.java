package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadPauseTest {
    private static final long MS = 1_000_000L;

    /** The tick schedule the pause asks: nanoseconds until the next tick, set by each test. */
    private long untilTickNs;

    private ReadPause pause(long coalesceNs, long beforeTickNs) {
        return new ReadPause(coalesceNs, beforeTickNs, () -> untilTickNs);
    }

    @Test
    void shouldNotWaitWhenBothPausesAreOff() {
        // given
        ReadPause off = pause(0, 0);
        untilTickNs = 30 * MS;

        // when
        long waitNs = off.pauseNs();

        // then
        assertThat(waitNs).isZero();
        assertThat(off.afterCommands()).isFalse();
    }

    @Test
    void shouldWaitTheCoalescingPauseWhenNotTiedToTheTick() {
        // given
        ReadPause coalesce = pause(2 * MS, 0);

        // when
        long waitNs = coalesce.pauseNs();

        // then
        assertThat(waitNs).isEqualTo(2 * MS);
        assertThat(coalesce.afterCommands()).isFalse();
    }

    @Test
    void shouldWaitHalfTheWayToTheLeadWhenTheTickIsFar() {
        // given: the next tick in 33 ms, reads 1 ms before it
        ReadPause tick = pause(0, MS);
        untilTickNs = 33 * MS;

        // when
        long waitNs = tick.pauseNs();

        // then
        assertThat(waitNs).isEqualTo(16 * MS);
        assertThat(tick.afterCommands()).isTrue();
    }

    @Test
    void shouldWaitUntilTheLeadWhenItIsCloseToIt() {
        // given: the lead starts in 1.5 ms, less than two leads away
        ReadPause tick = pause(0, MS);
        untilTickNs = 2 * MS + MS / 2;

        // when
        long waitNs = tick.pauseNs();

        // then
        assertThat(waitNs).isEqualTo(MS + MS / 2);
    }

    @Test
    void shouldNotWaitWithinTheLeadOrWhileATickIsDueOrRunning() {
        // given
        ReadPause tick = pause(0, MS);

        // when
        untilTickNs = MS / 2;
        long inLead = tick.pauseNs();
        untilTickNs = 0;
        long due = tick.pauseNs();

        // then
        assertThat(inLead).isZero();
        assertThat(due).isZero();
    }

    @Test
    void shouldEndAtWhicheverComesFirstWhenBothAreSet() {
        // given
        ReadPause both = pause(2 * MS, MS);

        // when
        untilTickNs = 33 * MS;
        long farFromTick = both.pauseNs();
        untilTickNs = 2 * MS;
        long nearTick = both.pauseNs();

        // then
        assertThat(farFromTick).isEqualTo(2 * MS);
        assertThat(nearTick).isEqualTo(MS);
    }
}
