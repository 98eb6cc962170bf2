package io.ringside.engine.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.LeaveRequest;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.envelope.ServerEnvelope.BodyCase;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * Join decisions answered later ({@link JoinDecision#later}), driven by hand: the seat stays
 * reserved while the answer is out, and is released on refusal, timeout, failure, or when the
 * client leaves or drops. Room "gate" takes one player, outlives its last player by 10 s, and waits
 * at most 300 ms (3 ticks at 10 Hz) for an answer.
 */
class AsyncJoinTest {
    private final BlockingQueue<Ask> asked = new LinkedBlockingQueue<>();
    private final EngineHarness h = new EngineHarness(GameConfig.builder().shards(1).tickRateHz(10)
            .room("gate", () -> new GateRoom(asked), RoomOptions.builder().capacity(1).disposeWhenEmptyMs(10_000)
                    .joinDecisionTimeoutMs(300).build()));

    /** One join the room asked the outside service (the test) about. */
    record Ask(String roomId, CompletableFuture<JoinDecision> answer) {
    }

    /** Asks about every join and answers later. */
    static final class GateRoom extends Room {
        private final BlockingQueue<Ask> asked;

        GateRoom(BlockingQueue<Ask> asked) {
            this.asked = asked;
        }

        @Override
        protected JoinDecision onJoinAttempt(JoinRequest request) {
            CompletableFuture<JoinDecision> answer = new CompletableFuture<>();
            asked.add(new Ask(roomId(), answer));
            return JoinDecision.later(answer);
        }
    }

    private static ServerEnvelope only(RecordingConnection connection, BodyCase body) {
        List<ServerEnvelope> received = connection.drain();
        assertThat(received).extracting(ServerEnvelope::getBodyCase).containsExactly(body);
        return received.get(0);
    }

    private Ask ask(RecordingConnection connection) {
        h.join(connection, "gate");
        h.tick();
        return asked();
    }

    private Ask askById(RecordingConnection connection, String roomId) {
        h.send(connection, ClientEnvelope.newBuilder().setJoin(
                io.ringside.protocol.envelope.JoinRequest.newBuilder().setRoomId(roomId)).build());
        h.tick();
        return asked();
    }

    private Ask asked() {
        Ask ask = asked.poll();
        assertThat(ask).as("the room asked about the join").isNotNull();
        return ask;
    }

    /** The room's one seat is free: a join by its id is asked about (not refused ROOM_FULL) and seated. */
    private void assertSeatFree(String roomId) {
        RecordingConnection next = h.connect();
        Ask ask = askById(next, roomId);
        assertThat(next.drain()).as("no ROOM_FULL").isEmpty();
        ask.answer().complete(JoinDecision.accept());
        h.tick();
        assertThat(only(next, BodyCase.JOINED).getJoined().getRoomId()).isEqualTo(roomId);
    }

    @Test
    void shouldSeatThePlayerWhenTheAnswerAcceptsFromAnotherThread() throws Exception {
        // given
        RecordingConnection a = h.connect();
        Ask ask = ask(a);
        assertThat(a.drain()).as("nothing until the answer").isEmpty();

        // when
        Thread service = new Thread(() -> ask.answer().complete(JoinDecision.accept()));
        service.start();
        service.join();
        h.tick();

        // then
        assertThat(only(a, BodyCase.JOINED).getJoined().getRoomId()).isEqualTo(ask.roomId());
        assertThat(h.runtime.gameMetrics().joinsByOutcome()).containsEntry("accepted", 1L);
    }

    @Test
    void shouldKeepTheSeatReservedWhileTheAnswerIsOut() {
        // given: a's join waits in a room of one
        Ask first = ask(h.connect());

        // when
        RecordingConnection b = h.connect();
        h.send(b, ClientEnvelope.newBuilder().setJoin(
                io.ringside.protocol.envelope.JoinRequest.newBuilder().setRoomId(first.roomId())).build());
        h.tick();

        // then: refused as full without asking the room
        assertThat(only(b, BodyCase.ERROR).getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_ROOM_FULL);
        assertThat(asked).isEmpty();
    }

    @Test
    void shouldRejectAndReleaseTheSeatWhenTheAnswerRefuses() {
        // given
        RecordingConnection a = h.connect();
        Ask ask = ask(a);

        // when
        ask.answer().complete(JoinDecision.reject("banned"));
        h.tick();

        // then
        ServerEnvelope error = only(a, BodyCase.ERROR);
        assertThat(error.getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_JOIN_REJECTED);
        assertThat(error.getError().getMessage()).isEqualTo("banned");
        assertSeatFree(ask.roomId());
    }

    @Test
    void shouldRejectAndReleaseTheSeatWhenNoAnswerComesInTime() {
        // given
        RecordingConnection a = h.connect();
        Ask ask = ask(a);

        // when: three ticks pass, then the answer comes too late
        h.ticks(3);
        ask.answer().complete(JoinDecision.accept());
        h.tick();

        // then
        ServerEnvelope error = only(a, BodyCase.ERROR);
        assertThat(error.getError().getMessage()).isEqualTo("join decision timed out");
        assertThat(h.runtime.gameMetrics().joinsByOutcome()).containsEntry("timeout", 1L);
        assertSeatFree(ask.roomId());
    }

    @Test
    void shouldRejectAndReleaseTheSeatWhenTheAnswerFails() {
        // given
        RecordingConnection a = h.connect();
        Ask ask = ask(a);

        // when
        ask.answer().completeExceptionally(new IllegalStateException("service down"));
        h.tick();

        // then
        assertThat(only(a, BodyCase.ERROR).getError().getMessage()).isEqualTo("join decision failed");
        assertSeatFree(ask.roomId());
    }

    @Test
    void shouldReleaseTheSeatWhenTheClientDropsBeforeTheAnswer() {
        // given
        RecordingConnection a = h.connect();
        Ask ask = ask(a);

        // when: a drops; its answer comes anyway
        h.drop(a);
        h.tick();
        ask.answer().complete(JoinDecision.accept());
        h.tick();

        // then
        assertSeatFree(ask.roomId());
    }

    @Test
    void shouldReleaseTheSeatWhenTheClientLeavesBeforeTheAnswer() {
        // given
        RecordingConnection a = h.connect();
        Ask ask = ask(a);

        // when
        h.send(a, ClientEnvelope.newBuilder().setLeave(LeaveRequest.getDefaultInstance()).build());
        h.tick();
        ask.answer().complete(JoinDecision.accept());
        h.tick();

        // then: a is told nothing more, and the seat is free
        assertThat(a.drain()).isEmpty();
        assertSeatFree(ask.roomId());
    }
}
