package io.ringside.examples.arena;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputQueueTest {
    @Test
    void shouldDropTheOldestWhenFull() {
        // given
        InputQueue queue = new InputQueue();

        // when
        for (int seq = 1; seq <= InputQueue.CAPACITY + 3; seq++) {
            queue.offer(seq, 0, 0, 0, false);
        }

        // then
        assertThat(queue.size()).isEqualTo(InputQueue.CAPACITY);
        assertThat(queue.seq()).isEqualTo(4);
    }

    @Test
    void shouldClampMovementAndZeroNonFiniteValuesWhenOffered() {
        // given
        InputQueue queue = new InputQueue();

        // when
        queue.offer(1, 7, Float.NaN, Float.POSITIVE_INFINITY, true);

        // then
        assertThat(queue.moveX()).isEqualTo(1);
        assertThat(queue.moveY()).isZero();
        assertThat(queue.aim()).isZero();
        assertThat(queue.fire()).isTrue();
    }

    @Test
    void shouldAcceptSeqOneAgainWhenReset() {
        // given
        InputQueue queue = new InputQueue();
        queue.offer(9, 0, 0, 0, false);

        // when
        queue.reset();
        boolean stale = queue.offer(9, 0, 0, 0, false);
        queue.reset();
        boolean fresh = queue.offer(1, 0, 0, 0, false);

        // then
        assertThat(stale).as("accepted after reset, not a duplicate of the forgotten 9").isTrue();
        assertThat(fresh).isTrue();
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.seq()).isEqualTo(1);
    }
}
