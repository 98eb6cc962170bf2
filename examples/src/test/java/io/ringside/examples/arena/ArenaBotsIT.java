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

/** Fifty bots over real sockets in one arena: each gets snapshots at about the tick rate, and acks. */
@Tag("slow")
@Timeout(60)
class ArenaBotsIT {
    private static final int BOTS = 50;
    private static final int SERVER_BOTS = 2;
    private static final int TICK_RATE_HZ = 30;
    private static final long WINDOW_MS = 3000;

    @Test
    void shouldSendEveryBotSnapshotsAtTheTickRateWhenFiftyPlay() throws Exception {
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
            int[] before = bots.stream().mapToInt(bot -> bot.snapshots.get()).toArray();

            // when
            Thread.sleep(WINDOW_MS);

            // then
            int expected = (int) (TICK_RATE_HZ * WINDOW_MS / 1000);
            for (int i = 0; i < BOTS; i++) {
                SocketBot bot = bots.get(i);
                assertThat(bot.errors).isEmpty();
                assertThat(bot.snapshots.get() - before[i]).as("snapshots of bot " + i)
                        .isBetween(expected / 2, expected * 3 / 2);
                assertThat(bot.ackedSeq.get()).as("inputs acked").isPositive();
                assertThat(bot.playersSeen.get()).isEqualTo(BOTS + SERVER_BOTS);
            }
            bots.forEach(SocketBot::close);
        }
    }
}
