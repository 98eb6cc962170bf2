package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Many polling game clients on one I/O thread, all driven by one bot loop on the test thread. */
@Timeout(30)
class GameClientSwarmIT {
    private static final int BOTS = 300;

    @Test
    void shouldJoinAndPingEveryBotWhenOneLoopPollsThemAllOnOneIoThread() throws Exception {
        // given
        ScriptedGameServer server = ScriptedGameServer.startServer();
        AtomicInteger joined = new AtomicInteger();
        AtomicInteger ponged = new AtomicInteger();
        AtomicInteger disconnected = new AtomicInteger();
        GameListener bot = new GameListener() {
            @Override
            public void onJoined(GameClient client, GameRoom room) {
                joined.incrementAndGet();
                client.ping();
            }

            @Override
            public void onPong(GameClient client, long rttNs, long serverTick) {
                ponged.incrementAndGet();
            }

            @Override
            public void onDisconnected(GameClient client, int closeCode, String reason, boolean remote) {
                disconnected.incrementAndGet();
            }
        };
        GameClientConfig config = GameClientConfig.builder().delivery(GameClientConfig.Delivery.POLL).build();
        try (WebSocketClient webSocketClient = WebSocketClient.start()) {
            List<GameClient> bots = new ArrayList<>();
            List<CompletableFuture<GameClient>> connecting = new ArrayList<>();
            for (int i = 0; i < BOTS; i++) {
                GameClient client = GameClient.create(webSocketClient, server.uri(), config, bot);
                bots.add(client);
                connecting.add(client.connect());
            }
            for (CompletableFuture<GameClient> future : connecting) {
                future.get(20, TimeUnit.SECONDS).joinOrCreate("arena");
            }

            // when
            pollUntil(bots, () -> ponged.get() == BOTS);
            bots.forEach(GameClient::close);
            pollUntil(bots, () -> disconnected.get() == BOTS);

            // then
            assertThat(joined.get()).isEqualTo(BOTS);
            assertThat(ponged.get()).isEqualTo(BOTS);
            assertThat(bots).allSatisfy(c -> assertThat(c.lastRttNs()).isPositive());
        } finally {
            server.shutdown();
        }
    }

    private static void pollUntil(List<GameClient> bots, BooleanSupplier done) {
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
        assertThat(done.getAsBoolean()).as("every bot got there").isTrue();
    }
}
