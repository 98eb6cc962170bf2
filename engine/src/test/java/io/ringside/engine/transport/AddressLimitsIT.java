package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One remote address is limited in connections, handshakes in progress and bytes held. */
@Timeout(60)
class AddressLimitsIT {
    private static final byte[] PARTIAL_HEAD = "GET / HTTP/1.1\r\nHost: lo".getBytes(StandardCharsets.US_ASCII);
    private static final int BINARY = 0x2;
    private static final int CONTINUATION = 0x0;
    private static final int PING = 0x9;
    private static final int CLOSE = 0x8;

    private WebSocketServer server;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable socket : open) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private WebSocketServer.Builder limited() {
        return WebSocketServer.builder().port(0).ioLoops(2).heartbeatIntervalMs(0).endpoint("/", new EchoHandler())
                .handshakeTimeoutMs(30_000).addressLimitsOnLoopback(true);
    }

    @Test
    void shouldRefuseAnAddressItsHandshakesOverItsShare() throws Exception {
        // given: an address with 5 stalled handshakes, its cap
        server = limited().maxHandshakesPerAddress(5).build().start();
        for (int i = 0; i < 5; i++) {
            Socket socket = new Socket("127.0.0.1", server.port());
            socket.getOutputStream().write(PARTIAL_HEAD);
            open.add(socket);
        }
        awaitHandshakes(5);

        // when: a sixth socket from the same address
        try (RawClient sixth = RawClient.connect(server.port())) {
            String answer = new String(sixth.readAll(), StandardCharsets.US_ASCII);

            // then: 503 naming the reason, and the five stalled ones are left alone
            assertThat(answer).startsWith("HTTP/1.1 503").contains("too many handshakes from this address");
        }
        assertThat(server.handshakesInProgress()).isEqualTo(5);
        assertThat(server.metrics().refusedByReason()).containsEntry("address_limit", 1L);

        // and when one stalled socket goes, the address may start a handshake again
        open.remove(0).close();
        awaitHandshakes(4);
        try (RawClient player = RawClient.upgrade(server.port(), "/")) {
            player.sendText("in");
            assertThat(player.readFrame().text()).isEqualTo("in");
        }
    }

    @Test
    void shouldRefuseAnAddressItsConnectionsOverItsShare() throws Exception {
        // given: an address with 3 connections, its cap
        server = limited().maxConnectionsPerAddress(3).build().start();
        for (int i = 0; i < 3; i++) {
            open.add(RawClient.upgrade(server.port(), "/"));
        }

        // when
        try (RawClient fourth = RawClient.connect(server.port())) {
            String refused = fourth.request(RawClient.upgradeRequest("/", ""));

            // then
            assertThat(refused).startsWith("HTTP/1.1 503");
            assertThat(new String(fourth.readAll(), StandardCharsets.US_ASCII))
                    .contains("too many connections from this address");
        }
        assertThat(server.connectionCount()).isEqualTo(3);

        // and when one closes, another gets in
        open.remove(0).close();
        awaitConnections(2);
        try (RawClient again = RawClient.upgrade(server.port(), "/")) {
            again.sendText("again");
            assertThat(again.readFrame().text()).isEqualTo("again");
        }
    }

    @Test
    void shouldCloseTheConnectionThatTakesItsAddressOverItsBytes() throws Exception {
        // given: an address may hold 1 MiB; one connection holds 300 KiB of a fragmented message
        server = limited().maxBytesPerAddress(1 << 20).decoder(d -> d.maxMessageBytes(4 << 20)
                .maxFramePayloadBytes(4 << 20)).build().start();
        RawClient first = RawClient.upgrade(server.port(), "/");
        open.add(first);
        byte[] part = new byte[300 * 1024];
        Arrays.fill(part, (byte) 7);
        first.sendFrame(false, BINARY, part);
        first.sendFrame(true, PING, new byte[] {1});
        assertThat(first.readFrame().opcode()).as("pong: the fragment was read").isEqualTo(0xA);

        // when: a second connection from the same address sends 900 KiB of another
        RawClient second = RawClient.upgrade(server.port(), "/");
        open.add(second);
        try {
            second.sendFrame(false, BINARY, new byte[900 * 1024]);
        } catch (java.io.IOException e) {
            // the server may close before it took everything
        }

        // then: the second is closed with 1008 and the reason, the first goes on
        RawClient.Frame close = second.readFrame();
        while (close.opcode() != CLOSE) {
            close = second.readFrame();
        }
        assertThat(close.closeCode()).isEqualTo(1008);
        assertThat(new String(close.payload(), 2, close.payload().length - 2, StandardCharsets.UTF_8))
                .isEqualTo("address holds too much");
        first.sendFrame(true, CONTINUATION, new byte[] {8});
        RawClient.Frame echo = first.readFrame();
        assertThat(echo.opcode()).isEqualTo(BINARY);
        assertThat(echo.payload()).hasSize(part.length + 1);
    }

    @Test
    void shouldNotLimitLoopbackByDefault() throws Exception {
        // given: the per-address caps left to apply to remote addresses only
        server = WebSocketServer.builder().port(0).ioLoops(1).heartbeatIntervalMs(0).endpoint("/", new EchoHandler())
                .maxConnectionsPerAddress(2).build().start();

        // when: five connections from loopback
        for (int i = 0; i < 5; i++) {
            open.add(RawClient.upgrade(server.port(), "/"));
        }

        // then
        assertThat(server.connectionCount()).isEqualTo(5);
        assertThat(server.limitedAddresses()).isZero();
    }

    private void awaitHandshakes(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.handshakesInProgress() != count) {
            assertThat(System.nanoTime() - deadline).as("handshakes %d", server.handshakesInProgress()).isNegative();
            Thread.sleep(5);
        }
    }

    private void awaitConnections(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.connectionCount() != count) {
            assertThat(System.nanoTime() - deadline).as("connections %d", server.connectionCount()).isNegative();
            Thread.sleep(5);
        }
    }
}
