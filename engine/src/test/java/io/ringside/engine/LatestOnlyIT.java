package io.ringside.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.StringValue;
import io.ringside.engine.room.SnapshotRoom;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.websocket.CloseCode;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A player who stops reading while the room streams snapshots: latest-only snapshots replace each
 * other in the connection's queue, so the backlog stays small, the player stays connected and gets
 * the newest state when it reads again; ordinary messages pile up until the backlog limit closes it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LatestOnlyIT {
    private static final int SNAPSHOTS = 150;
    private static final int SNAPSHOT_BYTES = 64 * 1024;

    private final Queue<String> log = new ConcurrentLinkedQueue<>();
    private RingsideServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private int closeCode;

    /** A player joins, starts the stream, reads nothing until all snapshots were sent, then reads. */
    private List<ServerEnvelope> stallThenRead(boolean latestOnly) throws Exception {
        server = RingsideServer.builder()
                .transport(t -> t.port(0).ioLoops(1).maxOutboundBacklogBytes(512 * 1024).shutdownTimeoutMs(500))
                .game(g -> g.shards(1).tickRateHz(100))
                .room("snap", () -> new SnapshotRoom(log, latestOnly, SNAPSHOTS, SNAPSHOT_BYTES))
                .build().start();
        try (RawGameClient client = new RawGameClient(server.port())) {
            client.send(ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomType("snap")).build());
            client.send(ClientEnvelope.newBuilder().setGame(GameMessage.newBuilder().setType(SnapshotRoom.START))
                    .build());
            while (!log.contains("sent " + SNAPSHOTS)) {
                Thread.sleep(10);
            }
            List<ServerEnvelope> received = client.readUntil(LatestOnlyIT::isLast);
            closeCode = client.closeCode();
            return received;
        }
    }

    private static boolean isLast(ServerEnvelope envelope) {
        try {
            return envelope.hasGame()
                    && StringValue.parseFrom(envelope.getGame().getPayload()).getValue().startsWith(SNAPSHOTS + ":");
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldKeepOnlyNewestSnapshotWhenPlayerStopsReading() throws Exception {
        // when
        List<ServerEnvelope> received = stallThenRead(true);

        // then
        assertThat(closeCode).isZero();
        List<ServerEnvelope> snapshots = received.stream().filter(ServerEnvelope::hasGame).toList();
        assertThat(snapshots.size()).isLessThan(SNAPSHOTS);
        assertThat(isLast(snapshots.get(snapshots.size() - 1))).isTrue();
    }

    @Test
    void shouldCloseWithPolicyViolationWhenOrdinaryMessagesPileUp() throws Exception {
        // when
        stallThenRead(false);

        // then
        assertThat(closeCode).isEqualTo(CloseCode.POLICY_VIOLATION);
    }
}
