package io.ringside.examples.arena;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.RingsideServer;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fifty players in one arena (48 bots over real sockets, 2 server bots): each socket bot's mirror
 * gets a state patch at about the tick rate, holds every fighter, and sees its inputs acked. Prints
 * the bytes each client receives (the figures in the examples' README come from this run).
 */
@Tag("slow")
@Timeout(60)
class ArenaBotsIT {
    private static final int BOTS = 48;
    private static final int SERVER_BOTS = 2;
    private static final int TICK_RATE_HZ = 30;
    private static final long WINDOW_MS = 3000;

    @Test
    void shouldSendEveryBotStatePatchesAtTheTickRateWhenFiftyPlay() throws Exception {
        // given
        ArenaSettings settings = ArenaSettings.defaults().withBots(SERVER_BOTS).withTickRateHz(TICK_RATE_HZ);
        List<SocketBot> bots = new ArrayList<>();
        try (RingsideServer server = ArenaServer.builder(0, settings, BOTS)
                .transport(t -> t.ioLoops(2)).game(g -> g.shards(1)).build().start()) {
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < BOTS; i++) {
                bots.add(SocketBot.connect(http, server.port()));
            }
            for (SocketBot bot : bots) {
                assertThat(bot.joined.await(10, TimeUnit.SECONDS)).as("joined").isTrue();
            }
            int[] before = bots.stream().mapToInt(bot -> bot.patches.get()).toArray();
            long[] bytesBefore = bots.stream().mapToLong(bot -> bot.payloadBytes.get()).toArray();

            // when
            Thread.sleep(WINDOW_MS);

            // then
            int expected = (int) (TICK_RATE_HZ * WINDOW_MS / 1000);
            long bytes = 0;
            long patches = 0;
            for (int i = 0; i < BOTS; i++) {
                bytes += bots.get(i).payloadBytes.get() - bytesBefore[i];
                patches += bots.get(i).patches.get() - before[i];
            }
            int players = BOTS + SERVER_BOTS;
            System.out.printf("arena, %d players, %d Hz: %.0f B/s per client, %.2f B per player per update%n",
                    players, TICK_RATE_HZ, bytes * 1000.0 / WINDOW_MS / BOTS, (double) bytes / patches / players);
            for (int i = 0; i < BOTS; i++) {
                SocketBot bot = bots.get(i);
                assertThat(bot.errors).isEmpty();
                assertThat(bot.patches.get() - before[i]).as("patches of bot " + i)
                        .isBetween(expected / 2, expected * 3 / 2);
                assertThat(bot.ackedSeq.get()).as("inputs acked").isPositive();
                assertThat(bot.playersSeen.get()).isEqualTo(BOTS + SERVER_BOTS);
            }
            bots.forEach(SocketBot::close);
        }
    }
}
