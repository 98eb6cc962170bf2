package io.ringside.examples.arena;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.RingsideServer;
import io.ringside.examples.chromium.HeadlessChromium;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The live monitor page in headless Chromium: it shows the arena's room and players as bots join,
 * by itself, and its actions (kick, lock, unlock, dispose), once confirmed in its dialog, reach the players.
 * Screenshots in target/.
 * Runs in the {@code browser} profile (on where /usr/bin/chromium exists).
 */
@Tag("slow")
@Timeout(90)
class MonitorBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TOKEN = "browser-test-monitor-token-42";
    private static final String ROOM_ROW = "#rooms tbody tr[data-room]";

    private final HttpClient http = HttpClient.newHttpClient();
    private RingsideServer server;
    private HeadlessChromium page;

    @BeforeEach
    void start() throws Exception {
        server = ArenaServer.builder(0, ArenaSettings.defaults().withBots(0), 4)
                .transport(t -> t.ioLoops(1)).game(g -> g.shards(1))
                .monitor(m -> m.enabled(true).token(TOKEN).refreshMs(200).rttProbeIntervalMs(200))
                .build().start();
        page = new HeadlessChromium();
    }

    @AfterEach
    void stop() {
        if (page != null) {
            page.close();
        }
        server.close();
    }

    @Test
    void shouldShowPlayersAppearByThemselvesAndKickLockUnlockAndDisposeAfterTheConfirmDialog() throws Exception {
        // given: one player in the arena, the monitor open
        SocketBot first = SocketBot.connect(http, server.port());
        assertThat(first.joined.await(20, TimeUnit.SECONDS)).isTrue();
        page.open("http://127.0.0.1:" + server.port() + "/monitor/?token=" + TOKEN);
        page.await(WAIT, p -> "1 / 4".equals(roomCell(p, 3)));
        assertThat(page.eval("return document.getElementById('status').textContent")).isEqualTo("live");

        // when a second player joins, the page shows it without being reloaded
        SocketBot second = SocketBot.connect(http, server.port());
        assertThat(second.joined.await(20, TimeUnit.SECONDS)).isTrue();
        page.await(WAIT, p -> "2 / 4".equals(roomCell(p, 3)));

        // and the room's players show with their RTT
        page.eval("document.querySelector('" + ROOM_ROW + " button[data-action=players]').click()");
        page.await(WAIT, p -> Boolean.TRUE.equals(p.eval("const rows = document.querySelectorAll("
                + "'#players tbody tr'); return rows.length === 2"
                + " && [...rows].every(r => r.cells[3].textContent.endsWith(' ms'))")));
        page.screenshot(Path.of("target", "monitor.png"));

        // when: kick the second player, cancelling once, then confirming
        String kick = "document.querySelector('#players tbody tr:last-child button[data-action=kick]').click()";
        page.eval(kick);
        page.await(WAIT, p -> Boolean.TRUE.equals(p.eval("return document.getElementById('confirm').open")));
        assertThat(page.eval("return document.getElementById('confirm-text').textContent").toString())
                .startsWith("Kick player ");
        page.click("#confirm-cancel");
        page.eval(kick);
        page.await(WAIT, p -> Boolean.TRUE.equals(p.eval("return document.getElementById('confirm').open")));
        page.click("#confirm-ok");

        // then the kicked player is told so, the other stays, and the page shows one player again
        page.await(WAIT, p -> second.errors.stream().anyMatch(e -> e.contains("LEAVE_REASON_KICKED")));
        page.await(WAIT, p -> "1 / 4".equals(roomCell(p, 3)));
        assertThat(first.errors).isEmpty();
        assertThat(page.eval("return document.getElementById('notice').textContent")).isEqualTo("kick sent");

        // when: lock the room, confirmed
        page.eval("document.querySelector('" + ROOM_ROW + " button[data-action=lock]').click()");
        page.await(WAIT, p -> Boolean.TRUE.equals(p.eval("return document.getElementById('confirm').open")));
        page.click("#confirm-ok");

        // then
        page.await(WAIT, p -> "locked".equals(roomCell(p, 4)));

        // when: unlock it, confirmed
        page.eval("document.querySelector('" + ROOM_ROW + " button[data-action=unlock]').click()");
        page.await(WAIT, p -> Boolean.TRUE.equals(p.eval("return document.getElementById('confirm').open")));
        assertThat(page.eval("return document.getElementById('confirm-text').textContent").toString())
                .startsWith("Unlock room ");
        page.click("#confirm-ok");

        // then
        page.await(WAIT, p -> "open".equals(roomCell(p, 4)));

        // and the shard and traffic figures are filled in
        assertThat(page.eval("return document.querySelector('#shards tbody tr').cells[2].textContent").toString())
                .endsWith(" ms");
        assertThat(page.eval("return document.querySelector('#shards tbody tr').cells[3].textContent").toString())
                .endsWith(" ms");
        assertThat(page.eval("return document.querySelector('#shards tbody tr').cells[4].textContent").toString())
                .matches("\\d+");
        assertThat(page.eval("return document.getElementById('bytes-in').textContent").toString()).endsWith("/s");
        assertThat(page.eval("return document.getElementById('bytes-out').textContent").toString()).endsWith("/s");
        page.screenshot(Path.of("target", "monitor-after-actions.png"));

        // when: dispose of the room, cancelling once, then confirming
        String dispose = "document.querySelector('" + ROOM_ROW + " button[data-action=dispose]').click()";
        page.eval(dispose);
        page.await(WAIT, p -> Boolean.TRUE.equals(p.eval("return document.getElementById('confirm').open")));
        assertThat(page.eval("return document.getElementById('confirm-text').textContent").toString())
                .startsWith("Dispose room ");
        page.click("#confirm-cancel");
        assertThat(first.errors).isEmpty();
        page.eval(dispose);
        page.await(WAIT, p -> Boolean.TRUE.equals(p.eval("return document.getElementById('confirm').open")));
        page.click("#confirm-ok");

        // then the last player is told the room closed, and the room leaves the page
        page.await(WAIT, p -> first.errors.stream().anyMatch(e -> e.contains("LEAVE_REASON_ROOM_CLOSED")));
        page.await(WAIT, p -> Boolean.TRUE.equals(p.eval("return document.querySelector('" + ROOM_ROW
                + "') === null")));
        assertThat(page.eval("return document.getElementById('notice').textContent")).isEqualTo("dispose sent");
        first.close();
    }

    /** The text of cell {@code index} of the first room row, or {@code null} while there is none. */
    private static String roomCell(HeadlessChromium page, int index) {
        Object text = page.eval("const row = document.querySelector('" + ROOM_ROW + "');"
                + " return row ? row.cells[" + index + "].textContent : null");
        return text == null ? null : text.toString();
    }
}
