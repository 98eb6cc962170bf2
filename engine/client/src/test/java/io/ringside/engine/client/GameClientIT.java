package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Int64Value;
import com.google.protobuf.StringValue;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.LeaveReason;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** GameClient over real sockets against a Java-WebSocket server scripted to answer envelopes. */
@Timeout(30)
class GameClientIT {
    private static final int CHAT = 1;
    private static final int THROWING = 5;
    private static final long WAIT_SECONDS = 10;
    private static final String IO_THREAD = "game-it-io-";

    private static ScriptedGameServer server;
    private static WebSocketClient webSocketClient;
    private final GameEvents events = new GameEvents();
    private GameClient client;

    @BeforeAll
    static void start() throws InterruptedException {
        server = ScriptedGameServer.startServer();
        webSocketClient = WebSocketClient.start(ClientConfig.builder().threadNamePrefix(IO_THREAD).build());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        webSocketClient.close();
        server.shutdown();
    }

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void shouldJoinAndDeliverOnTheIoThreadWhenUsingCallbacks() throws Exception {
        // given
        client = connect(GameClientConfig.defaults(), events);
        server.joins.clear();

        // when
        GameRoom room = client.joinOrCreate("arena", Map.of("mode", "duel"), "tok").get(WAIT_SECONDS, TimeUnit.SECONDS);

        // then
        assertThat(room.roomId()).isEqualTo("room-arena");
        assertThat(room.tickRateHz()).isEqualTo(ScriptedGameServer.TICK_RATE_HZ);
        assertThat(room.joinTick()).isEqualTo(ScriptedGameServer.TICK);
        assertThat(room.reconnectToken()).startsWith("seat-");
        assertThat(client.room()).isEqualTo(room);
        events.expect("joined arena room-arena");
        assertThat(events.threads.poll()).startsWith(IO_THREAD);
        JoinRequest seen = server.joins.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(seen.getOptionsMap()).containsEntry("mode", "duel");
        assertThat(seen.getAuthToken()).isEqualTo("tok");
    }

    @Test
    void shouldSeeEachOthersTypedMessagesWhenTwoClientsShareARoom() throws Exception {
        // given
        GameEvents otherEvents = new GameEvents();
        client = connect(GameClientConfig.defaults(), events);
        GameClient other = connect(GameClientConfig.defaults(), otherEvents);
        client.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        other.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        events.expect("joined");
        otherEvents.expect("joined");

        // when
        assertThat(client.send(CHAT, StringValue.of("hi from one"))).isTrue();
        otherEvents.expect("chat hi from one");
        assertThat(other.send(CHAT, StringValue.of("hi from two"))).isTrue();

        // then
        events.expect("chat hi from one");
        events.expect("chat hi from two");
        otherEvents.expect("chat hi from two");
        other.close();
    }

    @Test
    void shouldMeasureRttAndEstimateTheServerTickWhenPinged() throws Exception {
        // given
        client = connect(GameClientConfig.defaults(), events);
        client.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        events.expect("joined");

        // when
        assertThat(client.ping()).isTrue();

        // then
        events.expect("pong rtt=");
        assertThat(client.lastRttNs()).isPositive();
        assertThat(client.smoothedRttNs()).isEqualTo(client.lastRttNs());
        assertThat(client.serverTick()).isGreaterThanOrEqualTo(ScriptedGameServer.TICK);
    }

    @Test
    void shouldCompleteLeaveWithTheServersReasonWhenLeaving() throws Exception {
        // given
        client = connect(GameClientConfig.defaults(), events);
        client.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);

        // when
        LeaveReason reason = client.leave().get(WAIT_SECONDS, TimeUnit.SECONDS);

        // then
        assertThat(reason).isEqualTo(LeaveReason.LEAVE_REASON_LEFT);
        assertThat(client.room()).isNull();
        events.expect("joined");
        events.expect("left LEAVE_REASON_LEFT bye");
    }

    @Test
    void shouldFailTheJoinWithTheServersCodeWhenRefused() throws Exception {
        // given
        client = connect(GameClientConfig.defaults(), events);

        // when
        var join = client.joinOrCreate("full");

        // then
        assertThatThrownBy(() -> join.get(WAIT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(GameRequestException.class)
                .extracting(e -> ((GameRequestException) e).code()).isEqualTo(ErrorCode.ERROR_CODE_ROOM_FULL);
        events.expect("error ERROR_CODE_ROOM_FULL no seat left");
    }

    @Test
    void shouldReportUnknownTypesErrorsAndHandlerExceptionsAndCarryOn() throws Exception {
        // given
        client = connect(GameClientConfig.defaults(), events);
        client.on(THROWING, Int64Value.parser(), (c, m) -> {
            throw new IllegalStateException("bot bug " + m.getValue());
        });
        client.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        events.expect("joined");

        // when
        client.send(77, StringValue.of("?"));
        client.send(ScriptedGameServer.UNKNOWN_TYPE, StringValue.of("?"));
        client.send(THROWING, Int64Value.of(3));
        client.send(CHAT, StringValue.of("still open"));

        // then
        events.expect("unknown type=77");
        events.expect("error ERROR_CODE_UNKNOWN_MESSAGE_TYPE type 99");
        events.expect("failure bot bug 3");
        events.expect("chat still open");
    }

    @Test
    void shouldReportTheDisconnectAndRejoinWithTheReconnectTokenWhenTheServerDrops() throws Exception {
        // given
        client = connect(GameClientConfig.defaults(), events);
        GameRoom room = client.joinOrCreate("arena", Map.of(), "tok").get(WAIT_SECONDS, TimeUnit.SECONDS);
        events.expect("joined");
        server.joins.clear();

        // when
        client.send(ScriptedGameServer.CLOSE_TYPE, StringValue.of("bye"));
        events.expect("disconnected 4000 scripted remote");
        client.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameRoom again = client.rejoin().get(WAIT_SECONDS, TimeUnit.SECONDS);

        // then
        JoinRequest rejoin = server.joins.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(rejoin.getRoomId()).isEqualTo(room.roomId());
        assertThat(rejoin.getReconnectToken()).isEqualTo(room.reconnectToken());
        assertThat(rejoin.getAuthToken()).isEqualTo("tok");
        assertThat(again.roomId()).isEqualTo(room.roomId());
    }

    @Test
    void shouldFailTheConnectionWith1007WhenTheServerSendsAMalformedEnvelope() throws Exception {
        // given
        client = connect(GameClientConfig.defaults(), events);

        // when
        client.send(ScriptedGameServer.GARBAGE_TYPE, StringValue.of("x"));

        // then
        events.expect("failure malformed server envelope");
        events.expect("disconnected 1007");
    }

    @Test
    void shouldDeliverOnTheBotsOwnThreadWhenPolling() throws Exception {
        // given
        client = connect(GameClientConfig.builder().delivery(GameClientConfig.Delivery.POLL).build(), events);

        // when
        client.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        client.send(CHAT, StringValue.of("polled"));
        client.ping();
        awaitPending(client, 3);

        // then
        assertThat(events.events).isEmpty();
        assertThat(client.poll()).isEqualTo(3);
        assertThat(events.drain()).satisfiesExactly(
                e -> assertThat(e).startsWith("joined arena"),
                e -> assertThat(e).isEqualTo("chat polled"),
                e -> assertThat(e).startsWith("pong rtt="));
        assertThat(events.threads).containsOnly(Thread.currentThread().getName());
    }

    private GameClient connect(GameClientConfig config, GameEvents listener) throws Exception {
        GameClient game = GameClient.create(webSocketClient, server.uri(), config, listener);
        game.on(CHAT, StringValue.parser(), (c, m) -> listener.record("chat " + m.getValue()));
        return game.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    static void awaitPending(GameClient client, int events) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (client.pendingEvents() < events && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        assertThat(client.pendingEvents()).as("events waiting to be polled").isGreaterThanOrEqualTo(events);
    }
}
