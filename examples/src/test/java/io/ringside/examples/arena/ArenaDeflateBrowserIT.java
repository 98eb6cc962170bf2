package io.ringside.examples.arena;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.RingsideServer;
import io.ringside.examples.chromium.HeadlessChromium;
import io.ringside.protocol.deflate.DeflatePolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The arena page in headless Chromium with permessage-deflate on: Chromium offers it by default
 * ({@code permessage-deflate; client_max_window_bits}), the server accepts, and the game plays on
 * with compressed snapshots both ways. Runs in the {@code browser} profile (where /usr/bin/chromium exists).
 */
@Tag("slow")
@Timeout(90)
class ArenaDeflateBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String STATE = "return window.ringsideArena && window.ringsideArena.state()";

    private RingsideServer server;
    private HeadlessChromium page;

    @BeforeEach
    void start() throws Exception {
        // bots make the snapshots big enough to be compressed
        ArenaSettings settings = ArenaSettings.defaults().withBots(4);
        server = ArenaServer.builder(0, settings, 8)
                .transport(t -> t.ioLoops(1)).game(g -> g.shards(1))
                .endpoint(e -> e.deflate(DeflatePolicy.builder().minMessageBytes(64).build())).build().start();
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
    void shouldPlayWithCompressedSnapshotsWhenChromiumNegotiatesDeflate() {
        // given
        page.open("http://127.0.0.1:" + server.port() + "/arena/?name=zip");

        // when: the page joins and takes snapshots; a second socket from the page reports what was agreed
        page.await(WAIT, p -> {
            Map<String, Object> state = p.evalMap(STATE);
            return state != null && Boolean.TRUE.equals(state.get("joined"))
                    && ((Number) state.get("snapshots")).longValue() > 30;
        });
        page.eval("const ws = new WebSocket(location.origin.replace('http', 'ws') + '/ws');"
                + " ws.onopen = () => { window.negotiated = ws.extensions; ws.close(); }; return null;");
        Object extensions = page.await(WAIT, p -> p.eval("return window.negotiated || null"));

        // then
        assertThat(extensions).isEqualTo("permessage-deflate; server_no_context_takeover; client_no_context_takeover");
        Map<String, Object> state = page.evalMap(STATE);
        assertThat(((Number) state.get("rttMs")).doubleValue()).isNotNaN();
        assertThat(page.console()).doesNotContainIgnoringCase("error");
    }
}
