package io.ringside.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.client.GameClient;
import io.ringside.engine.client.GameListener;
import io.ringside.engine.client.GameRequestException;
import io.ringside.engine.client.GameRoom;
import io.ringside.engine.room.ClusterConfig;
import io.ringside.engine.room.RoomOptions;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.SeatReservation;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.JedisPooled;

/**
 * Capacity across nodes on a real redis-server: many clients joining at once through two nodes never
 * overfill a room nor put more rooms on a node than its cap, a room's owner keeps the seats other
 * nodes reserved in it for the players on their way (even those it has not learned of yet), and a
 * join-or-create whose reserved room is gone when it arrives is placed again by type.
 */
@Timeout(90)
class ClusterCapacityIT {
    private static final long WAIT_SECONDS = 20;
    private static final long NODE_TTL_MS = 1_500;
    private static final int CAPACITY = 4;
    /** A room type whose rooms are disposed as soon as they are empty. */
    private static final String BRIEF = "brief";

    @RegisterExtension
    static final RedisFixture FIXTURE = new RedisFixture();
    private final List<RingsideServer> servers = new ArrayList<>();
    private final List<GameClient> clients = new ArrayList<>();
    private final Map<String, RedisRoomRegistry> registries = new HashMap<>();
    private final Map<RingsideServer, RedisRoomRegistry> registryOf = new HashMap<>();

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
    void shouldNeverOverfillARoomNorExceedTheRoomCapWhenManyJoinAtOnceThroughTwoNodes() throws Exception {
        // given two nodes capped at two rooms of four (sixteen seats), and forty clients, half on each
        int cap = 2;
        RingsideServer a = node("a", c -> c.maxRoomsPerNode(cap));
        RingsideServer b = node("b", c -> c.maxRoomsPerNode(cap));
        Eventually.await(WAIT_SECONDS,
                () -> redis().exists(RedisKeys.node("a")) && redis().exists(RedisKeys.node("b")));
        List<GameClient> players = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            players.add(client(i % 2 == 0 ? a : b));
        }

        // when they all join at once
        List<CompletableFuture<GameRoom>> joins = new ArrayList<>();
        for (GameClient player : players) {
            joins.add(player.joinOrCreate("arena"));
        }

        // then each is seated or refused with a clear code, no room holds more than four, no node more than two rooms
        Map<String, Integer> playersByRoom = new HashMap<>();
        Map<Integer, Set<String>> roomsByNode = new HashMap<>();
        int refused = 0;
        for (int i = 0; i < joins.size(); i++) {
            try {
                GameRoom room = joins.get(i).get(WAIT_SECONDS, TimeUnit.SECONDS);
                playersByRoom.merge(room.roomId(), 1, Integer::sum);
                roomsByNode.computeIfAbsent(players.get(i).uri().getPort(), p -> new HashSet<>()).add(room.roomId());
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(GameRequestException.class);
                assertThat(((GameRequestException) e.getCause()).code())
                        .isIn(ErrorCode.ERROR_CODE_NODE_UNAVAILABLE, ErrorCode.ERROR_CODE_ROOM_FULL);
                refused++;
            }
        }
        assertThat(playersByRoom.values()).allMatch(n -> n <= CAPACITY);
        assertThat(roomsByNode.values()).allMatch(rooms -> rooms.size() <= cap);
        assertThat(roomsByNode.keySet()).containsExactlyInAnyOrder(a.port(), b.port());
        assertThat(refused).isEqualTo(40 - playersByRoom.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(refused).isGreaterThanOrEqualTo(40 - 2 * cap * CAPACITY);
        // and what the nodes and Redis hold agrees
        assertThat(roomCount(a)).isLessThanOrEqualTo(cap);
        assertThat(roomCount(b)).isLessThanOrEqualTo(cap);
        Eventually.await(WAIT_SECONDS, () -> roomSlots("a") == roomCount(a) && roomSlots("b") == roomCount(b));
    }

    @Test
    void shouldKeepASeatReservedByAnotherNodeFreeForItsPlayer() throws Exception {
        // given a room on node b with one seat left, and node a holding a reservation of that seat
        RingsideServer a = node("a", c -> { });
        RingsideServer b = node("b", c -> { });
        GameClient first = client(b);
        GameRoom room = first.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        for (int i = 1; i < CAPACITY - 1; i++) {
            assertThat(client(b).joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS).roomId())
                    .isEqualTo(room.roomId());
        }
        Eventually.await(WAIT_SECONDS,
                () -> Integer.toString(CAPACITY - 1).equals(redis().hget(RedisKeys.room(room.roomId()), "seats"))
                        && redis().hget(RedisKeys.room(room.roomId()), "redeemed") == null);
        Eventually.await(WAIT_SECONDS, () -> seatsSeen(a, room.roomId()) == CAPACITY - 1);
        ServerEnvelope answer = ClusterWire.joinOrCreate(a.port(), "arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        SeatReservation reservation = answer.getSeatReservation();
        assertThat(reservation.getRoomId()).isEqualTo(room.roomId());
        // node b learns of it at its next heartbeat
        Eventually.await(WAIT_SECONDS, () -> registries.get("b").openReservations(room.roomId()) == 1);

        // when a player joins through node b before the reserved one arrives
        GameClient local = client(b);
        GameRoom other = local.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        ServerEnvelope seated = ClusterWire.redeem(b.port(), reservation).get(WAIT_SECONDS, TimeUnit.SECONDS);

        // then the local join went to another room, and the reserved player got its seat
        assertThat(other.roomId()).isNotEqualTo(room.roomId());
        assertThat(seated.hasJoined()).as(seated.toString()).isTrue();
        assertThat(seated.getJoined().getRoomId()).isEqualTo(room.roomId());
    }

    @Test
    void shouldCountASeatItsOwnerFillsDirectlyInRedisAtOnceSoNoNodeSendsAJoinThere() throws Exception {
        // given a room on node b with one seat left, as Redis and node a's view count it
        RingsideServer a = node("a", c -> { });
        RingsideServer b = node("b", c -> { });
        String full = roomWithOneSeatLeft(a, b);
        GameClient late = client(a);
        RedisRoomRegistry owner = registries.get("b");
        synchronized (owner) { // node b's heartbeat publishes nothing while this is held
            // when node b seats a player there directly, and then a join-or-create reaches node a
            assertThat(client(b).joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS).roomId()).isEqualTo(full);
            assertThat(redis().hget(RedisKeys.room(full), "seats")).isEqualTo(Integer.toString(CAPACITY - 1));
            GameRoom seated = late.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);

            // then the direct seat counted in Redis before b published its seats, so node a's reservation
            // found the room full and the player sits in another room, never sent to the full one
            assertThat(redis().hget(RedisKeys.room(full), "redeemed")).isEqualTo("1");
            assertThat(seated.roomId()).isNotEqualTo(full);
            assertThat(b.gameMetrics().joinsByOutcome().get("redirected")).isZero();
        }
        // and the full room holds its capacity, no more; no seat stays held for the player who went elsewhere
        Eventually.await(WAIT_SECONDS,
                () -> Integer.toString(CAPACITY).equals(redis().hget(RedisKeys.room(full), "players")));
        Eventually.await(WAIT_SECONDS, () -> redis().hget(RedisKeys.room(full), "redeemed") == null);
        assertThat(redis().zcard(RedisKeys.seats(full))).isZero();
        assertThat(owner.openReservations(full)).isZero();
    }

    @Test
    void shouldKeepASeatReservedByIdFreeWhenItsOwnerSeatsPlayersDirectlyBeforeItLearnsOfIt() throws Exception {
        // given a room on node b with one seat left, and node a holding a reservation of it for a join by id
        RingsideServer a = node("a", c -> { });
        RingsideServer b = node("b", c -> { });
        String room = roomWithOneSeatLeft(a, b);
        RedisRoomRegistry owner = registries.get("b");
        synchronized (owner) { // node b's heartbeat reads no reservation while this is held
            SeatReservation reservation = ClusterWire.joinById(a.port(), room).get(WAIT_SECONDS, TimeUnit.SECONDS)
                    .getSeatReservation();
            assertThat(reservation.getRoomId()).isEqualTo(room);
            assertThat(owner.openReservations(room)).isZero();

            // when players join node b directly before the reserved one arrives: by type, then that room by id
            GameRoom other = client(b).joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
            CompletableFuture<GameRoom> byId = client(b).join(room, Map.of(), "");
            ServerEnvelope seated = ClusterWire.redeem(b.port(), reservation).get(WAIT_SECONDS, TimeUnit.SECONDS);

            // then the join by type went to another room, the join by id found the room full, and the
            // reserved player got its seat
            assertThat(other.roomId()).isNotEqualTo(room);
            assertThatThrownBy(() -> byId.get(WAIT_SECONDS, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(GameRequestException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.ERROR_CODE_ROOM_FULL));
            assertThat(seated.hasJoined()).as(seated.toString()).isTrue();
            assertThat(seated.getJoined().getRoomId()).isEqualTo(room);
        }
        Eventually.await(WAIT_SECONDS,
                () -> Integer.toString(CAPACITY).equals(redis().hget(RedisKeys.room(room), "players")));
    }

    @Test
    void shouldSeatAJoinOrCreateWhoseReservedRoomWasDisposedInAnotherRoomOfThatType() throws Exception {
        // given two rooms of a type on node b, one with two players and one with one, and node a
        // holding a join-or-create's reservation in the fuller one
        RingsideServer a = node("a", c -> { });
        RingsideServer b = node("b", c -> { });
        List<GameClient> players = new ArrayList<>();
        for (int i = 0; i <= CAPACITY; i++) {
            players.add(client(b));
            players.get(i).joinOrCreate(BRIEF).get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        String gone = players.get(0).room().roomId();
        String open = players.get(CAPACITY).room().roomId();
        assertThat(open).isNotEqualTo(gone);
        for (int i = 2; i < CAPACITY; i++) {
            players.get(i).leave().get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        Eventually.await(WAIT_SECONDS, () -> seatsSeen(a, gone) == 2 && seatsSeen(a, open) == 1);
        SeatReservation reservation = reserveThrough(a, gone);

        // when the fuller room is disposed (its last players left) before the reserved player arrives
        players.get(0).leave().get(WAIT_SECONDS, TimeUnit.SECONDS);
        players.get(1).leave().get(WAIT_SECONDS, TimeUnit.SECONDS);
        Eventually.await(WAIT_SECONDS, () -> !redis().exists(RedisKeys.room(gone)));
        ServerEnvelope seated = ClusterWire.redeem(b.port(), reservation).get(WAIT_SECONDS, TimeUnit.SECONDS);

        // then it sits in that other room, its token used up once
        assertThat(seated.hasJoined()).as(seated.toString()).isTrue();
        assertThat(seated.getJoined().getRoomId()).isEqualTo(open);
        assertThat(redis().keys(RedisKeys.SEAT_PREFIX + "*")).isEmpty();
        assertThatThrownBy(() -> ClusterWire.redeem(b.port(), reservation).get(WAIT_SECONDS, TimeUnit.SECONDS))
                .cause().hasMessageContaining("SEAT_RESERVATION_REJECTED");
    }

    @Test
    void shouldPlaceAJoinOrCreateWhoseReservedRoomWasDisposedAsANewJoinOfThatType() throws Exception {
        // given node a holding a join-or-create's reservation in the one room of its type on node b
        RingsideServer a = node("a", c -> { });
        RingsideServer b = node("b", c -> { });
        GameClient first = client(b);
        String gone = first.joinOrCreate(BRIEF).get(WAIT_SECONDS, TimeUnit.SECONDS).roomId();
        SeatReservation reservation = reserveThrough(a, gone);

        // when that room is disposed before the reserved player arrives
        first.leave().get(WAIT_SECONDS, TimeUnit.SECONDS);
        Eventually.await(WAIT_SECONDS, () -> !redis().exists(RedisKeys.room(gone)));
        ServerEnvelope answer = ClusterWire.redeem(b.port(), reservation).get(WAIT_SECONDS, TimeUnit.SECONDS);

        // then it is placed as a join-or-create of the room's type: a new room on b, or a seat for one elsewhere
        if (answer.hasSeatReservation()) {
            SeatReservation next = answer.getSeatReservation();
            assertThat(next.getRoomType()).isEqualTo(BRIEF);
            int port = URI.create(next.getAddress()).getPort();
            answer = ClusterWire.joinWithSeatToken(port, BRIEF, next.getSeatToken())
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        assertThat(answer.hasJoined()).as(answer.toString()).isTrue();
        assertThat(answer.getJoined().getRoomId()).isNotEqualTo(gone);
        assertThat(redis().keys(RedisKeys.SEAT_PREFIX + "*")).isEmpty();
    }

    @Test
    void shouldRefuseAJoinByIdWhoseReservedRoomWasDisposed() throws Exception {
        // given node a holding a reservation in a room of node b for a join of that room by id
        RingsideServer a = node("a", c -> { });
        RingsideServer b = node("b", c -> { });
        GameClient first = client(b);
        String gone = first.joinOrCreate(BRIEF).get(WAIT_SECONDS, TimeUnit.SECONDS).roomId();
        GameClient lister = client(a);
        Eventually.await(WAIT_SECONDS, () -> listed(lister, BRIEF, gone));
        SeatReservation reservation = ClusterWire.joinById(a.port(), gone).get(WAIT_SECONDS, TimeUnit.SECONDS)
                .getSeatReservation();
        assertThat(reservation.getRoomId()).isEqualTo(gone);

        // when that room is disposed before the reserved player arrives
        first.leave().get(WAIT_SECONDS, TimeUnit.SECONDS);
        Eventually.await(WAIT_SECONDS, () -> !redis().exists(RedisKeys.room(gone)));

        // then the player is told the room it named is gone
        assertThatThrownBy(() -> ClusterWire.redeem(b.port(), reservation).get(WAIT_SECONDS, TimeUnit.SECONDS))
                .cause().hasMessageContaining("ROOM_NOT_FOUND");
    }

    /** A join-or-create's seat reservation in room {@code roomId} of another node, made through {@code node}. */
    private SeatReservation reserveThrough(RingsideServer node, String roomId) throws Exception {
        GameClient lister = client(node);
        Eventually.await(WAIT_SECONDS, () -> listed(lister, BRIEF, roomId));
        SeatReservation reservation = ClusterWire.joinOrCreate(node.port(), BRIEF).get(WAIT_SECONDS, TimeUnit.SECONDS)
                .getSeatReservation();
        assertThat(reservation.getRoomId()).isEqualTo(roomId);
        assertThat(reservation.getSeatToken()).startsWith("j.");
        return reservation;
    }

    @Test
    void shouldSeatAJoinThatPlacementSendsToItsOwnNodeAfterAClaimInRedisOnTheConnectionItCameOn()
            throws Exception {
        // given a node capped at three rooms whose one room is full and whose spare slot is used, so
        // that a new room there needs a slot claimed in Redis, after the join was routed
        RingsideServer a = node("a", c -> c.maxRoomsPerNode(3));
        synchronized (registries.get("a")) { // no heartbeat, so no new spare slot
            String full = client(a).joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS).roomId();
            for (int i = 1; i < CAPACITY; i++) {
                assertThat(client(a).joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS).roomId())
                        .isEqualTo(full);
            }

            // when one more player joins through it
            GameClient player = client(a);
            GameRoom joined = player.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);

            // then it sits in a new room of that node, on the connection it came on: no seat token, no
            // second connection to the same node
            assertThat(joined.roomId()).isNotEqualTo(full);
            assertThat(player.uri().getPort()).isEqualTo(a.port());
            assertThat(a.gameMetrics().joinsByOutcome().get("redirected")).isZero();
            assertThat(redis().zrange(RedisKeys.slots("a"), 0, -1)).anyMatch(m -> m.startsWith(RoomSlots.CLAIM));
        }
    }

    @Test
    void shouldRefuseAJoinByIdSentToARoomItsOwnerFilledSinceItLastPublishedItsSeats() throws Exception {
        // given a room on node b with one seat left, as Redis and node a's view count it
        RingsideServer a = node("a", c -> { });
        RingsideServer b = node("b", c -> { });
        String full = roomWithOneSeatLeft(a, b);
        GameClient late = client(a);
        synchronized (registries.get("b")) { // node b's heartbeat publishes nothing while this is held
            // when node b seats a player there directly, and then a join of that room by id reaches node a
            assertThat(client(b).joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS).roomId()).isEqualTo(full);
            CompletableFuture<GameRoom> join = late.join(full, Map.of(), "");

            // then it is refused: the room named is full
            assertThatThrownBy(() -> join.get(WAIT_SECONDS, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(GameRequestException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.ERROR_CODE_ROOM_FULL));
        }
    }

    /**
     * A room on node {@code owner} with all seats but one taken, once Redis and node {@code placing}'s
     * view of the registry show it so; returns its id.
     */
    private String roomWithOneSeatLeft(RingsideServer placing, RingsideServer owner) throws Exception {
        String id = client(owner).joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS).roomId();
        for (int i = 1; i < CAPACITY - 1; i++) {
            assertThat(client(owner).joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS).roomId()).isEqualTo(id);
        }
        Eventually.await(WAIT_SECONDS,
                () -> Integer.toString(CAPACITY - 1).equals(redis().hget(RedisKeys.room(id), "seats"))
                        && redis().hget(RedisKeys.room(id), "redeemed") == null);
        Eventually.await(WAIT_SECONDS, () -> seatsSeen(placing, id) == CAPACITY - 1);
        return id;
    }

    /** The seats taken in room {@code roomId} as node {@code node}'s view of the registry counts them (-1: unknown). */
    private int seatsSeen(RingsideServer node, String roomId) {
        ClusterView.RoomEntry room = registryOf.get(node).view().rooms.get(roomId);
        return room == null ? -1 : room.seats();
    }

    /** The live rooms a node's slot set holds (used claims and spares linger there a heartbeat longer). */
    private static long roomSlots(String node) {
        return redis().zrange(RedisKeys.slots(node), 0, -1).stream().filter(m -> m.startsWith(RoomSlots.ROOM)).count();
    }

    private static int roomCount(RingsideServer server) {
        return server.gameMetrics().roomTypes().stream().mapToInt(t -> t.rooms()).sum();
    }

    private RingsideServer node(String id, java.util.function.Consumer<ClusterConfig.Builder> edit) throws Exception {
        int port = RedisServer.freePort();
        ClusterConfig.Builder config = ClusterConfig.builder().redisUri(FIXTURE.server().uri()).nodeId(id)
                .nodeTtlMs(NODE_TTL_MS).publicAddress("ws://127.0.0.1:" + port + RingsideServer.DEFAULT_ENDPOINT_PATH);
        edit.accept(config);
        RedisRoomRegistry registry = new RedisRoomRegistry(config.build());
        registries.put(id, registry);
        RingsideServer server = RingsideServer.builder()
                .transport(t -> t.port(port).ioLoops(1).bindAddress("127.0.0.1"))
                .game(g -> g.shards(1))
                .registry(registry)
                .room("arena", ClusterIT.LabelRoom::new, RoomOptions.builder().capacity(CAPACITY)
                        .disposeWhenEmptyMs(60_000).build())
                .room(BRIEF, ClusterIT.LabelRoom::new, RoomOptions.builder().capacity(CAPACITY)
                        .disposeWhenEmptyMs(0).build())
                .build().start();
        servers.add(server);
        registryOf.put(server, registry);
        return server;
    }

    private GameClient client(RingsideServer server) throws Exception {
        return FIXTURE.connect(server.port(), new GameListener() { }, clients);
    }

    private static boolean listed(GameClient client, String type, String roomId) {
        try {
            return client.listRooms(type).get(WAIT_SECONDS, TimeUnit.SECONDS).stream()
                    .anyMatch(r -> r.roomId().equals(roomId));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JedisPooled redis() {
        return FIXTURE.redis();
    }
}
