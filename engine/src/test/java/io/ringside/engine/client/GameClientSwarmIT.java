package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.StringValue;
import io.ringside.engine.RingsideServer;
import io.ringside.engine.room.RoomOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many polling game clients on one I/O thread of the client, all driven by one bot loop on the test
 * thread, against the real server. (Not against the scripted Java-WebSocket server: its selector
 * thread can drop a connection's write interest while a worker thread queues a reply, a race that
 * strands one reply in a few tens of thousands, which a 300-bot swarm hits now and then.)
 */
@Timeout(30)
class GameClientSwarmIT {
    private static final int BOTS = 300;
    private static final int ROOM_CAPACITY = 8;

    @Test
    void shouldSeeEveryRoommatesMessageAndMeasureRttWhenBotsFillRoomsOfTheRealServer() throws Exception {
        // given
        RingsideServer server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1)).game(g -> g.shards(1))
                .room("arena", ArenaTestRoom::new, RoomOptions.builder().capacity(ROOM_CAPACITY).build())
                .build().start();
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + RingsideServer.DEFAULT_ENDPOINT_PATH);
        Map<GameClient, AtomicInteger> received = new HashMap<>();
        try (WebSocketClient webSocketClient = WebSocketClient.start()) {
            List<GameClient> bots = connectAll(webSocketClient, uri, new GameListener() { });
            List<CompletableFuture<GameRoom>> joins = new ArrayList<>();
            for (GameClient client : bots) {
                AtomicInteger count = new AtomicInteger();
                received.put(client, count);
                client.on(ArenaTestRoom.CHAT, StringValue.parser(), (c, m) -> count.incrementAndGet());
                joins.add(client.joinOrCreate("arena"));
            }
            Map<String, Integer> roomSizes = new HashMap<>();
            for (CompletableFuture<GameRoom> join : joins) {
                roomSizes.merge(join.get(10, TimeUnit.SECONDS).roomId(), 1, Integer::sum);
            }

            // when
            for (GameClient client : bots) {
                assertThat(client.send(ArenaTestRoom.CHAT, StringValue.of("hi"))).isTrue();
                assertThat(client.ping()).isTrue();
            }

            // then
            pollUntil(bots, () -> bots.stream().allMatch(c -> c.lastRttNs() > 0
                            && received.get(c).get() == roomSizes.get(c.room().roomId())),
                    () -> "received=" + received.values().stream().mapToInt(AtomicInteger::get).sum());
            assertThat(roomSizes).hasSize(BOTS / ROOM_CAPACITY + (BOTS % ROOM_CAPACITY == 0 ? 0 : 1));
            bots.forEach(GameClient::close);
        } finally {
            server.close();
        }
    }

    private static List<GameClient> connectAll(WebSocketClient webSocketClient, URI uri, GameListener listener)
            throws Exception {
        GameClientConfig config = GameClientConfig.builder().delivery(GameClientConfig.Delivery.POLL).build();
        List<GameClient> bots = new ArrayList<>();
        List<CompletableFuture<GameClient>> connecting = new ArrayList<>();
        for (int i = 0; i < BOTS; i++) {
            GameClient client = GameClient.create(webSocketClient, uri, config, listener);
            bots.add(client);
            connecting.add(client.connect());
        }
        for (CompletableFuture<GameClient> future : connecting) {
            future.get(20, TimeUnit.SECONDS);
        }
        return bots;
    }

    private static void pollUntil(List<GameClient> bots, BooleanSupplier done, Supplier<String> state) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            int work = 0;
            for (GameClient client : bots) {
                work += client.poll();
            }
            if (work == 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
        assertThat(done.getAsBoolean()).as(() -> "every bot got there: " + state.get() + ", in a room: "
                + bots.stream().filter(c -> c.room() != null).count() + ", waiting events: "
                + bots.stream().mapToInt(GameClient::pendingEvents).sum()).isTrue();
    }
}
