package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.StringValue;
import io.ringside.engine.RingsideServer;
import io.ringside.engine.room.RoomOptions;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.LeaveReason;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** GameClient against the real RingsideServer over real sockets, with a small test room. */
@Timeout(30)
class GameClientServerIT {
    private static final long WAIT_SECONDS = 10;
    private static final int TICK_RATE_HZ = 30;

    private static RingsideServer server;
    private static WebSocketClient webSocketClient;
    private static URI uri;
    private final GameEvents eventsA = new GameEvents();
    private final GameEvents eventsB = new GameEvents();
    private GameClient a;
    private GameClient b;

    @BeforeAll
    static void start() throws Exception {
        server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1))
                .game(g -> g.shards(1).tickRateHz(TICK_RATE_HZ))
                .room("arena", ArenaTestRoom::new, RoomOptions.builder().capacity(4).build())
                .room("duel", ArenaTestRoom::new, RoomOptions.builder().capacity(2).build())
                .build().start();
        uri = URI.create("ws://127.0.0.1:" + server.port() + RingsideServer.DEFAULT_ENDPOINT_PATH);
        webSocketClient = WebSocketClient.start();
    }

    @AfterAll
    static void stop() {
        webSocketClient.close();
        server.close();
    }

    @AfterEach
    void closeClients() {
        for (GameClient client : new GameClient[] {a, b}) {
            if (client != null && client.connection() != null) {
                client.close();
            }
        }
    }

    @Test
    void shouldSeeEachOthersMessagesWhenTwoClientsJoinOrCreateTheSameRoom() throws Exception {
        // given
        a = connect(eventsA);
        b = connect(eventsB);
        GameRoom roomA = a.joinOrCreate("arena", Map.of("label", "first"), "").get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameRoom roomB = b.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);

        // when
        assertThat(a.send(ArenaTestRoom.CHAT, StringValue.of("hello"))).isTrue();
        eventsB.expect("joined");
        eventsB.expect("chat " + roomA.sessionId() + ": hello");
        assertThat(b.send(ArenaTestRoom.CHAT, StringValue.of("hi back"))).isTrue();

        // then
        assertThat(roomB.roomId()).isEqualTo(roomA.roomId());
        assertThat(roomB.sessionId()).isNotEqualTo(roomA.sessionId());
        assertThat(roomA.tickRateHz()).isEqualTo(TICK_RATE_HZ);
        eventsA.expect("joined arena " + roomA.roomId());
        eventsA.expect("chat " + roomA.sessionId() + ": hello");
        eventsA.expect("chat " + roomB.sessionId() + ": hi back");
    }

    @Test
    void shouldMeasureRttAndTrackTheServerTickWhenPinged() throws Exception {
        // given
        a = connect(eventsA);
        GameRoom room = a.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        eventsA.expect("joined");

        // when
        assertThat(a.ping()).isTrue();
        String pong = eventsA.expect("pong rtt=");

        // then
        long pongTick = Long.parseLong(pong.substring(pong.indexOf("tick=") + 5));
        assertThat(pongTick).isGreaterThanOrEqualTo(room.joinTick());
        assertThat(a.lastRttNs()).isPositive();
        assertThat(a.smoothedRttNs()).isPositive();
        assertThat(a.serverTick()).isGreaterThanOrEqualTo(pongTick);
    }

    @Test
    void shouldGetLeftWhenLeaving() throws Exception {
        // given
        a = connect(eventsA);
        a.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);

        // when
        LeaveReason reason = a.leave().get(WAIT_SECONDS, TimeUnit.SECONDS);

        // then
        assertThat(reason).isEqualTo(LeaveReason.LEAVE_REASON_LEFT);
        assertThat(a.room()).isNull();
        eventsA.expect("joined");
        eventsA.expect("left LEAVE_REASON_LEFT");
    }

    @Test
    void shouldListPublicRoomsButNotPrivateOnes() throws Exception {
        // given
        a = connect(eventsA);
        b = connect(eventsB);
        GameRoom listed = a.joinOrCreate("duel", Map.of("label", "map-1"), "").get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameRoom hidden = b.createPrivate("duel", Map.of(), "").get(WAIT_SECONDS, TimeUnit.SECONDS);

        // when
        List<GameRoomInfo> rooms = b.listRooms("duel").get(WAIT_SECONDS, TimeUnit.SECONDS);

        // then
        assertThat(rooms).contains(new GameRoomInfo(listed.roomId(), "duel", 1, 2, "map-1"));
        assertThat(rooms).extracting(GameRoomInfo::roomId).doesNotContain(hidden.roomId());
    }

    @Test
    void shouldJoinAPrivateRoomByIdWhenGivenIt() throws Exception {
        // given
        a = connect(eventsA);
        b = connect(eventsB);
        GameRoom created = a.createPrivate("arena", Map.of(), "").get(WAIT_SECONDS, TimeUnit.SECONDS);

        // when
        GameRoom joined = b.join(created.roomId(), Map.of(), "").get(WAIT_SECONDS, TimeUnit.SECONDS);

        // then
        assertThat(joined.roomId()).isEqualTo(created.roomId());
    }

    @Test
    void shouldFailTheJoinWithTheServersCodeWhenRefused() throws Exception {
        // given
        a = connect(eventsA);

        // then
        assertRefused(a.joinOrCreate("no-such-type"), ErrorCode.ERROR_CODE_UNKNOWN_ROOM_TYPE);
        assertRefused(a.joinOrCreate("arena", Map.of(), "bad"), ErrorCode.ERROR_CODE_JOIN_REJECTED);
        assertRefused(a.join("no-such-room", Map.of(), ""), ErrorCode.ERROR_CODE_ROOM_NOT_FOUND);
    }

    @Test
    void shouldReportTheServersErrorWhenSendingAnUndeclaredType() throws Exception {
        // given
        a = connect(eventsA);
        a.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        eventsA.expect("joined");

        // when
        a.send(42, StringValue.of("?"));

        // then
        eventsA.expect("error ERROR_CODE_UNKNOWN_MESSAGE_TYPE");
        assertThat(a.room()).isNotNull();
    }

    @Test
    void shouldBeDisconnectedWith1001AndUnseatedWhenTheServerShutsDown() throws Exception {
        // given
        RingsideServer own = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1)).game(g -> g.shards(1))
                .room("arena", ArenaTestRoom::new).build().start();
        GameClient client = GameClient.create(webSocketClient,
                URI.create("ws://127.0.0.1:" + own.port() + RingsideServer.DEFAULT_ENDPOINT_PATH), eventsA);
        client.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
        client.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        eventsA.expect("joined");

        // when
        own.close();

        // then: Left ROOM_CLOSED comes first when the server flushed it before its close (not always yet)
        String first = eventsA.expect("");
        if (first.startsWith("left")) {
            assertThat(first).startsWith("left LEAVE_REASON_ROOM_CLOSED");
            first = eventsA.expect("");
        }
        assertThat(first).startsWith("disconnected 1001");
        assertThat(client.room()).isNull();
        assertThat(client.connection()).isNull();
        assertThat(client.lastRoom().reconnectToken()).isNotNull();
    }

    private static void assertRefused(CompletableFuture<GameRoom> join, ErrorCode code) {
        assertThatThrownBy(() -> join.get(WAIT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(GameRequestException.class)
                .extracting(e -> ((GameRequestException) e).code()).isEqualTo(code);
    }

    private static GameClient connect(GameEvents events) throws Exception {
        GameClient client = GameClient.create(webSocketClient, uri, events);
        client.on(ArenaTestRoom.CHAT, StringValue.parser(), (c, m) -> events.record("chat " + m.getValue()));
        return client.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
