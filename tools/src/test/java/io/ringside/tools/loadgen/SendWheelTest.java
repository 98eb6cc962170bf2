package io.ringside.tools.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SendWheelTest {
    private static final long MS = 1_000_000L;

    @Test
    void shouldFireEachTaskOncePerPeriodWhenAdvancedEverySlot() {
        // given: 20 Hz in 1 ms slots, 100 tasks
        SendWheel wheel = new SendWheel(20, MS, 0);
        AtomicInteger runs = new AtomicInteger();
        for (int i = 0; i < 100; i++) {
            wheel.add(runs::incrementAndGet);
        }

        // when: one second, advanced every millisecond
        for (long t = 0; t < 1000; t++) {
            wheel.advance(t * MS);
        }

        // then
        assertThat(wheel.slotCount()).isEqualTo(50);
        assertThat(runs.get()).isEqualTo(100 * 20);
    }

    @Test
    void shouldCatchUpMissedSlotsButAtMostOnePeriodWhenAdvancedLate() {
        // given
        SendWheel wheel = new SendWheel(20, MS, 0);
        AtomicInteger runs = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            wheel.add(runs::incrementAndGet);
        }
        wheel.advance(0);
        int first = runs.get();

        // when: 25 ms late, then 10 s late
        wheel.advance(49 * MS);
        int afterOnePeriod = runs.get();
        wheel.advance(10_049 * MS);

        // then: the rest of the first period ran once; the long stall ran one period, not two hundred
        assertThat(afterOnePeriod).isEqualTo(10);
        assertThat(runs.get() - afterOnePeriod).isEqualTo(10);
        assertThat(first).isBetween(0, 10);
    }
}
