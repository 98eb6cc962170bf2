package io.ringside.engine.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InputQueueTest {

    @Test
    void shouldTakeInputsOldestFirstAndRememberTheLastTaken() {
        // given
        InputQueue queue = new InputQueue(4);
        queue.offer(1, "a");
        queue.offer(2, "b");

        // when
        boolean first = queue.take();
        int firstSeq = queue.lastTaken();
        Object firstInput = queue.lastInput();
        boolean second = queue.take();
        boolean third = queue.take();

        // then
        assertThat(first).isTrue();
        assertThat(firstSeq).isEqualTo(1);
        assertThat(firstInput).isEqualTo("a");
        assertThat(second).isTrue();
        assertThat(third).isFalse();
        assertThat(queue.lastTaken()).isEqualTo(2);
        assertThat(queue.lastInput()).isEqualTo("b");
        assertThat(queue.size()).isZero();
        assertThat(queue.lastQueued()).isEqualTo(2);
    }

    @Test
    void shouldDropTheOldestAndCountItWhenFull() {
        // given
        InputQueue queue = new InputQueue(3);
        for (int seq = 1; seq <= 3; seq++) {
            queue.offer(seq, "in" + seq);
        }

        // when
        boolean droppedFourth = queue.offer(4, "in4");
        boolean droppedFifth = queue.offer(5, "in5");

        // then
        assertThat(droppedFourth).isTrue();
        assertThat(droppedFifth).isTrue();
        assertThat(queue.dropped()).isEqualTo(2);
        assertThat(queue.size()).isEqualTo(3);
        StringBuilder taken = new StringBuilder();
        while (queue.take()) {
            taken.append(queue.lastTaken()).append(queue.lastInput()).append(' ');
        }
        assertThat(taken.toString()).isEqualTo("3in3 4in4 5in5 ");
    }

    @Test
    void shouldWrapAroundTheRingOverManyOffersAndTakes() {
        // given
        InputQueue queue = new InputQueue(2);

        // when
        StringBuilder taken = new StringBuilder();
        for (int seq = 1; seq <= 7; seq++) {
            queue.offer(seq, seq);
            queue.take();
            taken.append(queue.lastInput());
        }

        // then
        assertThat(taken.toString()).isEqualTo("1234567");
        assertThat(queue.dropped()).isZero();
    }

    @Test
    void shouldForgetEverythingOnReset() {
        // given
        InputQueue queue = new InputQueue(2);
        queue.offer(1, "a");
        queue.take();
        queue.offer(2, "b");

        // when
        queue.reset();

        // then
        assertThat(queue.size()).isZero();
        assertThat(queue.lastQueued()).isZero();
        assertThat(queue.lastTaken()).isZero();
        assertThat(queue.lastInput()).isNull();
        assertThat(queue.take()).isFalse();
    }

    @Test
    void shouldRefuseACapacityBelowOne() {
        assertThatThrownBy(() -> new InputQueue(0)).hasMessageContaining("capacity=0");
    }
}
