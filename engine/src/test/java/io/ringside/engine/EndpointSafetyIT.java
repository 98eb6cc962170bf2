package io.ringside.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.room.TestRooms;
import io.ringside.engine.transport.EndpointConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The game endpoint's safe defaults over real sockets: Origin policy, subprotocol, plain requests on its path. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EndpointSafetyIT {
    private static final long WAIT_SECONDS = 10;

    private final HttpClient http = HttpClient.newHttpClient();
    private RingsideServer server;

    private void start(Consumer<EndpointConfig.Builder> endpoint) throws IOException {
        server = RingsideServer.builder()
                .transport(t -> t.port(0).bindAddress("127.0.0.1").ioLoops(1))
                .game(g -> g.shards(1))
                .endpoint(endpoint)
                .room("chat", () -> new TestRooms.ChatRoom(new ConcurrentLinkedQueue<>(), new AtomicLong()))
                .build().start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private URI uri() {
        return URI.create("ws://127.0.0.1:" + server.port() + RingsideServer.DEFAULT_ENDPOINT_PATH);
    }

    private WebSocket open(WebSocket.Builder builder) throws Exception {
        return builder.buildAsync(uri(), new WebSocket.Listener() { }).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private int refusal(WebSocket.Builder builder) {
        Throwable failure = builder.buildAsync(uri(), new WebSocket.Listener() { })
                .handle((ws, error) -> error).join();
        assertThat(failure).isNotNull();
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        assertThat(cause).isInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) cause).getResponse().statusCode();
    }

    @Test
    void shouldRefuseForeignOriginWith403ByDefault() throws Exception {
        // given
        start(e -> { });

        // when
        int status = refusal(http.newWebSocketBuilder().header("Origin", "http://evil.example"));

        // then
        assertThat(status).isEqualTo(403);
        assertThat(server.connectionCount()).isZero();
    }

    @Test
    void shouldAcceptSameHostOriginAndNoOriginByDefault() throws Exception {
        // given
        start(e -> { });

        // when
        WebSocket sameHost = open(http.newWebSocketBuilder().header("Origin", "http://127.0.0.1:" + server.port()));
        WebSocket noOrigin = open(http.newWebSocketBuilder());

        // then
        assertThat(sameHost.isInputClosed()).isFalse();
        assertThat(noOrigin.isInputClosed()).isFalse();
        sameHost.abort();
        noOrigin.abort();
    }

    @Test
    void shouldAcceptAllowlistedOriginAndStillRefuseOthers() throws Exception {
        // given
        start(e -> e.allowedOrigins("https://game.example"));

        // when
        WebSocket allowed = open(http.newWebSocketBuilder().header("Origin", "https://game.example"));
        int other = refusal(http.newWebSocketBuilder().header("Origin", "https://evil.example"));

        // then
        assertThat(allowed.isInputClosed()).isFalse();
        assertThat(other).isEqualTo(403);
        allowed.abort();
    }

    @Test
    void shouldAcceptEveryOriginWhenAnyOriginChosen() throws Exception {
        // given
        start(e -> e.anyOrigin(true));

        // when
        WebSocket foreign = open(http.newWebSocketBuilder().header("Origin", "http://evil.example"));

        // then
        assertThat(foreign.isInputClosed()).isFalse();
        foreign.abort();
    }

    @Test
    void shouldWarnAtStartWhenAnyOriginChosenAndOnlyThen() throws Exception {
        // when: started with the check off, then with the defaults (SLF4J's simple binding writes to System.err)
        String anyOriginLog = capturingStandardError(() -> start(e -> e.anyOrigin(true)));
        server.close();
        String defaultLog = capturingStandardError(() -> start(e -> { }));

        // then
        assertThat(anyOriginLog).contains("WARN").contains("endpoint /ws accepts WebSocket upgrades from any Origin");
        assertThat(defaultLog).contains("listening on").doesNotContain("any Origin");
    }

    /** What {@code action} writes to {@code System.err}, passed on to the real one as well. */
    private static String capturingStandardError(ThrowingRunnable action) throws Exception {
        PrintStream real = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new TeeOutputStream(real, captured), true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(real);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeOutputStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }
    }

    @Test
    void shouldEchoRingsideSubprotocolWhenOfferedAndNoneOtherwise() throws Exception {
        // given
        start(e -> { });

        // when
        WebSocket offered = open(http.newWebSocketBuilder().subprotocols("other.v2", RingsideServer.SUBPROTOCOL));
        WebSocket unknownOnly = open(http.newWebSocketBuilder().subprotocols("other.v2"));
        WebSocket none = open(http.newWebSocketBuilder());

        // then
        assertThat(offered.getSubprotocol()).isEqualTo("ringside.v1");
        assertThat(unknownOnly.getSubprotocol()).isEmpty();
        assertThat(none.getSubprotocol()).isEmpty();
        offered.abort();
        unknownOnly.abort();
        none.abort();
    }

    @Test
    void shouldAnswer426WithUpgradeWebSocketWhenPlainGetOnEndpointPath() throws Exception {
        // given
        start(e -> { });
        HttpRequest plain = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/ws"))
                .version(HttpClient.Version.HTTP_1_1).build();

        // when
        HttpResponse<String> response = http.send(plain, HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(response.statusCode()).isEqualTo(426);
        assertThat(response.headers().firstValue("Upgrade")).hasValue("websocket");
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/nothing"))
                .version(HttpClient.Version.HTTP_1_1).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void shouldAnswer426WhenH2cUpgradeOnEndpointPath() throws Exception {
        // given
        start(e -> { });
        String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA\r\n\r\n";

        // when
        String response = exchange(request);

        // then
        assertThat(response).startsWith("HTTP/1.1 426 Upgrade Required\r\n").contains("\r\nUpgrade: websocket\r\n");
    }

    @Test
    void shouldRefuseOpaqueNullOriginUnlessAllowlisted() throws Exception {
        // given a page from a sandboxed frame or a file: URL, whose Origin is "null"
        start(e -> { });

        // when
        int status = refusal(http.newWebSocketBuilder().header("Origin", "null"));

        // then
        assertThat(status).isEqualTo(403);
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
