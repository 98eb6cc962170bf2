package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every connection limit, against real sockets: a slow or hostile client costs only itself. */
@Timeout(60)
class LimitsIT {
    private WebSocketServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static WebSocketServer.Builder echo() {
        return WebSocketServer.builder().port(0).ioLoops(2).heartbeatIntervalMs(0).endpoint("/", new EchoHandler());
    }

    @Test
    @Tag("slow")
    void shouldDropStalledHandshakesWithoutDelayingOthers() throws Exception {
        // given
        server = echo().handshakeTimeoutMs(1000).build().start();
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Socket socket = new Socket("127.0.0.1", server.port());
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: lo".getBytes(StandardCharsets.US_ASCII));
            stalled.add(socket);
        }

        // when
        try (RawClient client = RawClient.upgrade(server.port(), "/")) {
            for (int i = 0; i < 50; i++) {
                client.sendText("echo " + i);
                assertThat(client.readFrame().text()).isEqualTo("echo " + i);
            }
        }

        // then
        for (Socket socket : stalled) {
            try (socket) {
                byte[] answer = socket.getInputStream().readAllBytes();
                assertThat(new String(answer, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 408");
            }
        }
    }

    @Test
    void shouldCloseWith1001WhenPeerMissesHeartbeatPongs() throws Exception {
        // given
        server = echo().heartbeatIntervalMs(200).heartbeatTimeoutMs(200).closeTimeoutMs(500).build().start();

        try (RawClient silent = RawClient.upgrade(server.port(), "/")) {
            // when: the client reads the ping and never answers
            RawClient.Frame ping = silent.readFrame();

            // then
            assertThat(ping.opcode()).isEqualTo(0x9);
            assertThat(silent.readCloseCode()).isEqualTo(1001);
            assertThat(silent.awaitEof()).isTrue();
        }
    }

    @Test
    void shouldKeepConnectionWhenPeerAnswersHeartbeatPings() throws Exception {
        // given
        server = echo().heartbeatIntervalMs(100).heartbeatTimeoutMs(200).build().start();

        try (RawClient client = RawClient.upgrade(server.port(), "/")) {
            // when: three heartbeat rounds, each answered
            for (int i = 0; i < 3; i++) {
                RawClient.Frame ping = client.readFrame();
                assertThat(ping.opcode()).isEqualTo(0x9);
                client.sendFrame(true, 0xA, ping.payload());
            }

            // then
            client.sendText("alive");
            RawClient.Frame frame = client.readFrame();
            while (frame.opcode() == 0x9) {
                frame = client.readFrame();
            }
            assertThat(frame.text()).isEqualTo("alive");
        }
    }

    @Test
    void shouldCloseWith1008AndStopQueueingWhenPeerDoesNotRead() throws Exception {
        // given
        long bound = 256 * 1024;
        BlockingQueue<Connection> opened = new LinkedBlockingQueue<>();
        server = WebSocketServer.builder().port(0).ioLoops(1).heartbeatIntervalMs(0).closeTimeoutMs(5000)
                .maxOutboundBacklogBytes(bound)
                .endpoint("/", new WebSocketHandler() {
                    @Override
                    public void onOpen(Connection connection, io.ringside.protocol.http.UpgradeRequest request) {
                        opened.add(connection);
                    }
                }).build().start();

        try (RawClient reader = RawClient.upgrade(server.port(), "/")) {
            Connection connection = opened.poll(10, TimeUnit.SECONDS);
            ByteBuffer chunk = ByteBuffer.allocate(16 * 1024);

            // when: another thread floods a client that reads nothing
            long accepted = 0;
            while (connection.sendBinary(chunk, 0, chunk.capacity())) {
                accepted += chunk.capacity();
                assertThat(accepted).as("bytes accepted for a client that never reads").isLessThan(64L << 20);
            }

            // then: what was accepted fits the bound plus the kernel's socket buffers, and the peer gets 1008
            assertThat(reader.readCloseCode()).isEqualTo(1008);
            assertThat(connection.isOpen()).isFalse();
            assertThat(connection.sendBinary(chunk, 0, 1)).isFalse();
        }
    }

    @Test
    void shouldCloseWith1008WhenBacklogGrowsBecausePeerDoesNotRead() throws Exception {
        // given: every "more" is answered with 64 KiB from the loop thread
        long bound = 512 * 1024;
        server = WebSocketServer.builder().port(0).ioLoops(1).heartbeatIntervalMs(0).maxOutboundBacklogBytes(bound)
                .endpoint("/", new WebSocketHandler() {
                    private final ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);

                    @Override
                    public void onText(Connection connection, ByteBuffer buffer, int offset, int length) {
                        connection.sendBinary(chunk, 0, chunk.capacity());
                    }
                }).build().start();

        try (RawClient client = RawClient.upgrade(server.port(), "/")) {
            // when: the client asks for 64 MiB and reads nothing
            try {
                for (int i = 0; i < 1024; i++) {
                    client.sendText("more");
                }
            } catch (java.io.IOException expected) {
                // the server may already have given up on us
            }

            // then
            long received = 0;
            RawClient.Frame frame = client.readFrame();
            while (frame.opcode() != 0x8) {
                received += frame.payload().length;
                frame = client.readFrame();
            }
            assertThat(frame.closeCode()).isEqualTo(1008);
            assertThat(received).as("bytes delivered before the close").isLessThan(32L << 20);
        }
    }

    @Test
    void shouldRefuseWith503WhenAtMaxConnections() throws Exception {
        // given
        server = echo().maxConnections(2).build().start();
        RawClient first = RawClient.upgrade(server.port(), "/");
        try (RawClient second = RawClient.upgrade(server.port(), "/")) {
            // when
            String refused;
            try (RawClient third = RawClient.connect(server.port())) {
                refused = third.request(RawClient.upgradeRequest("/", ""));
            }

            // then
            assertThat(refused).startsWith("HTTP/1.1 503");
            second.sendText("unaffected");
            assertThat(second.readFrame().text()).isEqualTo("unaffected");
            first.sendClose(1000, new byte[0]);
            assertThat(first.readCloseCode()).isEqualTo(1000);
            first.close();
            while (server.connectionCount() >= 2) {
                Thread.sleep(10);
            }
            try (RawClient again = RawClient.upgrade(server.port(), "/")) {
                again.sendText("room again");
                assertThat(again.readFrame().text()).isEqualTo("room again");
            }
        }
    }

    @Test
    void shouldSend1001AndReturnAfterTimeoutWhenPeerNeverAnswersShutdown() throws Exception {
        // given
        server = echo().shutdownTimeoutMs(500).build().start();
        try (RawClient deaf = RawClient.upgrade(server.port(), "/")) {
            // when
            server.close();

            // then
            assertThat(deaf.readCloseCode()).isEqualTo(1001);
            assertThat(deaf.awaitEof()).isTrue();
            assertThat(server.connectionCount()).isZero();
        }
    }

    @Test
    void shouldAnswerShutdownCloseAndEndWhenPeerReplies() throws Exception {
        // given
        server = echo().shutdownTimeoutMs(10_000).build().start();
        try (RawClient polite = RawClient.upgrade(server.port(), "/")) {
            Thread closer = new Thread(server::close);

            // when
            closer.start();
            assertThat(polite.readCloseCode()).isEqualTo(1001);
            polite.sendClose(1001, new byte[0]);

            // then: close() returns long before the 10 s shutdown timeout
            closer.join(5000);
            assertThat(closer.isAlive()).isFalse();
        }
    }
}
