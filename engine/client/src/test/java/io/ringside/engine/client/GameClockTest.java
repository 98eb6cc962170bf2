package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GameClockTest {
    private static final long MS = 1_000_000L;

    @Test
    void shouldReportNoRttWhenNoPongArrived() {
        // given
        GameClock clock = new GameClock();

        // then
        assertThat(clock.lastRttNs()).isEqualTo(-1);
        assertThat(clock.smoothedRttNs()).isEqualTo(-1);
        assertThat(clock.serverTick(0)).isEqualTo(-1);
    }

    @Test
    void shouldTakeTheFirstSampleAsSmoothedRttWhenFirstPongArrives() {
        // given
        GameClock clock = new GameClock();

        // when
        long sample = clock.pong(1_000 * MS, 0, 1_080 * MS);

        // then
        assertThat(sample).isEqualTo(80 * MS);
        assertThat(clock.lastRttNs()).isEqualTo(80 * MS);
        assertThat(clock.smoothedRttNs()).isEqualTo(80 * MS);
    }

    @Test
    void shouldMoveSmoothedRttByAnEighthWhenLaterSamplesArrive() {
        // given
        GameClock clock = new GameClock();
        clock.pong(0, 0, 80 * MS);

        // when
        clock.pong(100 * MS, 0, 260 * MS);

        // then: 80 + (160 - 80) / 8 = 90
        assertThat(clock.lastRttNs()).isEqualTo(160 * MS);
        assertThat(clock.smoothedRttNs()).isEqualTo(90 * MS);
    }

    @Test
    void shouldIgnoreASampleWhenItsEchoedTimeIsInTheFuture() {
        // given
        GameClock clock = new GameClock();
        clock.pong(0, 0, 80 * MS);

        // when
        long sample = clock.pong(500 * MS, 0, 100 * MS);

        // then
        assertThat(sample).isEqualTo(-1);
        assertThat(clock.lastRttNs()).isEqualTo(80 * MS);
        assertThat(clock.smoothedRttNs()).isEqualTo(80 * MS);
    }

    @Test
    void shouldAdvanceTheServerTickAtTheTickRateWhenTimePassesAfterJoined() {
        // given
        GameClock clock = new GameClock();

        // when
        clock.joined(20, 1_000, 5_000 * MS);

        // then
        assertThat(clock.tickRateHz()).isEqualTo(20);
        assertThat(clock.serverTick(5_000 * MS)).isEqualTo(1_000);
        assertThat(clock.serverTick(5_049 * MS)).isEqualTo(1_000);
        assertThat(clock.serverTick(5_050 * MS)).isEqualTo(1_001);
        assertThat(clock.serverTick(7_000 * MS)).isEqualTo(1_040);
    }

    @Test
    void shouldAnchorJoinedHalfARoundTripEarlierWhenRttIsKnown() {
        // given
        GameClock clock = new GameClock();
        clock.pong(0, 0, 100 * MS);

        // when: Joined left the server 50 ms before it arrived
        clock.joined(20, 1_000, 1_000 * MS);

        // then
        assertThat(clock.serverTick(1_000 * MS)).isEqualTo(1_001);
    }

    @Test
    void shouldReanchorOnThePongTickHalfARoundTripBeforeArrivalWhenPongArrives() {
        // given
        GameClock clock = new GameClock();
        clock.joined(10, 0, 0);

        // when: sent at 10 s, back at 10.2 s, the server was at tick 500 at about 10.1 s
        clock.pong(10_000 * MS, 500, 10_200 * MS);

        // then
        assertThat(clock.serverTick(10_200 * MS)).isEqualTo(501);
        assertThat(clock.serverTick(10_300 * MS)).isEqualTo(502);
    }

    @Test
    void shouldNotEstimateATickWhenTheRoomWasLeft() {
        // given
        GameClock clock = new GameClock();
        clock.joined(20, 1_000, 0);

        // when
        clock.left();
        clock.pong(0, 5, 10 * MS);

        // then
        assertThat(clock.serverTick(100 * MS)).isEqualTo(-1);
        assertThat(clock.lastRttNs()).isEqualTo(10 * MS);
    }

    @Test
    void shouldNotOverflowWhenYearsPassAtAHighTickRate() {
        // given
        GameClock clock = new GameClock();
        clock.joined(1_000, 0, 0);
        long tenYearsNs = 10L * 365 * 24 * 3600 * 1_000_000_000L;

        // when
        long tick = clock.serverTick(tenYearsNs);

        // then
        assertThat(tick).isEqualTo(10L * 365 * 24 * 3600 * 1_000);
    }

    @Test
    void shouldNotGoBackWhenTheClockReadsEarlierThanTheAnchor() {
        // given
        GameClock clock = new GameClock();
        clock.joined(20, 1_000, 5_000 * MS);

        // then
        assertThat(clock.serverTick(4_000 * MS)).isEqualTo(1_000);
    }
}
