package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Int64Value;
import io.ringside.engine.RingsideServer;
import io.ringside.engine.room.RoomOptions;
import io.ringside.engine.room.TestRooms;
import io.ringside.protocol.envelope.ErrorCode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Room.lock/unlock end to end: GameClients against the real server over real sockets. Room type
 * "chat" (TestRooms.ChatRoom: locks on LOCK, unlocks on UNLOCK) takes 4 players and holds seats 10 s.
 */
@Timeout(30)
class RoomLockIT {
    private static final long WAIT_SECONDS = 10;

    private final List<GameClient> clients = new CopyOnWriteArrayList<>();
    private RingsideServer server;
    private WebSocketClient webSocketClient;

    @BeforeEach
    void start() throws Exception {
        server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1)).game(g -> g.shards(1).tickRateHz(30))
                .room("chat", () -> new TestRooms.ChatRoom(new ConcurrentLinkedQueue<>(), new AtomicLong()),
                        RoomOptions.builder().capacity(4).reconnectGraceMs(10_000).build())
                .build().start();
        webSocketClient = WebSocketClient.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (GameClient client : clients) {
            if (client.connection() != null) {
                client.close();
            }
        }
        webSocketClient.close();
        server.close();
    }

    @Test
    void shouldKeepALockedRoomOutOfMatchmakingButTakeAHeldSeatBackAndMatchAgainOnceUnlocked() throws Exception {
        // given: a's room is locked (the COUNT answer comes after the room handled LOCK)
        GameEvents eventsA = new GameEvents();
        GameClient a = connect(eventsA);
        GameRoom locked = a.joinOrCreate("chat").get(WAIT_SECONDS, TimeUnit.SECONDS);
        signal(a, eventsA, TestRooms.LOCK, 0);

        // when
        GameClient b = connect(new GameEvents());
        List<GameRoomInfo> listed = b.listRooms("chat").get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameRoom elsewhere = b.joinOrCreate("chat").get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameClient c = connect(new GameEvents());
        Throwable byId = refusal(c.join(locked.roomId(), Map.of(), ""));
        a.close();
        await(eventsA, "disconnected");
        a.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameRoom back = a.rejoin().get(WAIT_SECONDS, TimeUnit.SECONDS);
        signal(a, eventsA, TestRooms.UNLOCK, 1);
        GameRoom unlocked = c.join(locked.roomId(), Map.of(), "").get(WAIT_SECONDS, TimeUnit.SECONDS);

        // then
        assertThat(listed).isEmpty();
        assertThat(elsewhere.roomId()).isNotEqualTo(locked.roomId());
        assertThat(byId).isInstanceOf(GameRequestException.class);
        assertThat(((GameRequestException) byId).code()).isEqualTo(ErrorCode.ERROR_CODE_ROOM_LOCKED);
        assertThat(back.sessionId()).isEqualTo(locked.sessionId());
        assertThat(back.roomId()).isEqualTo(locked.roomId());
        assertThat(unlocked.roomId()).isEqualTo(locked.roomId());
    }

    /** Sends {@code type}, then a COUNT whose answer (other events skipped) proves the room handled it. */
    private static void signal(GameClient client, GameEvents events, int type, long count) throws Exception {
        client.send(type, Int64Value.of(0));
        client.send(TestRooms.COUNT, Int64Value.of(count));
        await(events, "count " + (count + 1));
    }

    /** Waits for an event starting with {@code prefix}, skipping the others. */
    private static void await(GameEvents events, String prefix) throws InterruptedException {
        String event;
        do {
            event = events.events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        } while (event != null && !event.startsWith(prefix));
        assertThat(event).as("an event starting with %s", prefix).isNotNull();
    }

    /** Why {@code join} failed (it must fail). */
    private static Throwable refusal(CompletableFuture<GameRoom> join) throws Exception {
        try {
            join.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the join succeeded");
    }

    private GameClient connect(GameEvents events) throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + RingsideServer.DEFAULT_ENDPOINT_PATH);
        GameClient client = GameClient.create(webSocketClient, uri, events);
        client.on(TestRooms.COUNT, Int64Value.parser(), (c, m) -> events.record("count " + m.getValue()));
        clients.add(client);
        return client.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
