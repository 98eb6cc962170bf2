package io.ringside.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.client.GameClient;
import io.ringside.engine.client.GameListener;
import io.ringside.engine.client.GameRoom;
import io.ringside.engine.room.ClusterConfig;
import io.ringside.engine.room.Room;
import io.ringside.engine.room.RoomOptions;
import io.ringside.protocol.envelope.SeatReservation;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.JedisPooled;

/**
 * How Redis counts the seats of players who hold a reservation and have reached the room's owner but
 * are not seated yet: once, so that other nodes can still reserve every seat that is free.
 */
@Timeout(60)
class ReservedSeatCountIT {
    private static final long WAIT_SECONDS = 20;
    private static final int CAPACITY = 4;

    @RegisterExtension
    static final RedisFixture FIXTURE = new RedisFixture();
    /** Closed: the room's tick, and so the shard's, waits in {@link GateRoom#onTick}. */
    private static final Semaphore GATE = new Semaphore(0);
    private static final Semaphore WAITING = new Semaphore(0);
    private static volatile boolean closed;

    private final List<RingsideServer> servers = new ArrayList<>();
    private final List<GameClient> clients = new ArrayList<>();

    /** A room whose tick stops at the gate while it is closed. */
    static final class GateRoom extends Room {
        @Override
        protected void onTick(long tick, long dtNanos) {
            if (closed) {
                WAITING.release();
                GATE.acquireUninterruptibly();
            }
        }
    }

    @AfterEach
    void stop() {
        openGate();
        clients.forEach(GameClient::close);
        servers.forEach(RingsideServer::close);
        FIXTURE.redis().flushAll();
    }

    @Test
    void shouldCountEachReservedPlayerOnceWhileItsJoinWaitsForTheRoomsTick() throws Exception {
        // given a room of four on node b with one player, whose tick is held
        RingsideServer b = node("b");
        GameRoom room = client(b).joinOrCreate("gate").get(WAIT_SECONDS, TimeUnit.SECONDS);
        String roomKey = RedisKeys.room(room.roomId());
        Eventually.await(WAIT_SECONDS, () -> "1".equals(redis().hget(roomKey, "seats")));
        closed = true;
        assertThat(WAITING.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        SeatReservations reservations = new SeatReservations(redis());

        // when two players reserved through another node reach b, and their joins wait for the tick
        List<CompletableFuture<ServerEnvelope>> seats = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            String token = "token-" + i;
            assertThat(reservations.reserve("b", room.roomId(), token, 10_000))
                    .isEqualTo(SeatReservations.Outcome.RESERVED);
            seats.add(ClusterWire.redeem(b.port(), SeatReservation.newBuilder().setRoomId(room.roomId())
                    .setSeatToken(token).build()));
            String taken = Integer.toString(1 + i);
            Eventually.await(WAIT_SECONDS, () -> taken.equals(redis().hget(roomKey, "seats")));
        }

        // then Redis counts three seats taken, not five, and the last seat can still be reserved
        assertThat(reservations.reserve("b", room.roomId(), "token-3", 10_000))
                .isEqualTo(SeatReservations.Outcome.RESERVED);
        seats.add(ClusterWire.redeem(b.port(), SeatReservation.newBuilder().setRoomId(room.roomId())
                .setSeatToken("token-3").build()));
        // and, once the tick runs again, all three are seated in the room (their connections then close)
        openGate();
        for (CompletableFuture<ServerEnvelope> seat : seats) {
            ServerEnvelope seated = seat.get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(seated.getJoined().getRoomId()).as(seated.toString()).isEqualTo(room.roomId());
        }
        // and every reservation and redemption is settled: Redis counts only the room's own seats again
        Eventually.await(WAIT_SECONDS, () -> Integer.parseInt(redis().hget(roomKey, "players"))
                == Integer.parseInt(redis().hget(roomKey, "seats")) && !redis().hexists(roomKey, "redeemed")
                && redis().zcard(RedisKeys.seats(room.roomId())) == 0);
    }

    private static void openGate() {
        closed = false;
        GATE.release(1_000);
    }

    private RingsideServer node(String id) throws Exception {
        int port = RedisServer.freePort();
        RingsideServer server = RingsideServer.builder()
                .transport(t -> t.port(port).ioLoops(1).bindAddress("127.0.0.1"))
                .game(g -> g.shards(1))
                .registry(new RedisRoomRegistry(ClusterConfig.builder().redisUri(FIXTURE.server().uri()).nodeId(id)
                        .publicAddress("ws://127.0.0.1:" + port + RingsideServer.DEFAULT_ENDPOINT_PATH).build()))
                .room("gate", GateRoom::new, RoomOptions.builder().capacity(CAPACITY).build())
                .build().start();
        servers.add(server);
        return server;
    }

    private GameClient client(RingsideServer server) throws Exception {
        return FIXTURE.connect(server.port(), new GameListener() { }, clients);
    }

    private static JedisPooled redis() {
        return FIXTURE.redis();
    }
}
