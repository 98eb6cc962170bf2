package io.ringside.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MessageArrayPoolTest {
    private final AtomicLong charged = new AtomicLong();

    private MessageArrayPool pool(long maxIdleBytes) {
        return new MessageArrayPool(maxIdleBytes, charged::addAndGet);
    }

    @Test
    void shouldLendPowerOfTwoArraysFromOneKibAndChargeTheBudgetWhenMade() {
        // given
        MessageArrayPool pool = pool(1 << 20);

        // when
        LentArray small = pool.lend(100);
        LentArray exact = pool.lend(4096);
        LentArray over = pool.lend(4097);

        // then
        assertThat(small.bytes()).hasSize(1024);
        assertThat(exact.bytes()).hasSize(4096);
        assertThat(over.bytes()).hasSize(8192);
        assertThat(charged.get()).isEqualTo(1024 + 4096 + 8192);
        assertThat(pool.made()).isEqualTo(3);
    }

    @Test
    void shouldLendTheSameArrayAgainWhenGivenBackWithoutMakingOrCharging() {
        // given
        MessageArrayPool pool = pool(1 << 20);
        LentArray first = pool.lend(3000);
        pool.giveBack(first);

        // when
        LentArray second = pool.lend(2500);

        // then
        assertThat(second).isSameAs(first);
        assertThat(pool.made()).isEqualTo(1);
        assertThat(charged.get()).isEqualTo(4096);
    }

    @Test
    void shouldDropAndCreditWhatComesBackBeyondTheIdleBound() {
        // given: room for two idle 4 KiB arrays, and five lent
        MessageArrayPool pool = pool(8192);
        List<LentArray> lent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lent.add(pool.lend(4096));
        }
        assertThat(charged.get()).isEqualTo(5 * 4096);

        // when
        lent.forEach(pool::giveBack);
        pool.takeReturned();

        // then
        assertThat(pool.idleBytes()).isEqualTo(8192);
        assertThat(pool.ownedBytes()).isEqualTo(8192);
        assertThat(charged.get()).isEqualTo(8192);
    }

    @Test
    void shouldLendNothingLargerThanTheIdleBoundAndNothingWhenOff() {
        // given
        MessageArrayPool pool = pool(64 * 1024);

        // when / then
        assertThat(pool.lend(64 * 1024)).isNotNull();
        assertThat(pool.lend(64 * 1024 + 1)).isNull();
        assertThat(pool(0).lend(10)).isNull();
        assertThatThrownBy(() -> pool(-1)).hasMessage("maxIdleBytes=-1");
    }

    @Test
    void shouldTakeBackArraysGivenFromOtherThreads() throws Exception {
        // given: arrays lent on this thread, given back from four others at once
        MessageArrayPool pool = pool(1 << 20);
        List<LentArray> lent = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            lent.add(pool.lend(2048));
        }
        List<Thread> givers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            List<LentArray> part = lent.subList(t * 16, t * 16 + 16);
            givers.add(new Thread(() -> part.forEach(pool::giveBack)));
        }

        // when
        givers.forEach(Thread::start);
        for (Thread giver : givers) {
            giver.join();
        }
        List<LentArray> again = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            again.add(pool.lend(2048));
        }

        // then: every one came back and is lent again, none made
        assertThat(again).containsExactlyInAnyOrderElementsOf(lent);
        assertThat(pool.made()).isEqualTo(64);
    }
}
