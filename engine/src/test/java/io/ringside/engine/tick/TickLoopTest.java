package io.ringside.engine.tick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.junit.jupiter.api.Test;

class TickLoopTest {
    private static final long MS = 1_000_000L;

    private final ManualClock clock = new ManualClock();
    private final LongArrayList ticksRun = new LongArrayList();

    private TickLoop loop(int rateHz, int maxCatchUp, long tickCostNs) {
        TickLoopConfig config = TickLoopConfig.builder().tickRateHz(rateHz).maxCatchUpTicks(maxCatchUp).build();
        return new TickLoop(config, clock, (tick, stepNs) -> {
            ticksRun.add(tick);
            clock.advance(tickCostNs);
        });
    }

    @Test
    void shouldRunTickZeroAtOnceAndTheNextOneIntervalLater() {
        // given
        TickLoop loop = loop(50, 3, 0);

        // when
        int first = loop.doWork();
        clock.advance(19 * MS);
        int early = loop.doWork();
        clock.advance(MS);
        int onTime = loop.doWork();

        // then
        assertThat(first).isEqualTo(1);
        assertThat(early).isZero();
        assertThat(onTime).isEqualTo(1);
        assertThat(ticksRun.toLongArray()).containsExactly(0L, 1L);
    }

    @Test
    void shouldNotDriftWhenTicksStartLate() {
        // given: ticks at 0, 20, 40 ms are observed 5 ms late each time
        TickLoop loop = loop(50, 3, 0);
        loop.doWork();

        // when
        clock.advance(25 * MS);
        loop.doWork();
        long untilNext = loop.nanosUntilNextTick(clock.nanoTime());

        // then: the next tick is still due at 40 ms, not 45 ms
        assertThat(untilNext).isEqualTo(15 * MS);
    }

    @Test
    void shouldCatchUpAtMostTheConfiguredTicksAndSkipTheRest() {
        // given: a 100 Hz loop that stalls for 105 ms after tick 0
        TickLoop loop = loop(100, 3, 0);
        loop.doWork();

        // when
        clock.advance(105 * MS);
        int ran = loop.doWork();

        // then: ticks 1-10 were due; 3 catch-up ticks plus the current one run, 6 are skipped
        assertThat(ran).isEqualTo(4);
        assertThat(ticksRun.toLongArray()).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(loop.metrics().skippedTicks()).isEqualTo(6);
        assertThat(loop.nanosUntilNextTick(clock.nanoTime())).isEqualTo(5 * MS);
    }

    @Test
    void shouldSkipEveryOverdueTickWhenCatchUpIsZero() {
        // given
        TickLoop loop = loop(100, 0, 0);
        loop.doWork();

        // when
        clock.advance(55 * MS);
        int ran = loop.doWork();

        // then
        assertThat(ran).isEqualTo(1);
        assertThat(loop.metrics().skippedTicks()).isEqualTo(4);
        assertThat(loop.nextTick()).isEqualTo(2);
    }

    @Test
    void shouldCountATickLongerThanItsIntervalAsAnOverrun() {
        // given: every tick costs 30 ms at 50 Hz (20 ms interval); no catch-up, so one tick a call
        TickLoop loop = loop(50, 0, 30 * MS);

        // when
        loop.doWork();

        // then
        TickMetrics.Snapshot snapshot = loop.metrics().snapshot();
        assertThat(snapshot.ticks()).isEqualTo(1);
        assertThat(snapshot.overruns()).isEqualTo(1);
        assertThat(snapshot.maxNs()).isBetween(29 * MS, 31 * MS);
    }

    @Test
    void shouldRunCatchUpTicksBackToBackWhenEveryTickOverruns() {
        // given
        TickLoop loop = loop(50, 3, 30 * MS);

        // when
        int ran = loop.doWork();

        // then: tick 0 makes tick 1 overdue, and so on, up to the catch-up bound
        assertThat(ran).isEqualTo(4);
        assertThat(loop.metrics().overruns()).isEqualTo(4);
    }

    @Test
    void shouldReportDurationPercentilesOfCheapTicks() {
        // given
        TickLoop loop = loop(10, 3, MS);

        // when
        for (int i = 0; i < 100; i++) {
            loop.doWork();
            clock.advance(99 * MS);
        }

        // then
        TickMetrics.Snapshot snapshot = loop.metrics().snapshot();
        assertThat(snapshot.ticks()).isEqualTo(100);
        assertThat(snapshot.overruns()).isZero();
        assertThat(snapshot.skippedTicks()).isZero();
        assertThat(snapshot.p50Ns()).isBetween(999_000L, 1_001_000L);
        assertThat(snapshot.p99Ns()).isBetween(999_000L, 1_001_000L);
    }

    @Test
    void shouldPassTheFixedStepToEveryTick() {
        // given
        LongArrayList steps = new LongArrayList();
        TickLoop loop = new TickLoop(TickLoopConfig.builder().tickRateHz(64).build(), clock,
                (tick, stepNs) -> steps.add(stepNs));

        // when
        loop.doWork();
        clock.advance(100 * MS);
        loop.doWork();

        // then
        assertThat(steps.toLongArray()).isNotEmpty().containsOnly(1_000_000_000L / 64);
    }

    @Test
    void shouldMovePastATickThatThrows() {
        // given
        TickLoop loop = new TickLoop(TickLoopConfig.defaults(), clock, (tick, stepNs) -> {
            ticksRun.add(tick);
            if (tick == 0) {
                throw new IllegalStateException("boom");
            }
        });

        // when
        assertThatThrownBy(loop::doWork).hasMessage("boom");
        clock.advance(loop.tickIntervalNs());
        loop.doWork();

        // then
        assertThat(ticksRun.toLongArray()).containsExactly(0L, 1L);
        assertThat(loop.metrics().ticks()).isEqualTo(2);
    }

    @Test
    void shouldRejectRatesOutsideOneTo128Hz() {
        assertThatThrownBy(() -> TickLoopConfig.builder().tickRateHz(0).build())
                .hasMessageContaining("tickRateHz=0");
        assertThatThrownBy(() -> TickLoopConfig.builder().tickRateHz(129).build())
                .hasMessageContaining("tickRateHz=129");
        assertThatThrownBy(() -> TickLoopConfig.builder().maxCatchUpTicks(-1).build())
                .hasMessageContaining("maxCatchUpTicks=-1");
    }

    private static final class ManualClock implements NanoClock {
        private long now = 1_000 * MS;

        @Override
        public long nanoTime() {
            return now;
        }

        void advance(long nanos) {
            now += nanos;
        }
    }
}
