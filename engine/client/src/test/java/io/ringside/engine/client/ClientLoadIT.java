package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Thousands of connections on two I/O threads, all echoing at once. */
@Tag("slow")
@Timeout(300)
class ClientLoadIT {
    private static final int WANTED_CONNECTIONS = 2_000;
    private static final int MESSAGES_PER_CONNECTION = 5;

    @Test
    void shouldEchoOnEveryConnectionWhenTwoThousandRunOnTwoThreads() throws Exception {
        // given: client and server sockets live in this JVM, so stay well inside the open-file limit
        int connections = (int) Math.min(WANTED_CONNECTIONS, (openFileLimit() - 512) / 2);
        assertThat(connections).as("connections within the open-file limit").isGreaterThanOrEqualTo(500);
        EchoServer server = EchoServer.startEcho();
        CountDownLatch echoed = new CountDownLatch(connections);
        CountDownLatch closed = new CountDownLatch(connections);
        AtomicInteger wrong = new AtomicInteger();
        ClientListener listener = new CountingListener(echoed, closed, wrong);
        // the test is about carrying the connections, not about how fast one server thread answers
        // 2,000 upgrades at once on a busy machine: deadlines far above the defaults (a run that takes
        // 4.5 s on a quiet box took 34 s at load average 5-7), for the echoes and the closes too
        ConnectConfig patient = ConnectConfig.builder()
                .connectTimeoutMs(60_000).handshakeTimeoutMs(60_000).closeTimeoutMs(30_000).build();
        try (WebSocketClient client = WebSocketClient.start(ClientConfig.builder().ioThreads(2).build())) {
            List<CompletableFuture<ClientConnection>> opening = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                opening.add(client.connect(server.uri("/bot/" + i), patient, listener));
            }
            List<ClientConnection> open = new ArrayList<>();
            for (CompletableFuture<ClientConnection> future : opening) {
                open.add(future.get(90, TimeUnit.SECONDS));
            }

            // when
            for (ClientConnection connection : open) {
                for (int m = 0; m < MESSAGES_PER_CONNECTION; m++) {
                    assertThat(connection.sendText("msg-" + m)).isTrue();
                }
            }

            // then
            assertThat(echoed.await(90, TimeUnit.SECONDS)).as("all echoes back").isTrue();
            assertThat(wrong.get()).isZero();
            open.forEach(ClientConnection::close);
            assertThat(closed.await(90, TimeUnit.SECONDS)).as("all closed").isTrue();
        } finally {
            server.shutdown();
        }
    }

    private static long openFileLimit() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max open files")) {
                return Long.parseLong(line.substring("Max open files".length()).trim().split("\\s+")[0]);
            }
        }
        return 4096;
    }

    /** Counts each connection's echoes in order; one instance serves every connection (I/O threads only). */
    private static final class CountingListener implements ClientListener {
        private final CountDownLatch echoed;
        private final CountDownLatch closed;
        private final AtomicInteger wrong;
        private final Map<ClientConnection, Integer> received = new ConcurrentHashMap<>();

        CountingListener(CountDownLatch echoed, CountDownLatch closed, AtomicInteger wrong) {
            this.echoed = echoed;
            this.closed = closed;
            this.wrong = wrong;
        }

        @Override
        public void onText(ClientConnection connection, ByteBuffer buffer, int offset, int length) {
            int n = received.merge(connection, 1, Integer::sum) - 1;
            byte[] bytes = new byte[length];
            buffer.get(offset, bytes);
            if (!new String(bytes, StandardCharsets.UTF_8).equals("msg-" + n)) {
                wrong.incrementAndGet();
            }
            if (n + 1 == MESSAGES_PER_CONNECTION) {
                echoed.countDown();
            }
        }

        @Override
        public void onClose(ClientConnection connection, int code, String reason, boolean remote) {
            if (code != 1000) {
                wrong.incrementAndGet();
            }
            closed.countDown();
        }

        @Override
        public void onError(ClientConnection connection, Throwable error) {
            wrong.incrementAndGet();
        }
    }
}
