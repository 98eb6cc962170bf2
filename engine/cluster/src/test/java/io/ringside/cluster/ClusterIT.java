package io.ringside.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.client.GameClient;
import io.ringside.engine.client.GameListener;
import io.ringside.engine.client.GameRoom;
import io.ringside.engine.client.GameRoomInfo;
import io.ringside.engine.client.WebSocketClient;
import io.ringside.engine.config.RingsideConfig;
import io.ringside.engine.room.ClusterConfig;
import io.ringside.engine.room.Room;
import io.ringside.engine.room.RoomOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.JedisPooled;

/** Two RingsideServer nodes in one JVM sharing a real redis-server, driven by real game clients. */
@Timeout(60)
class ClusterIT {
    private static final long WAIT_SECONDS = 10;
    private static final long NODE_TTL_MS = 1_500;

    private static RedisServer redisServer;
    private static JedisPooled redis;
    private static WebSocketClient webSocketClient;
    private final List<RingsideServer> servers = new ArrayList<>();
    private final List<GameClient> clients = new ArrayList<>();

    /** A room that takes its listing label from option {@code label}. */
    static final class LabelRoom extends Room {
        @Override
        protected void onCreate(Map<String, String> options) {
            setLabel(options.getOrDefault("label", ""));
        }
    }

    @BeforeAll
    static void startRedis() throws Exception {
        redisServer = RedisServer.start();
        redis = redisServer.client();
        webSocketClient = WebSocketClient.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (webSocketClient != null) {
            webSocketClient.close();
        }
        if (redis != null) {
            redis.close();
        }
        if (redisServer != null) {
            redisServer.close();
        }
    }

    @BeforeEach
    void flush() {
        redis.flushAll();
    }

    @AfterEach
    void stop() {
        clients.forEach(GameClient::close);
        servers.forEach(RingsideServer::close);
    }

    @Test
    void shouldListTheRoomsOfBothNodesOnEachNode() throws Exception {
        // given two nodes and a room on each
        RingsideServer a = node(RingsideServer.builder().cluster(c -> c.redisUri(redisServer.uri())
                .nodeTtlMs(NODE_TTL_MS)));
        RingsideServer b = node(RingsideServer.builder().cluster(c -> c.redisUri(redisServer.uri())
                .nodeTtlMs(NODE_TTL_MS)));
        GameRoom roomA = client(a).joinOrCreate("arena", Map.of("label", "on-a"), "")
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameRoom roomB = client(b).joinOrCreate("arena", Map.of("label", "on-b"), "")
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameClient lister = client(a);
        GameClient listerB = client(b);

        // when / then both nodes list both rooms
        Set<String> expected = Set.of(roomA.roomId() + " on-a 1/4", roomB.roomId() + " on-b 1/4");
        await(() -> listing(lister).equals(expected) && listing(listerB).equals(expected));
        assertThat(redis.keys(RedisKeys.NODE_PATTERN)).hasSize(2);
    }

    @Test
    void shouldRemoveTheRoomEntryWhenTheRoomIsDisposed() throws Exception {
        // given a room whose last player leaves
        RingsideServer a = node(RingsideServer.builder().cluster(c -> c.redisUri(redisServer.uri())));
        GameClient player = client(a);
        GameRoom room = player.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        String key = RedisKeys.room(room.roomId());
        await(() -> redis.exists(key));
        assertThat(redis.hgetAll(key)).containsEntry("type", "arena").containsEntry("capacity", "4");

        // when
        player.leave().get(WAIT_SECONDS, TimeUnit.SECONDS);

        // then the entry goes (disposeWhenEmptyMs=0), long before its TTL would end it
        await(() -> !redis.exists(key));
        assertThat(redis.keys(RedisKeys.NODE_PATTERN)).hasSize(1);
    }

    @Test
    void shouldRemoveEveryEntryOfANodeOnCleanShutdown() throws Exception {
        // given
        RingsideServer a = node(RingsideServer.builder().cluster(c -> c.redisUri(redisServer.uri())));
        client(a).joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        await(() -> !redis.keys(RedisKeys.ROOM_PATTERN).isEmpty());

        // when
        a.close();

        // then nothing is left, without waiting for a TTL
        assertThat(redis.keys("ringside:*")).isEmpty();
    }

    @Test
    void shouldExpireANodeAndItsRoomsWithinItsTtlWhenItsHeartbeatStops() throws Exception {
        // given a node whose registry we hold, with one room
        RedisRoomRegistry registry = new RedisRoomRegistry(ClusterConfig.builder().redisUri(redisServer.uri())
                .nodeTtlMs(NODE_TTL_MS).nodeId("doomed").build());
        RingsideServer a = node(RingsideServer.builder().registry(registry));
        GameRoom room = client(a).joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        String roomKey = RedisKeys.room(room.roomId());
        await(() -> redis.exists(roomKey));

        // when it crashes: the heartbeat stops and the connection drops, nothing is deleted
        registry.halt();

        // then both entries carry at most the TTL, by Redis' clock, and expire
        assertThat(redis.pttl(RedisKeys.node("doomed"))).isBetween(1L, NODE_TTL_MS);
        assertThat(redis.pttl(roomKey)).isBetween(1L, NODE_TTL_MS);
        await(() -> !redis.exists(RedisKeys.node("doomed")) && !redis.exists(roomKey));
    }

    @Test
    void shouldFailFastNamingTheAddressWhenRedisIsUnreachable() throws Exception {
        // given a port nothing listens on
        String nowhere = "redis://127.0.0.1:" + RedisServer.freePort();
        RingsideServer server = builder().cluster(c -> c.redisUri(nowhere).connectTimeoutMs(1_000)).build();

        // when / then
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Redis at " + nowhere + " is unreachable");
    }

    @Test
    void shouldJoinTheClusterFromConfigurationKeysAlone() throws Exception {
        // given only environment settings (the registry is found on the class path)
        RingsideConfig config = RingsideConfig.load(null, Map.of("RINGSIDE_REDIS", redisServer.uri(),
                "RINGSIDE_CLUSTER_NODE_TTL", "1s", "RINGSIDE_CLUSTER_NODE_ID", "from-env"));

        // when
        node(RingsideServer.builder().configure(config));

        // then
        assertThat(redis.hget(RedisKeys.node("from-env"), "rooms")).isEqualTo("0");
        assertThat(redis.pttl(RedisKeys.node("from-env"))).isBetween(1L, 1_000L);
    }

    @Test
    void shouldNameTheKeyWhenTheRedisUriIsMalformed() {
        assertThatThrownBy(() -> builder().cluster(c -> c.redisUri("127.0.0.1:6379")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cluster.redisUri=127.0.0.1:6379");
    }

    private static RingsideServer.Builder builder() {
        return RingsideServer.builder().transport(t -> t.port(0).ioLoops(1).bindAddress("127.0.0.1"))
                .game(g -> g.shards(1))
                .room("arena", LabelRoom::new, RoomOptions.builder().capacity(4).disposeWhenEmptyMs(0).build());
    }

    private RingsideServer node(RingsideServer.Builder cluster) throws Exception {
        RingsideServer server = cluster.transport(t -> t.port(0).ioLoops(1).bindAddress("127.0.0.1"))
                .game(g -> g.shards(1))
                .room("arena", LabelRoom::new, RoomOptions.builder().capacity(4).disposeWhenEmptyMs(0).build())
                .build().start();
        servers.add(server);
        return server;
    }

    private GameClient client(RingsideServer server) throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + RingsideServer.DEFAULT_ENDPOINT_PATH);
        GameClient client = GameClient.create(webSocketClient, uri, new GameListener() { });
        clients.add(client);
        return client.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static Set<String> listing(GameClient client) {
        try {
            List<GameRoomInfo> rooms = client.listRooms("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
            return rooms.stream().map(r -> r.roomId() + " " + r.label() + " " + r.players() + "/" + r.capacity())
                    .collect(Collectors.toSet());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within %d s", WAIT_SECONDS).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
