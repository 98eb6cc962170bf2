package io.ringside.examples.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringside.engine.RingsideServer;
import io.ringside.examples.auth.TokenAuth;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The arena with token auth at the upgrade, over real sockets: a WebSocket with a token from
 * {@code /token} opens; one without a token, or with a forged one, is refused 401 before it opens.
 */
@Timeout(60)
class ArenaTokenIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RingsideServer server;

    @BeforeEach
    void start() throws Exception {
        TokenAuth tokens = new TokenAuth(TokenAuth.randomSecret(), Duration.ofHours(1), Clock.systemUTC());
        server = ArenaServer.withTokens(ArenaServer.builder(0, ArenaSettings.defaults().withBots(0), 4), tokens)
                .transport(t -> t.ioLoops(1)).game(g -> g.shards(1)).build().start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private WebSocket open(String query) {
        return HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws" + query),
                new WebSocket.Listener() { }).join();
    }

    @Test
    void shouldRefuse401WhenAWebSocketComesWithoutAValidToken() {
        // given
        String forged = new TokenAuth(TokenAuth.randomSecret(), Duration.ofHours(1), Clock.systemUTC()).issue("me");

        // when / then
        for (String query : new String[] {"", "?token=" + forged}) {
            assertThatThrownBy(() -> open(query)).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse()
                            .statusCode()).isEqualTo(401));
        }
    }

    @Test
    void shouldOpenWhenTheTokenComesFromTheTokenRoute() throws Exception {
        // given
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + TokenAuth.TOKEN_PATH)).build(),
                HttpResponse.BodyHandlers.ofString());

        // when
        WebSocket socket = open("?token=" + token.body());

        // then
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(socket.isOutputClosed()).isFalse();
        socket.abort();
    }
}
