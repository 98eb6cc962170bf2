package io.ringside.engine.tick;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TickThreadIT {

    @Test
    void shouldTickAtTheConfiguredRateOnTheSystemClock() throws InterruptedException {
        // given
        AtomicLong ticks = new AtomicLong();
        NanoClock clock = NanoClock.system();
        TickLoop loop = new TickLoop(TickLoopConfig.builder().tickRateHz(50).build(), clock,
                (tick, stepNs) -> ticks.incrementAndGet());

        // when
        long start = System.nanoTime();
        TickThread thread = new TickThread("tick-rate-test", loop, clock);
        try {
            Thread.sleep(2_000);
        } finally {
            thread.close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        // then: generous bounds, this is a shared 2-core machine
        double rate = ticks.get() / seconds;
        assertThat(rate).isBetween(40.0, 55.0);
    }

    @Test
    void shouldKeepTickingAfterATickThrows() throws InterruptedException {
        // given
        CountDownLatch laterTick = new CountDownLatch(1);
        NanoClock clock = NanoClock.system();
        TickLoop loop = new TickLoop(TickLoopConfig.builder().tickRateHz(100).build(), clock, (tick, stepNs) -> {
            if (tick == 1) {
                throw new IllegalStateException("tick 1 fails on purpose");
            }
            if (tick == 5) {
                laterTick.countDown();
            }
        });

        // when
        boolean reached;
        TickThread thread = new TickThread("tick-failure-test", loop, clock);
        try {
            reached = laterTick.await(10, TimeUnit.SECONDS);
        } finally {
            thread.close();
        }

        // then
        assertThat(reached).isTrue();
    }

    @Test
    void shouldEndItsThreadOnClose() {
        // given
        NanoClock clock = NanoClock.system();
        TickLoop loop = new TickLoop(TickLoopConfig.defaults(), clock, (tick, stepNs) -> { });
        TickThread thread = new TickThread("tick-close-test", loop, clock);

        // when
        thread.close();

        // then
        assertThat(thread.isAlive()).isFalse();
    }
}
