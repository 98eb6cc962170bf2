package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a stalled handshake costs the server's heap: N sockets send part of a request head and
 * stall against a server in a JVM of its own (serial GC, so heap used after a full GC is exact
 * enough); the heap used after a full GC, before and after, divided by N. Prints the figure.
 */
@Tag("slow")
@Timeout(180)
class StalledHandshakeHeapIT {
    private static final int SOCKETS = 2_000;
    private static final long MAX_BYTES_PER_HANDSHAKE = 2 * 1024;

    private ForkedServer server;
    private int port;
    private final List<Socket> stalled = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = ForkedServer.start(HandshakeHeapServerMain.class, "-XX:+UseSerialGC");
        port = server.port();
    }

    @AfterEach
    void stopServer() throws Exception {
        for (Socket socket : stalled) {
            socket.close();
        }
        server.stop();
    }

    @ParameterizedTest
    @ValueSource(ints = {24, 400})
    void shouldHoldAtMost2KibPerStalledHandshake(int headBytes) throws Exception {
        // given: a server with no handshake in progress, warmed by one complete upgrade
        try (RawClient warm = RawClient.upgrade(port, "/")) {
            warm.sendText("warm");
            warm.readFrame();
        }
        long[] before = heapWhen(0);

        // when: SOCKETS sockets each send the first headBytes bytes of a request head and stall
        byte[] partial = partialHead(headBytes);
        for (int i = 0; i < SOCKETS; i++) {
            Socket socket = new Socket("127.0.0.1", port);
            socket.getOutputStream().write(partial);
            stalled.add(socket);
        }
        long[] after = heapWhen(SOCKETS);

        // then
        long perHandshake = (after[1] - before[1]) / SOCKETS;
        System.out.printf("stalled handshakes: %d sockets, %d-byte partial head, %d bytes of heap each%n",
                SOCKETS, headBytes, perHandshake);
        assertThat(perHandshake).isLessThanOrEqualTo(MAX_BYTES_PER_HANDSHAKE);
    }

    private static byte[] partialHead(int bytes) {
        StringBuilder head = new StringBuilder("GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: ");
        while (head.length() < bytes) {
            head.append('x');
        }
        return head.substring(0, bytes).getBytes(StandardCharsets.US_ASCII);
    }

    /** The server's {@code heap} answer once it has {@code handshakes} in progress. */
    private long[] heapWhen(int handshakes) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            String line = server.ask("heap", "heap ");
            String[] words = line.split(" ");
            long[] heap = {Long.parseLong(words[1]), Long.parseLong(words[2])};
            if (heap[0] == handshakes) {
                return heap;
            }
            assertThat(System.nanoTime() - deadline).as("handshakes in progress %d", heap[0]).isNegative();
            Thread.sleep(50);
        }
    }
}
