package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Opening handshakes that must fail, against real servers: each failure is typed and clear. */
@Timeout(30)
class ClientHandshakeIT {
    private static WebSocketClient client;

    @BeforeAll
    static void start() {
        client = WebSocketClient.start();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @Test
    void shouldReportStatusAndBodyWhenServerRefusesUpgrade() throws Exception {
        // given: a plain HTTP server with nothing at the path
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            byte[] body = "no such game".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        try {
            URI uri = URI.create("ws://127.0.0.1:" + http.getAddress().getPort() + "/missing");

            // when
            CompletableFuture<ClientConnection> future = client.connect(uri, new QueueingListener());

            // then
            assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(ClientHandshakeException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.body()).isEqualTo("no such game");
                    });
        } finally {
            http.stop(0);
        }
    }

    @Test
    void shouldFailWhenServerAnswersWithWrongAcceptKey() throws Exception {
        // given
        try (RawServer server = RawServer.start(socket -> {
            RawServer.readRequestKey(socket.getInputStream());
            socket.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Accept: "
                    + RawServer.accept("dGhlIHNhbXBsZSBub25jZQ==") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        })) {
            // when
            CompletableFuture<ClientConnection> future = client.connect(server.uri(), new QueueingListener());

            // then
            assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(ClientHandshakeException.class).hasMessageContaining("bad Sec-WebSocket-Accept");
            server.awaitScript();
        }
    }

    @Test
    void shouldFailWhenResponseHeadExceedsLimit() throws Exception {
        // given
        try (RawServer server = RawServer.start(socket -> {
            String key = RawServer.readRequestKey(socket.getInputStream());
            socket.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\nX-Padding: " + "p".repeat(500)
                    + "\r\nSec-WebSocket-Accept: " + RawServer.accept(key) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        })) {
            ConnectConfig config = ConnectConfig.builder().maxResponseHeadBytes(256).build();

            // when
            CompletableFuture<ClientConnection> future = client.connect(server.uri(), config, new QueueingListener());

            // then
            assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(ClientHandshakeException.class).hasMessageContaining("maxResponseHeadBytes=256");
            server.awaitScript();
        }
    }

    @Test
    void shouldTimeOutWhenServerNeverAnswersUpgrade() throws Exception {
        // given
        try (RawServer server = RawServer.start(socket -> {
            RawServer.readRequestKey(socket.getInputStream());
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        })) {
            ConnectConfig config = ConnectConfig.builder().handshakeTimeoutMs(200).build();

            // when
            CompletableFuture<ClientConnection> future = client.connect(server.uri(), config, new QueueingListener());

            // then
            assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(TimeoutException.class).hasMessageContaining("handshake");
            server.awaitScript();
        }
    }

    @Test
    void shouldFailWhenServerClosesBeforeAnswering() throws Exception {
        // given
        try (RawServer server = RawServer.start(socket -> RawServer.readRequestKey(socket.getInputStream()))) {
            // when
            CompletableFuture<ClientConnection> future = client.connect(server.uri(), new QueueingListener());

            // then
            assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(ClientHandshakeException.class).hasMessageContaining("closed");
            server.awaitScript();
        }
    }

    @Test
    void shouldFailWithConnectExceptionWhenPortIsClosed() throws Exception {
        // given: a port that was just free
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }

        // when
        CompletableFuture<ClientConnection> future =
                client.connect(URI.create("ws://127.0.0.1:" + port + "/"), new QueueingListener());

        // then
        assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(ConnectException.class);
    }

    @Test
    void shouldTimeOutWhenTcpConnectHangs() throws Exception {
        // given: a listener that never accepts, its accept queue filled so further SYNs are dropped
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            fillQueue(full, fillers);
            ConnectConfig config = ConnectConfig.builder().connectTimeoutMs(300).build();

            // when
            CompletableFuture<ClientConnection> future = client.connect(
                    URI.create("ws://127.0.0.1:" + full.getLocalPort() + "/"), config, new QueueingListener());

            // then
            assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(TimeoutException.class).hasMessageContaining("connect to");
        } finally {
            for (Socket filler : fillers) {
                filler.close();
            }
        }
    }

    @Test
    void shouldRejectUriThatIsNotWebSocket() {
        assertThatThrownBy(() -> client.connect(URI.create("http://example.com/"), new QueueingListener()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http");
        assertThatThrownBy(() -> client.connect(URI.create("ftp://example.com/"), new QueueingListener()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp");
    }

    private static void fillQueue(ServerSocket full, List<Socket> fillers) {
        for (int i = 0; i < 8; i++) {
            Socket socket = new Socket();
            fillers.add(socket);
            try {
                socket.connect(full.getLocalSocketAddress(), 200);
            } catch (java.io.IOException e) {
                return;
            }
        }
    }
}
