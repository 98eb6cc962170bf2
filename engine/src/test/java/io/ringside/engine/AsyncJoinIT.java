package io.ringside.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.room.JoinDecision;
import io.ringside.engine.room.JoinRequest;
import io.ringside.engine.room.Room;
import io.ringside.engine.room.RoomOptions;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.envelope.ServerEnvelope.BodyCase;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Join decisions answered later ({@link JoinDecision#later}) over real sockets: the room asks an
 * outside service (the test's thread), its seat stays reserved meanwhile, and a refusal or no answer
 * within the room type's timeout (300 ms) releases it. Rooms of one seat, kept 10 s after their last
 * player.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AsyncJoinIT {
    private final BlockingQueue<Ask> asked = new LinkedBlockingQueue<>();
    private RingsideServer server;

    /** One join the room asked about: its room and the answer to complete. */
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

    @BeforeEach
    void start() throws Exception {
        server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1)).game(g -> g.shards(1).tickRateHz(60))
                .room("gate", () -> new GateRoom(asked), RoomOptions.builder().capacity(1)
                        .disposeWhenEmptyMs(10_000).joinDecisionTimeoutMs(300).build())
                .build().start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Ask asked() throws InterruptedException {
        Ask ask = asked.poll(20, TimeUnit.SECONDS);
        assertThat(ask).as("the room asked about the join").isNotNull();
        return ask;
    }

    private static void joinById(GameClient client, String roomId) {
        client.join(io.ringside.protocol.envelope.JoinRequest.newBuilder().setRoomId(roomId).build());
    }

    @Test
    void shouldHoldTheSeatWhileAskingAndSeatThePlayerWhenAnotherThreadAccepts() throws Exception {
        try (GameClient a = GameClient.connect(server.port()); GameClient b = GameClient.connect(server.port())) {
            // given: a's join is out for a decision
            a.join("gate");
            Ask ask = asked();

            // when: b asks for the same room's one seat meanwhile
            joinById(b, ask.roomId());

            // then: b is refused as full without the room being asked
            assertThat(b.expect(BodyCase.ERROR).getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_ROOM_FULL);
            assertThat(asked).isEmpty();
            assertThat(a.nothingReceived()).isTrue();

            // when: the service accepts, from its own thread
            Thread service = new Thread(() -> ask.answer().complete(JoinDecision.accept()));
            service.start();
            service.join();

            // then
            assertThat(a.expect(BodyCase.JOINED).getJoined().getRoomId()).isEqualTo(ask.roomId());
        }
    }

    @Test
    void shouldReleaseTheSeatWhenTheAnswerRefuses() throws Exception {
        try (GameClient a = GameClient.connect(server.port()); GameClient b = GameClient.connect(server.port())) {
            // given
            a.join("gate");
            Ask ask = asked();

            // when
            ask.answer().complete(JoinDecision.reject("banned"));

            // then: a is told why, and the seat is free for b
            ServerEnvelope refused = a.expect(BodyCase.ERROR);
            assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_JOIN_REJECTED);
            assertThat(refused.getError().getMessage()).isEqualTo("banned");
            assertSeatTaken(b, ask.roomId());
        }
    }

    @Test
    void shouldReleaseTheSeatWhenNoAnswerComesWithinTheRoomTypesTimeout() throws Exception {
        try (GameClient a = GameClient.connect(server.port()); GameClient b = GameClient.connect(server.port())) {
            // given
            a.join("gate");
            Ask ask = asked();

            // when: nobody answers for 300 ms
            ServerEnvelope timedOut = a.expect(BodyCase.ERROR);

            // then
            assertThat(timedOut.getError().getMessage()).isEqualTo("join decision timed out");
            ask.answer().complete(JoinDecision.accept()); // too late: ignored
            assertSeatTaken(b, ask.roomId());
            assertThat(a.nothingReceived()).isTrue();
        }
    }

    /** {@code client} joins {@code roomId} by id: the room is asked (not refused as full) and seats it. */
    private void assertSeatTaken(GameClient client, String roomId) throws InterruptedException {
        joinById(client, roomId);
        Ask ask = asked();
        assertThat(ask.roomId()).isEqualTo(roomId);
        ask.answer().complete(JoinDecision.accept());
        assertThat(client.expect(BodyCase.JOINED).getJoined().getRoomId()).isEqualTo(roomId);
    }
}
