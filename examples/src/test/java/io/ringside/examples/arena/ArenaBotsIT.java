package io.ringside.examples.arena;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.RingsideServer;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Arenas with bots over real sockets (the JDK's WebSocket client, each with its own state mirror):
 * fifty players in one room, each socket bot getting a state patch at about the tick rate, holding
 * every fighter and seeing its inputs acked; two hundred players with a view radius; an idle room.
 * Prints the bytes each client receives, by part (the figures in benchmarks/README.md come from
 * these runs).
 */
@Tag("slow")
@Timeout(120)
class ArenaBotsIT {
    private static final int BOTS = 48;
    private static final int TICK_RATE_HZ = 30;
    private static final long WINDOW_MS = 3000;

    @Test
    void shouldSendEveryBotStatePatchesAtTheTickRateWhenFiftyPlay() throws Exception {
        // given
        int serverBots = 2;
        ArenaSettings settings = ArenaSettings.defaults().withBots(serverBots).withTickRateHz(TICK_RATE_HZ);
        try (RingsideServer server = ArenaServer.builder(0, settings, BOTS)
                .transport(t -> t.ioLoops(2)).game(g -> g.shards(1)).build().start()) {
            List<SocketBot> bots = join(server, false);
            int[] before = bots.stream().mapToInt(bot -> bot.patches.get()).toArray();

            // when
            measure("arena, 50 players, 30 Hz", bots, BOTS + serverBots);

            // then
            int expected = (int) (TICK_RATE_HZ * WINDOW_MS / 1000);
            for (int i = 0; i < BOTS; i++) {
                SocketBot bot = bots.get(i);
                assertThat(bot.errors).isEmpty();
                assertThat(bot.patches.get() - before[i]).as("patches of bot " + i)
                        .isBetween(expected / 2, expected * 3 / 2);
                assertThat(bot.ackedSeq.get()).as("inputs acked").isPositive();
                assertThat(bot.playersSeen.get()).isEqualTo(BOTS + serverBots);
            }
            bots.forEach(SocketBot::close);
        }
    }

    @Test
    void shouldShowEachBotOnlyItsNeighboursWhenTwoHundredPlayWithAViewRadius() throws Exception {
        // given 48 socket bots and 152 server bots in one 1600 x 900 room, a view radius of 340
        // (a circle of about a quarter of the room: some 50 fighters)
        int serverBots = 152;
        ArenaSettings settings = ArenaSettings.defaults().withBots(serverBots).withTickRateHz(TICK_RATE_HZ);
        try (RingsideServer server = ArenaServer.builder(0, settings, BOTS, ArenaServer.DEFAULT_RECONNECT_GRACE_MS,
                        340).transport(t -> t.ioLoops(2)).game(g -> g.shards(1)).build().start()) {
            List<SocketBot> bots = join(server, false);

            // when
            measure("arena, 200 players, view radius 340, 30 Hz", bots, 0);

            // then every mirror held together and saw some but not all fighters
            for (SocketBot bot : bots) {
                assertThat(bot.errors).isEmpty();
                assertThat(bot.playersSeen.get()).isBetween(1, BOTS + serverBots - 1);
            }
            bots.forEach(SocketBot::close);
        }
    }

    @Test
    void shouldSendNextToNothingWhenNobodyMoves() throws Exception {
        // given 48 socket bots that send no input, no server bots
        ArenaSettings settings = ArenaSettings.defaults().withBots(0).withTickRateHz(TICK_RATE_HZ);
        try (RingsideServer server = ArenaServer.builder(0, settings, BOTS)
                .transport(t -> t.ioLoops(2)).game(g -> g.shards(1)).build().start()) {
            List<SocketBot> bots = join(server, true);

            // when
            long bytes = measure("arena, 48 players idle", bots, BOTS);

            // then
            for (SocketBot bot : bots) {
                assertThat(bot.errors).isEmpty();
                assertThat(bot.playersSeen.get()).isEqualTo(BOTS);
            }
            assertThat(bytes).isZero();
            bots.forEach(SocketBot::close);
        }
    }

    private static List<SocketBot> join(RingsideServer server, boolean idle) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        List<SocketBot> bots = new ArrayList<>();
        for (int i = 0; i < BOTS; i++) {
            bots.add(SocketBot.connect(http, server.port(), idle));
        }
        for (SocketBot bot : bots) {
            assertThat(bot.joined.await(30, TimeUnit.SECONDS)).as("joined").isTrue();
        }
        // let every join's burst (each newcomer entering every view) pass
        long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (bots.stream().anyMatch(bot -> bot.playersSeen.get() == 0) && System.nanoTime() < settle) {
            Thread.onSpinWait();
        }
        Thread.sleep(1000);
        return bots;
    }

    /**
     * Counts what the bots receive during the window and prints it per client and by part; per
     * player per update when {@code playersPerUpdate} is given (0: per fighter in view on average).
     * Returns the payload bytes received by all bots.
     */
    private static long measure(String scenario, List<SocketBot> bots, int playersPerUpdate) throws Exception {
        long[] bytesBefore = bots.stream().mapToLong(bot -> bot.payloadBytes.get()).toArray();
        int[] patchesBefore = bots.stream().mapToInt(bot -> bot.patches.get()).toArray();
        List<Map<String, Long>> partsBefore = bots.stream().map(bot -> bot.breakdown.snapshot()).toList();
        Thread.sleep(WINDOW_MS);
        long bytes = 0;
        long patches = 0;
        long seen = 0;
        Map<String, Long> parts = new TreeMap<>();
        for (int i = 0; i < bots.size(); i++) {
            SocketBot bot = bots.get(i);
            bytes += bot.payloadBytes.get() - bytesBefore[i];
            patches += bot.patches.get() - patchesBefore[i];
            seen += bot.playersSeen.get();
            bot.breakdown.snapshot().forEach((part, n) -> parts.merge(part, n, Long::sum));
            partsBefore.get(i).forEach((part, n) -> parts.merge(part, -n, Long::sum));
        }
        double players = playersPerUpdate > 0 ? playersPerUpdate : (double) seen / bots.size();
        double perUpdate = patches == 0 ? 0 : (double) bytes / patches / players;
        System.out.printf("%s: %.0f B/s per client, %.1f patches/s per client, %.1f players in view,"
                        + " %.2f B per player per update%n", scenario, bytes * 1000.0 / WINDOW_MS / bots.size(),
                patches * 1000.0 / WINDOW_MS / bots.size(), players, perUpdate);
        for (Map.Entry<String, Long> part : parts.entrySet()) {
            if (part.getValue() != 0) {
                System.out.printf("  %-64s %6.0f B/s per client, %5.2f B/player/update%n", part.getKey(),
                        part.getValue() * 1000.0 / WINDOW_MS / bots.size(),
                        patches == 0 ? 0 : (double) part.getValue() / patches / players);
            }
        }
        return bytes;
    }
}
