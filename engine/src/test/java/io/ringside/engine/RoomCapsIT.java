package io.ringside.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.room.Room;
import io.ringside.engine.room.RoomOptions;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.LeaveRequest;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Caps on rooms over real sockets: one client creates private rooms and leaves each (an empty room
 * of this type lives ten minutes), as an attacker would to fill the server with rooms. With
 * {@code maxRoomsPerClient} at 2 000 the 2 001st is answered ROOM_LIMIT, while another client can
 * still create a room.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RoomCapsIT {
    private static final int CAP = 2_000;
    private static final int BATCH = 100;

    private RingsideServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldRefuseTheRoomOverTheClientsCapWithRoomLimitWhileOthersCanStillCreate() throws Exception {
        // given
        server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1).shutdownTimeoutMs(500))
                .game(g -> g.shards(1).tickRateHz(30).maxRoomsPerClient(CAP))
                .room("lingering", EmptyRoom::new, RoomOptions.builder().disposeWhenEmptyMs(600_000).build())
                .build().start();
        try (RawGameClient attacker = new RawGameClient(server.port());
             RawGameClient other = new RawGameClient(server.port())) {
            for (int created = 0; created < CAP; created += BATCH) {
                for (int i = 0; i < BATCH; i++) {
                    attacker.send(createPrivate());
                    attacker.send(leave());
                }
                int expectedLeft = created + BATCH;
                attacker.readUntil(e -> attacker.count(ServerEnvelope::hasLeft) == expectedLeft);
            }

            // when
            attacker.send(createPrivate());
            List<ServerEnvelope> answers = attacker.readUntil(ServerEnvelope::hasError);
            other.send(createPrivate());
            List<ServerEnvelope> otherAnswers = other.readUntil(e -> e.hasJoined() || e.hasError());

            // then
            assertThat(answers.stream().filter(ServerEnvelope::hasJoined)).hasSize(CAP);
            ServerEnvelope refusal = answers.get(answers.size() - 1);
            assertThat(refusal.getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_ROOM_LIMIT);
            assertThat(refusal.getError().getMessage()).contains("2000 rooms");
            assertThat(otherAnswers.get(otherAnswers.size() - 1).hasJoined()).isTrue();
            assertThat(server.metrics().get(0).rooms()).isEqualTo(CAP + 1);
        }
    }

    private static ClientEnvelope createPrivate() {
        return ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomType("lingering")
                .setCreatePrivate(true)).build();
    }

    private static ClientEnvelope leave() {
        return ClientEnvelope.newBuilder().setLeave(LeaveRequest.getDefaultInstance()).build();
    }

    /** A room that does nothing. */
    public static final class EmptyRoom extends Room {
    }
}
