package io.ringside.examples.arena;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.RingsideServer;
import io.ringside.examples.auth.TokenAuth;
import io.ringside.examples.chromium.HeadlessChromium;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The arena command's server with token auth at the upgrade: the arena page and the lobby page it
 * also serves each get a token from {@code /token} and connect in headless Chromium (screenshot in
 * target/). Runs where /usr/bin/chromium exists.
 */
@Tag("slow")
@Timeout(90)
class ArenaTokenBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String STATE = "return window.ringsideArena && window.ringsideArena.state()";

    private RingsideServer server;
    private HeadlessChromium page;

    @BeforeEach
    void start() throws Exception {
        TokenAuth tokens = new TokenAuth(TokenAuth.randomSecret(), Duration.ofHours(1), Clock.systemUTC());
        server = ArenaServer.withTokens(ArenaServer.withLobby(ArenaServer.builder(0,
                        ArenaSettings.defaults().withBots(0), 4)), tokens)
                .transport(t -> t.ioLoops(1)).game(g -> g.shards(1)).build().start();
    }

    @AfterEach
    void stop() {
        if (page != null) {
            page.close();
        }
        server.close();
    }

    @Test
    void shouldPlayInTheBrowserWithATokenFromTheTokenRoute() throws Exception {
        // given
        page = new HeadlessChromium();

        // when
        page.open("http://127.0.0.1:" + server.port() + "/arena/?name=alice");

        // then
        page.await(WAIT, p -> {
            Map<String, Object> state = p.evalMap(STATE);
            return state != null && Boolean.TRUE.equals(state.get("joined"))
                    && ((List<?>) state.get("players")).size() == 1;
        });
        assertThat(server.transportMetrics().refusedByReason()).containsEntry("auth", 0L);
        page.screenshot(Path.of("target", "arena-token.png"));
    }

    @Test
    void shouldConnectTheLobbyPageWithATokenFromTheTokenRoute() throws Exception {
        // given
        page = new HeadlessChromium();

        // when
        page.open("http://127.0.0.1:" + server.port() + "/lobby/?name=alice");

        // then
        page.await(WAIT, p -> {
            Map<String, Object> state = p.evalMap("return window.ringsideLobby && window.ringsideLobby.state()");
            return state != null && Boolean.TRUE.equals(state.get("connected"));
        });
        assertThat(server.transportMetrics().refusedByReason()).containsEntry("auth", 0L);
    }
}
