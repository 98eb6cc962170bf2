package io.ringside.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.protobuf.Int64Value;
import io.ringside.engine.RingsideServer;
import io.ringside.engine.client.GameClient;
import io.ringside.engine.client.GameListener;
import io.ringside.engine.client.GameRequestException;
import io.ringside.engine.client.GameRoom;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.LeaveReason;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.JedisPooled;

/**
 * Cluster nodes as separate JVM processes ({@link ClusterNodeMain}) on one real redis-server: a node
 * killed with SIGKILL leaves listings and placement within its TTL and joins to it fail with a clear
 * error; a node sent SIGTERM drains (its rooms told, no new placements, what remains closed with
 * 1001 at the drain deadline), leaves nothing in the registry and exits 0.
 */
@Tag("slow")
@Timeout(90)
class ClusterProcessesIT {
    private static final long WAIT_SECONDS = 20;
    private static final long NODE_TTL_MS = 1_500;
    private static final long DRAIN_DEADLINE_MS = 3_000;
    private static final String DRAIN_DEADLINE_REASON = "server shutting down: drain deadline passed";

    @RegisterExtension
    static final RedisFixture FIXTURE = new RedisFixture();
    private final NodeProcesses nodes = new NodeProcesses(FIXTURE.server().uri(), NODE_TTL_MS);
    private final List<GameClient> clients = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        clients.forEach(GameClient::close);
        nodes.close();
        // nodes killed here leave entries for a TTL, where the next test's joins would be placed
        redis().flushAll();
    }

    @Test
    void shouldDropAKilledNodeWithinItsTtlAndSendItsPlayersElsewhere() throws Exception {
        // given two node processes and a player in a room of node one, listed on node two
        int one = RedisServer.freePort();
        int two = RedisServer.freePort();
        CompletableFuture<Process> starting = CompletableFuture.supplyAsync(() -> node(one, "one", DRAIN_DEADLINE_MS));
        node(two, "two", DRAIN_DEADLINE_MS);
        Process killed = starting.get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameClient player = client(one);
        GameRoom room = player.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameClient lister = client(two);
        Eventually.await(WAIT_SECONDS, () -> rooms(lister).contains(room.roomId()));

        // when node one is killed with SIGKILL (no shutdown hook, nothing deleted)
        long killedAt = System.nanoTime();
        killed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        // then a join by id through node two fails with a clear error, never hangs...
        Throwable refused = catchThrowable(() -> client(two).join(room.roomId(), Map.of(), "")
                .get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertThat(refused).isInstanceOf(ExecutionException.class).cause().isInstanceOf(GameRequestException.class);
        assertThat(((GameRequestException) refused.getCause()).code())
                .isIn(ErrorCode.ERROR_CODE_NODE_UNAVAILABLE, ErrorCode.ERROR_CODE_ROOM_NOT_FOUND);
        // ...its room leaves the listings within the TTL and a heartbeat
        Eventually.await(WAIT_SECONDS, () -> !rooms(lister).contains(room.roomId()));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt)).isLessThan(NODE_TTL_MS * 3);
        assertThat(redis().exists(RedisKeys.node("one"))).isFalse();
        // ...and the player comes back as a new player on node two
        GameClient back = client(two);
        GameRoom again = back.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(again.roomId()).isNotEqualTo(room.roomId());
        assertThat(back.uri().getPort()).isEqualTo(two);
    }

    @Test
    void shouldLeaveNothingInTheRegistryWhenANodeIsTerminated() throws Exception {
        // given a node process with a room
        int port = RedisServer.freePort();
        Process node = node(port, "term", DRAIN_DEADLINE_MS);
        client(port).joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        Eventually.await(WAIT_SECONDS, () -> !redis().keys(RedisKeys.ROOM_PATTERN).isEmpty());

        // when it gets SIGTERM
        node.destroy();
        assertThat(node.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        // then it exits 0, its entries gone at once, not after a TTL
        assertThat(node.exitValue()).isZero();
        assertThat(redis().keys("ringside:node:*")).isEmpty();
        assertThat(redis().keys(RedisKeys.ROOM_PATTERN)).isEmpty();
    }

    @Test
    void shouldDrainANodeOnSigtermAndCloseWhatRemainsWith1001AtTheDeadline() throws Exception {
        // given two nodes, and two players in a match on node one with seats to spare
        long deadlineMs = 6_000;
        int one = RedisServer.freePort();
        int two = RedisServer.freePort();
        CompletableFuture<Process> starting = CompletableFuture.supplyAsync(() -> node(one, "one", deadlineMs));
        node(two, "two", deadlineMs);
        Process draining = starting.get(WAIT_SECONDS, TimeUnit.SECONDS);
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        GameRoom match = client(one, first).joinOrCreate("match").get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(client(one, second).joinOrCreate("match").get(WAIT_SECONDS, TimeUnit.SECONDS).roomId())
                .isEqualTo(match.roomId());
        GameClient lister = client(two);
        Eventually.await(WAIT_SECONDS, () -> rooms(lister, "match").contains(match.roomId()));

        // when node one gets SIGTERM
        long termAt = System.nanoTime();
        draining.destroy();

        // then its room is told, with at most the deadline left...
        assertThat(first.drainNotice.get(WAIT_SECONDS, TimeUnit.SECONDS)).isBetween(1L, deadlineMs);
        assertThat(second.drainNotice.get(WAIT_SECONDS, TimeUnit.SECONDS)).isBetween(1L, deadlineMs);
        // ...no new player is placed there: joins through node two and through node one land on node two
        Eventually.await(WAIT_SECONDS, () -> !rooms(lister, "match").contains(match.roomId()));
        GameClient viaTwo = client(two);
        assertThat(viaTwo.joinOrCreate("match").get(WAIT_SECONDS, TimeUnit.SECONDS).roomId())
                .isNotEqualTo(match.roomId());
        assertThat(viaTwo.uri().getPort()).isEqualTo(two);
        GameClient viaOne = client(one);
        viaOne.joinOrCreate("match").get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(viaOne.uri().getPort()).isEqualTo(two);
        // ...its players stay until the deadline, then leave with ROOM_CLOSED and 1001, and say why
        for (Recorder player : List.of(first, second)) {
            Recorder.Close close = player.closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(close.code()).isEqualTo(1001);
            assertThat(close.reason()).isEqualTo(DRAIN_DEADLINE_REASON);
            assertThat(close.atNs() - termAt).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(deadlineMs));
            assertThat(player.left).isEqualTo(List.of("LEAVE_REASON_ROOM_CLOSED " + DRAIN_DEADLINE_REASON));
        }
        // ...and the process exits 0, soon after the deadline, having left nothing of node one in Redis
        assertThat(draining.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(draining.exitValue()).isZero();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - termAt))
                .isLessThan(deadlineMs + TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertRegistryHoldsNothingOf("one");
    }

    @Test
    void shouldExitAsSoonAsItsRoomsEndedTheirMatchesWhenDraining() throws Exception {
        // given a node with a long drain deadline and a match that ends when told of the drain
        int port = RedisServer.freePort();
        long deadlineMs = 60_000;
        Process node = node(port, "quick", deadlineMs);
        Recorder player = new Recorder();
        client(port, player).joinOrCreate("match", Map.of(ClusterNodeMain.END_ON_DRAIN, ""), "")
                .get(WAIT_SECONDS, TimeUnit.SECONDS);

        // when it gets SIGTERM
        long termAt = System.nanoTime();
        node.destroy();

        // then the player is told, leaves with the room's end, and the node exits 0 long before its deadline
        assertThat(player.drainNotice.get(WAIT_SECONDS, TimeUnit.SECONDS)).isPositive();
        assertThat(node.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).isZero();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - termAt)).isLessThan(deadlineMs);
        assertThat(player.left).containsExactly("LEAVE_REASON_ROOM_CLOSED room closed");
        assertThat(player.closed.get(WAIT_SECONDS, TimeUnit.SECONDS).code()).isEqualTo(1001);
        assertRegistryHoldsNothingOf("quick");
    }

    private static void assertRegistryHoldsNothingOf(String node) {
        assertThat(redis().exists(RedisKeys.node(node))).isFalse();
        for (String key : redis().keys(RedisKeys.ROOM_PATTERN)) {
            assertThat(redis().hget(key, "node")).as(key).isNotEqualTo(node);
        }
        for (String key : redis().keys(RedisKeys.SEATS_PREFIX + "*")) {
            String room = key.substring(RedisKeys.SEATS_PREFIX.length());
            assertThat(redis().exists(RedisKeys.room(room))).as(key + " of a room no longer registered").isTrue();
        }
    }

    /** What a player saw: the room's drain notice, Left envelopes, and how its connection closed. */
    private static final class Recorder implements GameListener {
        record Close(int code, String reason, long atNs) {
        }

        final CompletableFuture<Long> drainNotice = new CompletableFuture<>();
        final CompletableFuture<Close> closed = new CompletableFuture<>();
        final List<String> left = new CopyOnWriteArrayList<>();

        @Override
        public void onLeft(GameClient client, LeaveReason reason, String message) {
            left.add(reason + " " + message);
        }

        @Override
        public void onDisconnected(GameClient client, int closeCode, String reason, boolean remote) {
            closed.complete(new Close(closeCode, reason, System.nanoTime()));
        }
    }

    private Process node(int port, String id, long drainDeadlineMs) {
        return nodes.start(port, id, drainDeadlineMs);
    }

    private GameClient client(int port) throws Exception {
        return client(port, new GameListener() { });
    }

    private GameClient client(int port, GameListener listener) throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + port + RingsideServer.DEFAULT_ENDPOINT_PATH);
        GameClient client = GameClient.create(FIXTURE.webSocketClient(), uri, listener);
        if (listener instanceof Recorder recorder) {
            client.on(ClusterNodeMain.DRAINING, Int64Value.parser(),
                    (c, ms) -> recorder.drainNotice.complete(ms.getValue()));
        }
        clients.add(client);
        return client.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static List<String> rooms(GameClient client) {
        return rooms(client, "arena");
    }

    private static List<String> rooms(GameClient client, String type) {
        try {
            return client.listRooms(type).get(WAIT_SECONDS, TimeUnit.SECONDS).stream()
                    .map(r -> r.roomId()).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JedisPooled redis() {
        return FIXTURE.redis();
    }
}
