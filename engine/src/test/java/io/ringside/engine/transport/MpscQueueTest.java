package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MpscQueueTest {
    @Test
    void shouldPollInOfferOrderWhenSingleProducer() {
        // given
        MpscQueue<Integer> queue = new MpscQueue<>(4);

        // when
        queue.offer(1);
        queue.offer(2);

        // then
        assertThat(queue.poll()).isEqualTo(1);
        assertThat(queue.poll()).isEqualTo(2);
        assertThat(queue.poll()).isNull();
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void shouldRefuseOfferWhenFullAndAcceptAgainAfterPoll() {
        // given
        MpscQueue<String> queue = new MpscQueue<>(3);
        for (int i = 0; i < queue.capacity(); i++) {
            assertThat(queue.offer("x" + i)).isTrue();
        }

        // when
        boolean overflow = queue.offer("too many");
        queue.poll();

        // then
        assertThat(queue.capacity()).isEqualTo(4);
        assertThat(overflow).isFalse();
        assertThat(queue.offer("fits again")).isTrue();
    }

    @Test
    void shouldRejectCapacityBelowTwo() {
        assertThatThrownBy(() -> new MpscQueue<>(1)).hasMessage("capacity=1");
    }

    @Test
    @Timeout(30)
    void shouldDeliverEveryElementOnceInPerProducerOrderWhenProducersRace() throws Exception {
        // given
        int producers = 4;
        int perProducer = 20_000;
        MpscQueue<long[]> queue = new MpscQueue<>(1024);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            final long id = p;
            threads.add(new Thread(() -> {
                for (long i = 0; i < perProducer; i++) {
                    long[] element = {id, i};
                    while (!queue.offer(element)) {
                        Thread.onSpinWait();
                    }
                }
            }));
        }

        // when
        threads.forEach(Thread::start);
        long[] next = new long[producers];
        int received = 0;
        while (received < producers * perProducer) {
            long[] element = queue.poll();
            if (element == null) {
                Thread.onSpinWait();
                continue;
            }
            // then
            assertThat(element[1]).isEqualTo(next[(int) element[0]]);
            next[(int) element[0]]++;
            received++;
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(queue.poll()).isNull();
    }
}
