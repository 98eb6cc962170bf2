package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Int32Value;
import org.junit.jupiter.api.Test;

class InputPredictorTest {
    /** The game's step: the state is a position, the input a move. */
    private static Integer step(Integer x, Int32Value move) {
        return x + move.getValue();
    }

    @Test
    void shouldNumberInputsFromOneAndPredictOnceItHasAState() {
        // given
        InputPredictor<Integer, Int32Value> predictor = new InputPredictor<>(InputPredictorTest::step);
        int before = predictor.next(Int32Value.of(5));

        // when
        predictor.reset(100);
        int second = predictor.next(Int32Value.of(1));
        int third = predictor.next(Int32Value.of(2));

        // then
        assertThat(before).isEqualTo(1);
        assertThat(second).isEqualTo(2);
        assertThat(third).isEqualTo(3);
        assertThat(predictor.state()).isEqualTo(103);
        assertThat(predictor.pending()).isEqualTo(2);
    }

    @Test
    void shouldReplayOnlyUnackedInputsOnTheServersStateWithoutACorrectionWhenTheyAgree() {
        // given
        InputPredictor<Integer, Int32Value> predictor = new InputPredictor<>(InputPredictorTest::step);
        predictor.reset(0);
        for (int i = 0; i < 4; i++) {
            predictor.next(Int32Value.of(1));
        }

        // when the server took inputs 1 and 2
        Integer reconciled = predictor.reconcile(2, 2);

        // then
        assertThat(reconciled).isEqualTo(4);
        assertThat(predictor.pending()).isEqualTo(2);
        assertThat(predictor.ack()).isEqualTo(2);
        assertThat(predictor.corrections()).isZero();
    }

    @Test
    void shouldTakeTheServersWordAndCountACorrectionWhenTheyDisagree() {
        // given
        InputPredictor<Integer, Int32Value> predictor = new InputPredictor<>(InputPredictorTest::step);
        predictor.reset(0);
        predictor.next(Int32Value.of(10));
        predictor.next(Int32Value.of(10));

        // when the server stopped the first move at a wall
        Integer reconciled = predictor.reconcile(3, 1);

        // then
        assertThat(reconciled).isEqualTo(13);
        assertThat(predictor.corrections()).isEqualTo(1);
    }

    @Test
    void shouldForgetTheOldestBeyondMaxPendingAndStartOverOnRestart() {
        // given
        InputPredictor<Integer, Int32Value> predictor =
                new InputPredictor<>(InputPredictorTest::step, (a, b) -> !a.equals(b), 2);
        predictor.reset(0);
        predictor.next(Int32Value.of(1));
        predictor.next(Int32Value.of(1));
        predictor.next(Int32Value.of(1));
        long droppedBeforeRestart = predictor.dropped();
        int pendingBeforeRestart = predictor.pending();

        // when
        predictor.restart();

        // then
        assertThat(droppedBeforeRestart).isEqualTo(1);
        assertThat(pendingBeforeRestart).isEqualTo(2);
        assertThat(predictor.state()).isNull();
        assertThat(predictor.pending()).isZero();
        assertThat(predictor.next(Int32Value.of(1))).isEqualTo(1);
    }

    @Test
    void shouldRefuseAMaxPendingBelowOne() {
        assertThatThrownBy(() -> new InputPredictor<Integer, Int32Value>(InputPredictorTest::step, (a, b) -> false, 0))
                .hasMessageContaining("maxPending=0");
    }
}
