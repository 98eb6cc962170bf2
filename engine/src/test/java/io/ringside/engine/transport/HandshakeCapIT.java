package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Handshakes in progress have a cap of their own, apart from the connection limit. */
@Timeout(60)
class HandshakeCapIT {
    private static final byte[] PARTIAL_HEAD = "GET / HTTP/1.1\r\nHost: lo".getBytes(StandardCharsets.US_ASCII);

    private WebSocketServer server;
    private final List<Socket> stalled = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Socket socket : stalled) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void stall(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket("127.0.0.1", server.port());
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(PARTIAL_HEAD);
            stalled.add(socket);
        }
    }

    @Test
    void shouldLetNewPlayersInWhenStalledHandshakesFillTheCap() throws Exception {
        // given: 200 stalled handshakes against a cap of 50
        server = WebSocketServer.builder().port(0).ioLoops(2).heartbeatIntervalMs(0).endpoint("/", new EchoHandler())
                .maxHandshakes(50).handshakeTimeoutMs(30_000).build().start();
        stall(200);

        // when: new players arrive
        for (int i = 0; i < 20; i++) {
            try (RawClient player = RawClient.upgrade(server.port(), "/")) {
                player.sendText("player " + i);

                // then: each gets in and is served
                assertThat(player.readFrame().text()).isEqualTo("player " + i);
            }
        }
        awaitHandshakesAtMost(51);
        String evicted = new String(stalled.get(0).getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(evicted).startsWith("HTTP/1.1 503");
    }

    @Test
    void shouldNotCountHandshakesInProgressTowardMaxConnections() throws Exception {
        // given: room for two connections, and ten stalled handshakes
        server = WebSocketServer.builder().port(0).ioLoops(2).heartbeatIntervalMs(0).endpoint("/", new EchoHandler())
                .maxConnections(2).build().start();
        stall(10);
        awaitHandshakesAtLeast(10);

        // when
        try (RawClient first = RawClient.upgrade(server.port(), "/");
             RawClient second = RawClient.upgrade(server.port(), "/");
             RawClient third = RawClient.connect(server.port())) {
            String refused = third.request(RawClient.upgradeRequest("/", ""));

            // then: two upgrades in, the third over the connection limit
            assertThat(server.connectionCount()).isEqualTo(2);
            assertThat(refused).startsWith("HTTP/1.1 503");
            first.sendText("in");
            assertThat(first.readFrame().text()).isEqualTo("in");
            second.sendText("in too");
            assertThat(second.readFrame().text()).isEqualTo("in too");
        }
    }

    private void awaitHandshakesAtMost(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.handshakesInProgress() > count) {
            assertThat(System.nanoTime() - deadline).as("handshakes %d", server.handshakesInProgress()).isNegative();
            Thread.sleep(5);
        }
    }

    private void awaitHandshakesAtLeast(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.handshakesInProgress() < count) {
            assertThat(System.nanoTime() - deadline).as("handshakes %d", server.handshakesInProgress()).isNegative();
            Thread.sleep(5);
        }
    }
}
