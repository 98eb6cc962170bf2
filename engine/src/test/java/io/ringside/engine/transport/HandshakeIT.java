package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The opening handshake and plain HTTP on the WebSocket port, over raw sockets. */
@Timeout(30)
class HandshakeIT {
    private static WebSocketServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WebSocketServer.builder().port(0).ioLoops(1).heartbeatIntervalMs(0)
                .handshakeLimits(h -> h.maxHeadBytes(4096).maxRequestLineBytes(1024))
                .endpoint(EndpointConfig.builder().path("/").allowedOrigins("https://game.example").build(),
                        new EchoHandler())
                .endpoint("/arena", new EchoHandler(), "arena.v2", "arena.v1")
                .httpHandler(StaticResourceHandler.fromClasspath("web/test"))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String exchange(String request) throws IOException {
        try (RawClient client = RawClient.connect(server.port())) {
            String head = client.request(request);
            client.readAll(); // the body, then EOF: the server closes after every refusal
            return head;
        }
    }

    private static String exchangeWithBody(String request) throws IOException {
        try (RawClient client = RawClient.connect(server.port())) {
            client.send(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(client.readAll(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldSwitchProtocolsWithAcceptKeyWhenRequestValid() throws Exception {
        // when
        String head = exchangeUpgrade(RawClient.upgradeRequest("/", "Origin: https://game.example\r\n"));

        // then: the RFC 6455 §1.3 example key and accept value
        assertThat(head).startsWith("HTTP/1.1 101").contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void shouldPickFirstOfferedSubprotocolEndpointSpeaksAndDeclineExtensions() throws Exception {
        // when
        String head = exchangeUpgrade(RawClient.upgradeRequest("/arena",
                "Sec-WebSocket-Protocol: chat, arena.v1, arena.v2\r\n"
                        + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"));

        // then
        assertThat(head).startsWith("HTTP/1.1 101").containsIgnoringCase("Sec-WebSocket-Protocol: arena.v1")
                .doesNotContainIgnoringCase("Sec-WebSocket-Extensions");
    }

    private static String exchangeUpgrade(String request) throws IOException {
        try (RawClient client = RawClient.connect(server.port())) {
            return client.request(request);
        }
    }

    @Test
    void shouldAnswer400WhenKeyMissing() throws Exception {
        String request = "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        assertThat(exchange(request)).startsWith("HTTP/1.1 400");
    }

    @Test
    void shouldAnswer400WhenRequestLineMalformed() throws Exception {
        assertThat(exchange("NONSENSE\r\n\r\n")).startsWith("HTTP/1.1 400");
    }

    @Test
    void shouldAnswer426WithVersionWhenVersionNot13() throws Exception {
        String request = RawClient.upgradeRequest("/", "").replace("Version: 13", "Version: 8");
        assertThat(exchange(request)).startsWith("HTTP/1.1 426").contains("Sec-WebSocket-Version: 13");
    }

    @Test
    void shouldAnswer404WhenUpgradePathUnknown() throws Exception {
        assertThat(exchange(RawClient.upgradeRequest("/nowhere", ""))).startsWith("HTTP/1.1 404");
    }

    @Test
    void shouldAcceptWhenNoOriginSentByNonBrowserClient() throws Exception {
        assertThat(exchangeUpgrade(RawClient.upgradeRequest("/", ""))).startsWith("HTTP/1.1 101");
    }

    @Test
    void shouldAnswer403WhenOriginNotAllowed() throws Exception {
        String request = RawClient.upgradeRequest("/", "Origin: https://evil.example\r\n");
        assertThat(exchange(request)).startsWith("HTTP/1.1 403");
    }

    @Test
    void shouldAnswer431WhenHeadersTooLarge() throws Exception {
        String request = RawClient.upgradeRequest("/", "X-Filler: " + "f".repeat(5000) + "\r\n");
        assertThat(exchange(request)).startsWith("HTTP/1.1 431");
    }

    @Test
    void shouldAnswer200WhenHealthChecked() throws Exception {
        String response = exchangeWithBody("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 200").endsWith("ok\n");
    }

    @Test
    void shouldServeClasspathFileWhenPlainGet() throws Exception {
        String response = exchangeWithBody("GET /app.js HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 200").containsIgnoringCase("text/javascript")
                .endsWith("console.log(\"ringside\");\n");
    }

    @Test
    void shouldServeIndexWhenDirectoryRequested() throws Exception {
        String response = exchangeWithBody("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 200").contains("<title>ringside</title>");
    }

    @Test
    void shouldAnswer404WhenPlainPathUnknownOrEscapesRoot() throws Exception {
        assertThat(exchange("GET /missing.css HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 404");
        assertThat(exchange("GET /../secret HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 404");
    }

    @Test
    void shouldDecodeFramesPipelinedRightAfterRequest() throws Exception {
        try (RawClient client = RawClient.connect(server.port())) {
            // given
            byte[] head = RawClient.upgradeRequest("/", "").getBytes(StandardCharsets.ISO_8859_1);
            byte[] frame = client.frame(true, 0, 0x1, "early".getBytes(StandardCharsets.UTF_8));
            byte[] both = new byte[head.length + frame.length];
            System.arraycopy(head, 0, both, 0, head.length);
            System.arraycopy(frame, 0, both, head.length, frame.length);

            // when
            client.send(both);

            // then
            assertThat(client.readHead()).startsWith("HTTP/1.1 101");
            assertThat(client.readFrame().text()).isEqualTo("early");
        }
    }
}
