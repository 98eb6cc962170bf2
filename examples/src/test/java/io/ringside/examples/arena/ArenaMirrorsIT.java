package io.ringside.examples.arena;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.client.GameClient;
import io.ringside.engine.client.GameClientConfig;
import io.ringside.engine.client.GameListener;
import io.ringside.engine.client.MirrorEntity;
import io.ringside.engine.client.WebSocketClient;
import io.ringside.examples.arena.wire.Fighter;
import io.ringside.examples.arena.wire.Projectile;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bots play the arena while three Java clients watch it through their state mirrors: at every
 * server tick that all three mirrors reached, they hold the same fighters and shots, field for field
 * (every field; the input ack travels in the patch, not in an entity), under the same entity ids.
 */
@Timeout(60)
class ArenaMirrorsIT {
    private static final long WAIT_SECONDS = 20;
    private static final int CLIENTS = 3;
    private static final int COMMON_TICKS = 30;

    @Test
    void shouldShowEveryClientTheSameFightersAndShotsWhenBotsPlay() throws Exception {
        // given
        ArenaSettings settings = ArenaSettings.defaults().withBots(6);
        List<GameClient> clients = new ArrayList<>();
        try (RingsideServer server = ArenaServer.builder(0, settings, 8)
                .transport(t -> t.ioLoops(1)).game(g -> g.shards(1)).build().start();
             WebSocketClient webSocketClient = WebSocketClient.start()) {
            URI uri = URI.create("ws://127.0.0.1:" + server.port() + RingsideServer.DEFAULT_ENDPOINT_PATH);
            for (int i = 0; i < CLIENTS; i++) {
                GameClient client = GameClient.create(webSocketClient, uri,
                        GameClientConfig.builder().delivery(GameClientConfig.Delivery.POLL).build(),
                        new GameListener() { });
                client.state().register(Fighter.getDefaultInstance()).register(Projectile.getDefaultInstance());
                client.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
                client.joinOrCreate(ArenaServer.ROOM_TYPE).get(WAIT_SECONDS, TimeUnit.SECONDS);
                clients.add(client);
            }

            // when every mirror is recorded at each tick it reaches, until they share enough ticks
            List<Map<Long, Map<Integer, Object>>> seen = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                seen.add(new HashMap<>());
            }
            Set<Long> common = new HashSet<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (common.size() < COMMON_TICKS) {
                assertThat(System.nanoTime()).as("enough common ticks before the deadline").isLessThan(deadline);
                for (int i = 0; i < CLIENTS; i++) {
                    GameClient client = clients.get(i);
                    if (client.poll(1) > 0 && client.state().tick() > 0) {
                        seen.get(i).put(client.state().tick(), view(client));
                    }
                }
                common = new HashSet<>(seen.get(0).keySet());
                for (int i = 1; i < CLIENTS; i++) {
                    common.retainAll(seen.get(i).keySet());
                }
                Thread.onSpinWait();
            }

            // then
            boolean someoneMoved = false;
            for (long tick : common) {
                Map<Integer, Object> first = seen.get(0).get(tick);
                assertThat(first).as("fighters and shots at tick " + tick).isNotEmpty();
                for (int i = 1; i < CLIENTS; i++) {
                    assertThat(seen.get(i).get(tick)).as("client " + i + " at tick " + tick).isEqualTo(first);
                }
                someoneMoved |= !first.equals(seen.get(0).get(tick - 1)) && seen.get(0).containsKey(tick - 1);
            }
            assertThat(someoneMoved).as("the world changed between recorded ticks").isTrue();
            assertThat(seen.get(0).get(common.iterator().next()).values())
                    .filteredOn(Fighter.class::isInstance).hasSize(6 + CLIENTS);
            clients.forEach(GameClient::close);
        }
    }

    /** The client's mirror, by entity id. */
    private static Map<Integer, Object> view(GameClient client) {
        Map<Integer, Object> view = new TreeMap<>();
        for (MirrorEntity entity : client.state().entities()) {
            view.put(entity.id(), entity.toMessage());
        }
        return view;
    }
}
