package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.StringValue;
import io.ringside.engine.RingsideServer;
import io.ringside.engine.room.Player;
import io.ringside.engine.room.Room;
import io.ringside.engine.room.RoomOptions;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.LeaveReason;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Reconnects end to end: GameClients against the real server over real sockets, some through a
 * {@link DropProxy} so that their connection can die without a close frame. Room type "held" keeps
 * a dropped player's seat for 10 s (capacity 2), "brief" for 300 ms, "plain" not at all.
 */
@Timeout(30)
class GameClientReconnectIT {
    private static final long WAIT_SECONDS = 10;
    private static final int CHAT = 1;

    private final BlockingQueue<String> roomEvents = new LinkedBlockingQueue<>();
    private final List<String> roomLog = new CopyOnWriteArrayList<>();
    private final List<GameClient> clients = new CopyOnWriteArrayList<>();
    private RingsideServer server;
    private WebSocketClient webSocketClient;
    private DropProxy proxy;

    @BeforeEach
    void start() throws Exception {
        server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1)).game(g -> g.shards(1).tickRateHz(30))
                .room("held", () -> new SeatRoom(this::logRoom),
                        RoomOptions.builder().capacity(2).reconnectGraceMs(10_000).build())
                .room("brief", () -> new SeatRoom(this::logRoom),
                        RoomOptions.builder().capacity(4).reconnectGraceMs(300).build())
                .room("plain", () -> new SeatRoom(this::logRoom), RoomOptions.builder().capacity(4).build())
                .build().start();
        webSocketClient = WebSocketClient.start();
        proxy = new DropProxy(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        for (GameClient client : clients) {
            if (client.connection() != null) {
                client.close();
            }
        }
        proxy.close();
        webSocketClient.close();
        server.close();
    }

    @Test
    void shouldTakeTheSeatBackWithTheSameSessionWhenTheSocketDropsAndTheClientRejoins() throws Exception {
        // given: a reaches the server through the proxy, b directly
        GameEvents eventsA = new GameEvents();
        GameEvents eventsB = new GameEvents();
        GameClient a = connect(eventsA, proxy.port());
        GameClient b = connect(eventsB, server.port());
        GameRoom first = a.joinOrCreate("held").get(WAIT_SECONDS, TimeUnit.SECONDS);
        b.joinOrCreate("held").get(WAIT_SECONDS, TimeUnit.SECONDS);
        eventsA.expect("joined");
        eventsB.expect("joined");

        // when: the network drops a's connection, a reconnects its socket and rejoins
        proxy.dropAll();
        eventsA.expect("disconnected");
        awaitRoom("disconnect " + first.sessionId() + " connected=false");
        a.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameRoom back = a.rejoin().get(WAIT_SECONDS, TimeUnit.SECONDS);
        awaitRoom("reconnect " + first.sessionId() + " connected=true");
        assertThat(a.send(CHAT, StringValue.of("back"))).isTrue();

        // then
        assertThat(back.sessionId()).isEqualTo(first.sessionId());
        assertThat(back.roomId()).isEqualTo(first.roomId());
        assertThat(back.reconnectToken()).isNotEmpty().isNotEqualTo(first.reconnectToken());
        assertThat(back.joinTick()).isGreaterThan(first.joinTick());
        assertThat(a.room()).isEqualTo(back);
        eventsB.expect("chat " + first.sessionId() + ": back");
        assertThat(eventsB.drain()).isEmpty();
        assertThat(roomLog).noneMatch(line -> line.startsWith("leave"));
    }

    @Test
    void shouldLeaveDisconnectedAndRefuseTheRejoinWhenTheGraceRunsOut() throws Exception {
        // given
        GameEvents eventsA = new GameEvents();
        GameClient a = connect(eventsA, server.port());
        GameClient b = connect(new GameEvents(), server.port());
        GameRoom first = a.joinOrCreate("brief").get(WAIT_SECONDS, TimeUnit.SECONDS);
        b.joinOrCreate("brief").get(WAIT_SECONDS, TimeUnit.SECONDS);

        // when
        a.close();
        eventsA.expect("joined");
        eventsA.expect("disconnected");
        awaitRoom("disconnect " + first.sessionId() + " connected=false");
        awaitRoom("leave " + first.sessionId() + " " + LeaveReason.LEAVE_REASON_DISCONNECTED);
        a.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);

        // then
        assertRefused(a.rejoin(), ErrorCode.ERROR_CODE_RECONNECT_REJECTED);
        assertThat(a.room()).isNull();
    }

    @Test
    void shouldRefuseUsedGarbageAndOtherRoomsTokensWithTheReconnectCode() throws Exception {
        // given: a dropped and rejoined once, so its first token is used; c sits in another room
        GameClient a = connect(new GameEvents(), server.port());
        GameRoom first = a.joinOrCreate("held").get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameClient c = connect(new GameEvents(), server.port());
        GameRoom other = c.createPrivate("held", Map.of(), "").get(WAIT_SECONDS, TimeUnit.SECONDS);
        a.close();
        awaitRoom("disconnect " + first.sessionId() + " connected=false");
        a.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameRoom second = a.rejoin().get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameEvents eventsX = new GameEvents();
        GameClient x = connect(eventsX, server.port());

        // when
        presentToken(x, first.roomId(), first.reconnectToken());
        String used = eventsX.expect("error ");
        presentToken(x, first.roomId(), "garbage");
        String garbage = eventsX.expect("error ");
        presentToken(x, other.roomId(), second.reconnectToken());
        String wrongRoom = eventsX.expect("error ");

        // then: none of them touched a's seat
        assertThat(List.of(used, garbage, wrongRoom))
                .allMatch(event -> event.startsWith("error " + ErrorCode.ERROR_CODE_RECONNECT_REJECTED));
        assertThat(wrongRoom).contains("another room");
        assertThat(x.room()).isNull();
        assertThat(a.room()).isNotNull();
        assertThat(roomLog).filteredOn(line -> line.startsWith("reconnect")).hasSize(1);
    }

    @Test
    void shouldCloseTheOldConnectionWithSeatTakenOverWhenANewOneTakesTheSeat() throws Exception {
        // given: a is still connected as far as the server knows
        GameEvents eventsA = new GameEvents();
        GameClient a = connect(eventsA, server.port());
        GameRoom first = a.joinOrCreate("held").get(WAIT_SECONDS, TimeUnit.SECONDS);
        eventsA.expect("joined");
        GameEvents eventsX = new GameEvents();
        GameClient x = connect(eventsX, server.port());

        // when: a client on a new network presents a's token
        presentToken(x, first.roomId(), first.reconnectToken());

        // then
        String joined = eventsX.expect("joined held " + first.roomId());
        assertThat(joined).contains("session=" + first.sessionId());
        assertThat(eventsA.expect("disconnected ")).startsWith("disconnected " + GameClient.CLOSE_SEAT_TAKEN_OVER);
        awaitRoom("reconnect " + first.sessionId() + " connected=true");
        assertThat(roomLog).noneMatch(line -> line.startsWith("disconnect") || line.startsWith("leave"));
    }

    @Test
    void shouldGiveNoGraceWhenThePlayerLeftOnPurpose() throws Exception {
        // given
        GameClient a = connect(new GameEvents(), server.port());
        GameRoom first = a.joinOrCreate("held").get(WAIT_SECONDS, TimeUnit.SECONDS);

        // when
        LeaveReason reason = a.leave().get(WAIT_SECONDS, TimeUnit.SECONDS);

        // then
        assertThat(reason).isEqualTo(LeaveReason.LEAVE_REASON_LEFT);
        awaitRoom("leave " + first.sessionId() + " " + LeaveReason.LEAVE_REASON_LEFT);
        assertRefused(a.rejoin(), ErrorCode.ERROR_CODE_RECONNECT_REJECTED);
        assertThat(roomLog).noneMatch(line -> line.startsWith("disconnect"));
    }

    @Test
    void shouldKeepTheHeldSeatCountingTowardCapacityWhileThePlayerIsAway() throws Exception {
        // given: "held" takes two players
        GameClient a = connect(new GameEvents(), server.port());
        GameClient b = connect(new GameEvents(), server.port());
        GameRoom first = a.joinOrCreate("held").get(WAIT_SECONDS, TimeUnit.SECONDS);
        b.join(first.roomId(), Map.of(), "").get(WAIT_SECONDS, TimeUnit.SECONDS);
        a.close();
        awaitRoom("disconnect " + first.sessionId() + " connected=false");
        GameClient c = connect(new GameEvents(), server.port());

        // when
        CompletableFuture<GameRoom> intruder = c.join(first.roomId(), Map.of(), "");

        // then
        assertRefused(intruder, ErrorCode.ERROR_CODE_ROOM_FULL);
        a.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(a.rejoin().get(WAIT_SECONDS, TimeUnit.SECONDS).sessionId()).isEqualTo(first.sessionId());
    }

    @Test
    void shouldLeaveAtOnceAndRejoinAsANewSessionWhenTheRoomTypeHasNoGrace() throws Exception {
        // given
        GameClient a = connect(new GameEvents(), server.port());
        GameClient b = connect(new GameEvents(), server.port());
        GameRoom first = a.joinOrCreate("plain").get(WAIT_SECONDS, TimeUnit.SECONDS);
        b.joinOrCreate("plain").get(WAIT_SECONDS, TimeUnit.SECONDS);

        // when
        a.close();
        awaitRoom("leave " + first.sessionId() + " " + LeaveReason.LEAVE_REASON_DISCONNECTED);
        a.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameRoom again = a.rejoin().get(WAIT_SECONDS, TimeUnit.SECONDS);

        // then: no token, so rejoin is a plain join by id
        assertThat(first.reconnectToken()).isEmpty();
        assertThat(again.roomId()).isEqualTo(first.roomId());
        assertThat(again.sessionId()).isNotEqualTo(first.sessionId());
        awaitRoom("join " + again.sessionId());
        assertThat(roomLog).noneMatch(line -> line.startsWith("disconnect") || line.startsWith("reconnect"));
    }

    private GameClient connect(GameEvents events, int port) throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + port + RingsideServer.DEFAULT_ENDPOINT_PATH);
        GameClient client = GameClient.create(webSocketClient, uri, events);
        client.on(CHAT, StringValue.parser(), (c, m) -> events.record("chat " + m.getValue()));
        clients.add(client);
        return client.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Sends a join by id with {@code token}, as a client that kept another's token would. */
    private static void presentToken(GameClient client, String roomId, String token) {
        assertThat(client.connection().sendBinary(GameRequests.joinId(roomId, Map.of(), "", token))).isTrue();
    }

    private void logRoom(String line) {
        roomLog.add(line);
        roomEvents.add(line);
    }

    private void awaitRoom(String line) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            String next = roomEvents.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line.equals(next)) {
                return;
            }
        }
        throw new AssertionError("the room never logged \"" + line + "\"; it logged " + roomLog);
    }

    private static void assertRefused(CompletableFuture<GameRoom> join, ErrorCode code) {
        assertThatThrownBy(() -> join.get(WAIT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(GameRequestException.class)
                .extracting(e -> ((GameRequestException) e).code()).isEqualTo(code);
    }

    /** Broadcasts CHAT prefixed with the sender's session id; logs its seat callbacks. */
    private static final class SeatRoom extends Room {
        private final Consumer<String> log;

        SeatRoom(Consumer<String> log) {
            this.log = log;
        }

        @Override
        protected void onCreate(Map<String, String> options) {
            messages().on(CHAT, StringValue.parser(),
                    (player, chat) -> broadcast(CHAT, StringValue.of(player.sessionId() + ": " + chat.getValue())));
        }

        @Override
        protected void onJoin(Player player) {
            log.accept("join " + player.sessionId());
        }

        @Override
        protected void onDisconnect(Player player) {
            log.accept("disconnect " + player.sessionId() + " connected=" + player.isConnected());
        }

        @Override
        protected void onReconnect(Player player) {
            log.accept("reconnect " + player.sessionId() + " connected=" + player.isConnected());
        }

        @Override
        protected void onLeave(Player player, LeaveReason reason) {
            log.accept("leave " + player.sessionId() + " " + reason);
        }
    }
}
