package io.ringside.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.client.GameClient;
import io.ringside.engine.client.GameListener;
import io.ringside.engine.client.GameRoom;
import io.ringside.engine.client.GameRoomInfo;
import io.ringside.engine.config.RingsideConfig;
import io.ringside.engine.room.ClusterConfig;
import io.ringside.engine.room.Room;
import io.ringside.engine.room.RoomOptions;
import io.ringside.protocol.envelope.SeatReservation;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;

/** Two RingsideServer nodes in one JVM sharing a real redis-server, driven by real game clients. */
@Timeout(60)
class ClusterIT {
    private static final long WAIT_SECONDS = 10;
    private static final long NODE_TTL_MS = 1_500;

    @RegisterExtension
    static final RedisFixture FIXTURE = new RedisFixture();
    private final List<RingsideServer> servers = new ArrayList<>();
    private final List<GameClient> clients = new ArrayList<>();

    /** A room that takes its listing label from option {@code label}. */
    static final class LabelRoom extends Room {
        @Override
        protected void onCreate(Map<String, String> options) {
            setLabel(options.getOrDefault("label", ""));
        }
    }

    @BeforeEach
    void flush() {
        redis().flushAll();
    }

    @AfterEach
    void stop() {
        clients.forEach(GameClient::close);
        servers.forEach(RingsideServer::close);
    }

    @Test
    void shouldListTheRoomsOfBothNodesOnEachNode() throws Exception {
        // given two nodes and a room on each
        RingsideServer a = node(RingsideServer.builder().cluster(c -> c.redisUri(FIXTURE.server().uri())
                .nodeTtlMs(NODE_TTL_MS)));
        RingsideServer b = node(RingsideServer.builder().cluster(c -> c.redisUri(FIXTURE.server().uri())
                .nodeTtlMs(NODE_TTL_MS)));
        GameRoom roomA = client(a).joinOrCreate("arena", Map.of("label", "on-a"), "")
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameRoom roomB = client(b).joinOrCreate("arena", Map.of("label", "on-b"), "")
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameClient lister = client(a);
        GameClient listerB = client(b);

        // when / then both nodes list both rooms
        Set<String> expected = Set.of(roomA.roomId() + " on-a 1/4", roomB.roomId() + " on-b 1/4");
        Eventually.await(WAIT_SECONDS, () -> listing(lister).equals(expected) && listing(listerB).equals(expected));
        assertThat(redis().keys(RedisKeys.NODE_PATTERN)).hasSize(2);
    }

    @Test
    void shouldRemoveTheRoomEntryWhenTheRoomIsDisposed() throws Exception {
        // given a room whose last player leaves
        RingsideServer a = node(RingsideServer.builder().cluster(c -> c.redisUri(FIXTURE.server().uri())));
        GameClient player = client(a);
        GameRoom room = player.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        String key = RedisKeys.room(room.roomId());
        Eventually.await(WAIT_SECONDS, () -> redis().exists(key));
        assertThat(redis().hgetAll(key)).containsEntry("type", "arena").containsEntry("capacity", "4");

        // when
        player.leave().get(WAIT_SECONDS, TimeUnit.SECONDS);

        // then the entry goes (disposeWhenEmptyMs=0), long before its TTL would end it
        Eventually.await(WAIT_SECONDS, () -> !redis().exists(key));
        assertThat(redis().keys(RedisKeys.NODE_PATTERN)).hasSize(1);
    }

    @Test
    void shouldRemoveEveryEntryOfANodeOnCleanShutdown() throws Exception {
        // given
        RingsideServer a = node(RingsideServer.builder().cluster(c -> c.redisUri(FIXTURE.server().uri())));
        client(a).joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        Eventually.await(WAIT_SECONDS, () -> !redis().keys(RedisKeys.ROOM_PATTERN).isEmpty());

        // when
        a.close();

        // then nothing is left, without waiting for a TTL
        assertThat(redis().keys("ringside:*")).isEmpty();
    }

    @Test
    void shouldExpireANodeAndItsRoomsWithinItsTtlWhenItsHeartbeatStops() throws Exception {
        // given a node whose registry we hold, with one room
        RedisRoomRegistry registry = new RedisRoomRegistry(ClusterConfig.builder().redisUri(FIXTURE.server().uri())
                .nodeTtlMs(NODE_TTL_MS).nodeId("doomed").build());
        RingsideServer a = node(RingsideServer.builder().registry(registry));
        GameRoom room = client(a).joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        String roomKey = RedisKeys.room(room.roomId());
        Eventually.await(WAIT_SECONDS, () -> redis().exists(roomKey));

        // when it crashes: the heartbeat stops and the connection drops, nothing is deleted
        registry.halt();

        // then both entries carry at most the TTL, by Redis' clock, and expire
        assertThat(redis().pttl(RedisKeys.node("doomed"))).isBetween(1L, NODE_TTL_MS);
        assertThat(redis().pttl(roomKey)).isBetween(1L, NODE_TTL_MS);
        Eventually.await(WAIT_SECONDS, () -> !redis().exists(RedisKeys.node("doomed")) && !redis().exists(roomKey));
        assertThat(LiveNodes.read(redis())).doesNotContain("doomed");
    }

    @Test
    void shouldListNoRoomOfAPreviousProcessThatHadTheSameNodeId() throws Exception {
        // given a node "phoenix" with a room, crashed, and a node b listing rooms
        RedisRoomRegistry crashed = new RedisRoomRegistry(ClusterConfig.builder().redisUri(FIXTURE.server().uri())
                .nodeTtlMs(NODE_TTL_MS).nodeId("phoenix").build());
        RingsideServer old = node(RingsideServer.builder().registry(crashed));
        GameRoom room = client(old).joinOrCreate("arena", Map.of("label", "ghost"), "")
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameClient lister = client(node(RingsideServer.builder().cluster(c -> c.redisUri(FIXTURE.server().uri())
                .nodeTtlMs(NODE_TTL_MS))));
        Eventually.await(WAIT_SECONDS, () -> listing(lister).contains(room.roomId() + " ghost 1/4"));
        crashed.halt();

        // when a new process registers under the same id before the old entries expire
        node(RingsideServer.builder().registry(new RedisRoomRegistry(ClusterConfig.builder()
                .redisUri(FIXTURE.server().uri()).nodeTtlMs(NODE_TTL_MS).nodeId("phoenix").build())));

        // then the old room leaves the listings once its own entry expires, and stays out
        Eventually.await(WAIT_SECONDS, () -> !redis().exists(RedisKeys.room(room.roomId()))
                && listing(lister).isEmpty());
        assertThat(redis().exists(RedisKeys.node("phoenix"))).isTrue();
    }

    @Test
    void shouldReadTheRegistryWithOneCommandPerNodeHoweverManyRoomsItHolds() throws Exception {
        // given two nodes holding six private rooms each, whose regular beats are far apart
        long ttlMs = 60_000;
        List<GameClient> players = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            RingsideServer node = node(RingsideServer.builder().cluster(c -> c.redisUri(FIXTURE.server().uri())
                    .nodeTtlMs(ttlMs)));
            for (int i = 0; i < 6; i++) {
                GameClient player = client(node);
                player.createPrivate("arena", Map.of(), "").get(WAIT_SECONDS, TimeUnit.SECONDS);
                players.add(player);
            }
        }
        Eventually.await(WAIT_SECONDS, () -> redis().keys(RedisKeys.ROOM_PATTERN).size() == 12);

        // when the registry is read
        Map<String, Long> before = JoinLatencyBenchmark.commandCalls(FIXTURE.server().uri());
        ClusterView view;
        try (Jedis jedis = new Jedis(URI.create(FIXTURE.server().uri()))) {
            view = ClusterView.read(jedis);
        }
        Map<String, Long> after = JoinLatencyBenchmark.commandCalls(FIXTURE.server().uri());

        // then it holds every room, from one HGETALL per node and no scan of the keyspace
        assertThat(view.nodes).hasSize(2);
        assertThat(view.rooms).hasSize(12);
        assertThat(after.getOrDefault("hgetall", 0L) - before.getOrDefault("hgetall", 0L)).isEqualTo(2);
        assertThat(after.getOrDefault("scan", 0L) - before.getOrDefault("scan", 0L)).isZero();
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
        RingsideConfig config = RingsideConfig.load(null, Map.of("RINGSIDE_REDIS", FIXTURE.server().uri(),
                "RINGSIDE_CLUSTER_NODE_TTL", "1s", "RINGSIDE_CLUSTER_NODE_ID", "from-env"));

        // when
        node(RingsideServer.builder().configure(config));

        // then
        assertThat(redis().hget(RedisKeys.node("from-env"), "rooms")).isEqualTo("0");
        assertThat(redis().pttl(RedisKeys.node("from-env"))).isBetween(1L, 1_000L);
    }

    @Test
    void shouldNameTheKeyWhenTheRedisUriIsMalformed() {
        assertThatThrownBy(() -> builder().cluster(c -> c.redisUri("127.0.0.1:6379")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cluster.redisUri=127.0.0.1:6379");
    }

    @Test
    void shouldFollowASeatReservationIntoTheRoomOfAnotherNode() throws Exception {
        // given a room with free seats on node b, known to node a
        RingsideServer a = clusterNode("a", c -> { });
        RingsideServer b = clusterNode("b", c -> { });
        GameRoom onB = client(b).joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameClient lister = client(a);
        Eventually.await(WAIT_SECONDS, () -> listing(lister).contains(onB.roomId() + "  1/4"));
        int[] disconnects = new int[1];
        GameClient player = client(a, new GameListener() {
            @Override
            public void onDisconnected(GameClient client, int code, String reason, boolean remote) {
                disconnects[0]++;
            }
        });

        // when it joins through node a
        GameRoom joined = player.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);

        // then it sits in b's room, talking to b, and saw one join and no disconnect
        assertThat(joined.roomId()).isEqualTo(onB.roomId());
        assertThat(player.uri().getPort()).isEqualTo(b.port());
        assertThat(player.room()).isEqualTo(joined);
        assertThat(disconnects[0]).isZero();
        Eventually.await(WAIT_SECONDS, () -> listing(lister).contains(onB.roomId() + "  2/4"));
        assertThat(a.gameMetrics().joinsByOutcome()).containsEntry("redirected", 1L);
    }

    @Test
    void shouldJoinByIdAndTakeBackASeatThroughAnyNode() throws Exception {
        // given a seat in a room of node b, and its connection dropped
        RingsideServer a = clusterNode("a", c -> { });
        RingsideServer b = clusterNode("b", c -> { });
        GameClient first = client(b);
        GameRoom room = first.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameClient lister = client(a);
        Eventually.await(WAIT_SECONDS, () -> listing(lister).contains(room.roomId() + "  1/4"));
        GameRoom byId = client(a).join(room.roomId(), Map.of(), "").get(WAIT_SECONDS, TimeUnit.SECONDS);
        first.close();

        // when a new client reconnects with the token through node a
        GameClient again = client(a);
        GameRoom back = again.rejoin(room, "").get(WAIT_SECONDS, TimeUnit.SECONDS);

        // then node b gave it the same seat
        assertThat(byId.roomId()).isEqualTo(room.roomId());
        assertThat(back.sessionId()).isEqualTo(room.sessionId());
        assertThat(again.uri().getPort()).isEqualTo(b.port());
        assertThat(b.gameMetrics().reconnects(true)).isEqualTo(1);
    }

    @Test
    void shouldNeverOverfillARoomWhenManyJoinAtOnceThroughAnotherNode() throws Exception {
        // given one player in a room of node b, and twelve clients connected to node a
        RingsideServer a = clusterNode("a", c -> { });
        RingsideServer b = clusterNode("b", c -> { });
        GameRoom onB = client(b).joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameClient lister = client(a);
        Eventually.await(WAIT_SECONDS, () -> listing(lister).contains(onB.roomId() + "  1/4"));
        List<GameClient> players = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            players.add(client(a));
        }

        // when they all join at once
        List<CompletableFuture<GameRoom>> joins = new ArrayList<>();
        for (GameClient player : players) {
            joins.add(player.joinOrCreate("arena"));
        }

        // then every one is seated and no room holds more than its capacity
        Map<String, Long> byRoom = new HashMap<>();
        byRoom.put(onB.roomId(), 1L);
        for (CompletableFuture<GameRoom> join : joins) {
            byRoom.merge(join.get(WAIT_SECONDS, TimeUnit.SECONDS).roomId(), 1L, Long::sum);
        }
        assertThat(byRoom.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(13);
        assertThat(byRoom.values()).allMatch(n -> n <= 4);
        assertThat(byRoom.get(onB.roomId())).isEqualTo(4L);
    }

    @Test
    void shouldSeatANewRoomTokenInANewRoomLeavingFreeSeatsToReservedPlayers() throws Exception {
        // given a room of node b with one player, and a new-room seat token placement issued for b
        RingsideServer b = clusterNode("b", c -> { });
        GameRoom onB = client(b).joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        Eventually.await(WAIT_SECONDS, () -> "1".equals(redis().hget(RedisKeys.room(onB.roomId()), "seats")));
        SeatReservations reservations = new SeatReservations(redis());
        reservations.reserveNew("b", "arena", "new-room-token", 10_000);

        // when its holder joins b
        ServerEnvelope newRoom = ClusterWire.joinWithSeatToken(b.port(), "arena", "new-room-token")
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(newRoom.hasJoined()).as(newRoom.toString()).isTrue();

        // then it sits in a new room: b's free seats may be held for players reserved through other
        // nodes, which b learns of only at its next heartbeat
        assertThat(newRoom.getJoined().getRoomId()).isNotEqualTo(onB.roomId());

        // and when three players reserved through another node take b's free seats, all are seated
        List<CompletableFuture<ServerEnvelope>> reserved = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String token = "room-token-" + i;
            assertThat(reservations.reserve("b", onB.roomId(), token, 10_000))
                    .isEqualTo(SeatReservations.Outcome.RESERVED);
            reserved.add(ClusterWire.redeem(b.port(), SeatReservation.newBuilder().setRoomId(onB.roomId())
                    .setSeatToken(token).build()));
        }

        for (CompletableFuture<ServerEnvelope> seat : reserved) {
            ServerEnvelope seated = seat.get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(seated.getJoined().getRoomId()).as(seated.toString()).isEqualTo(onB.roomId());
        }
    }

    @Test
    void shouldRefuseAForgedSeatToken() throws Exception {
        // given
        RingsideServer a = clusterNode("a", c -> { });
        GameClient player = client(a);

        // when a join carries a token no node issued
        Throwable refused = catchThrowable(() -> ClusterWire.joinWithSeatToken(a.port(), "arena", "forged")
                .get(WAIT_SECONDS, TimeUnit.SECONDS));

        // then it is refused, and the node still seats others
        assertThat(refused).hasMessageContaining("ERROR_CODE_SEAT_RESERVATION_REJECTED");
        assertThat(player.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void shouldLeaveADrainingNodeOutOfPlacementAndListings() throws Exception {
        // given a room on node b, then b drains
        RingsideServer a = clusterNode("a", c -> { });
        RingsideServer b = clusterNode("b", c -> { });
        GameRoom onB = client(b).joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameClient lister = client(a);
        Eventually.await(WAIT_SECONDS, () -> listing(lister).contains(onB.roomId() + "  1/4"));

        // when
        b.drain();

        // then the registry says so, a lists nothing of b, and a new player stays on a
        Eventually.await(WAIT_SECONDS, () -> "1".equals(redis().hget(RedisKeys.node("b"), "draining")));
        Eventually.await(WAIT_SECONDS, () -> listing(lister).isEmpty());
        GameClient player = client(a);
        GameRoom joined = player.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(joined.roomId()).isNotEqualTo(onB.roomId());
        assertThat(player.uri().getPort()).isEqualTo(a.port());
    }

    @Test
    void shouldPlaceANewRoomOnTheNodeWithFewestPlayersAndRespectTheRoomCap() throws Exception {
        // given node a with a full room and a cap of one room, node b empty (started first: a reads the
        // registry's nodes once a heartbeat interval, and at its start)
        RingsideServer b = clusterNode("b", c -> c.maxRoomsPerNode(1));
        RingsideServer a = clusterNode("a", c -> c.maxRoomsPerNode(1));
        String full = null;
        for (int i = 0; i < 4; i++) {
            full = client(a).joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS).roomId();
        }
        Eventually.await(WAIT_SECONDS,
                () -> "1".equals(redis().hget(RedisKeys.node("a"), "rooms")) && redis().exists(RedisKeys.node("b")));
        GameClient lister = client(a);
        Eventually.await(WAIT_SECONDS, () -> listing(lister).size() == 1);

        // when another player comes to a
        GameClient player = client(a);
        GameRoom joined = player.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);

        // then its new room is on b
        assertThat(joined.roomId()).isNotEqualTo(full);
        assertThat(player.uri().getPort()).isEqualTo(b.port());
    }

    @Test
    void shouldRegisterAgainWhenRedisComesBack() throws Exception {
        // given a node with a room
        RingsideServer a = clusterNode("a", c -> { });
        GameRoom room = client(a).joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        Eventually.await(WAIT_SECONDS, () -> redis().exists(RedisKeys.room(room.roomId())));

        // when redis-server restarts empty on the same port
        FIXTURE.restart();

        // then the node and its room are registered again, and the room kept ticking meanwhile
        Eventually.await(WAIT_SECONDS,
                () -> redis().exists(RedisKeys.node("a")) && redis().exists(RedisKeys.room(room.roomId())));
        assertThat(redis().hget(RedisKeys.room(room.roomId()), "players")).isEqualTo("1");
    }

    private RingsideServer clusterNode(String id, Consumer<ClusterConfig.Builder> edit) throws Exception {
        int port = RedisServer.freePort();
        RingsideServer server = RingsideServer.builder()
                .transport(t -> t.port(port).ioLoops(1).bindAddress("127.0.0.1"))
                .game(g -> g.shards(1))
                .cluster(c -> edit.accept(c.redisUri(FIXTURE.server().uri()).nodeId(id).nodeTtlMs(NODE_TTL_MS)
                        .publicAddress("ws://127.0.0.1:" + port + RingsideServer.DEFAULT_ENDPOINT_PATH)))
                .room("arena", LabelRoom::new, RoomOptions.builder().capacity(4).disposeWhenEmptyMs(0)
                        .reconnectGraceMs(10_000).build())
                .build().start();
        servers.add(server);
        return server;
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
        return client(server, new GameListener() { });
    }

    private GameClient client(RingsideServer server, GameListener listener) throws Exception {
        return FIXTURE.connect(server.port(), listener, clients);
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

    private static JedisPooled redis() {
        return FIXTURE.redis();
    }
}
