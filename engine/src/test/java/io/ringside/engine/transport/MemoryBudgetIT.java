package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.protocol.websocket.CloseCode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The attacks that used to exhaust the heap, against an echo server with the echo example's 16 MiB
 * message limit in a JVM of its own under {@code -Xmx256m} ({@link BudgetServerMain}): many
 * connections each parking half of a 1 MiB frame, or most of a 16 MiB one, and clients that send
 * large messages and never read the echoes. Per connection each
 * stays within its limits; together they are far over the heap. The server must stay up, shed the
 * attackers with 1013, and keep echoing for a good client throughout.
 */
@Tag("slow")
@Timeout(120)
class MemoryBudgetIT {
    private static final int HALF_MIB = 512 * 1024;
    private static final byte[] ZEROS = new byte[64 * 1024];

    private ForkedServer server;
    private int port;
    private final List<Socket> attackers = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = ForkedServer.start(BudgetServerMain.class, "-XX:+UseG1GC");
        port = server.port();
    }

    @AfterEach
    void stopServer() throws Exception {
        for (Socket socket : attackers) {
            socket.close();
        }
        server.stop();
    }

    @Test
    void shouldShedConnectionsParkingHalfOfA1MibFrameAndKeepEchoing() throws Exception {
        // given: a good client echoing all along
        try (GoodClient good = new GoodClient(port)) {
            // when: 600 connections each send half of a 1 MiB frame and stall
            int refused = 0;
            for (int i = 0; i < 600 && server.isAlive(); i++) {
                try {
                    OutputStream out = upgradedAttacker(0);
                    // FIN + binary, masked, 64-bit length 1 MiB, key 0
                    out.write(new byte[] {(byte) 0x82, (byte) 0xFF, 0, 0, 0, 0, 0, 0x10, 0, 0, 0, 0, 0, 0});
                    writeZeros(out, HALF_MIB);
                } catch (IOException e) {
                    refused++; // shed or refused while still sending: what the server should do
                }
            }

            // then: up, still echoing, and the attackers were shed with 1013
            assertThat(server.isAlive()).as("server process alive").isTrue();
            good.assertEchoedThroughout();
            long[] stats = statsOnceShedAndWithinBudget();
            assertThat(stats[1]).as("connections shed").isGreaterThan(0);
            assertThat(stats[2]).as("budget in use").isLessThanOrEqualTo(stats[3]);
            int closedWith1013 = 0;
            for (Socket socket : attackers) {
                closedWith1013 += closedWith(socket, CloseCode.TRY_AGAIN_LATER) ? 1 : 0;
            }
            assertThat(closedWith1013 + refused).as("attackers told 1013 or cut off while sending").isGreaterThan(0);
        }
    }

    @Test
    void shouldShedConnectionsParkingMostOfA16MibFrameAndKeepEchoing() throws Exception {
        // given: a good client echoing all along
        try (GoodClient good = new GoodClient(port)) {
            // when: 40 connections each send 12 MiB of a 16 MiB frame and stall: 480 MiB together,
            // each within the message limit, against a 256 MiB heap
            int refused = 0;
            byte[] header = {(byte) 0x82, (byte) 0xFF, 0, 0, 0, 0, 0x01, 0, 0, 0, 0, 0, 0, 0};
            for (int i = 0; i < 40 && server.isAlive(); i++) {
                try {
                    OutputStream out = upgradedAttacker(0);
                    out.write(header);
                    writeZeros(out, 12 << 20);
                } catch (IOException e) {
                    refused++; // shed while still sending
                }
            }

            // then: up, still echoing, and the attackers were shed
            assertThat(server.isAlive()).as("server process alive").isTrue();
            good.assertEchoedThroughout();
            long[] stats = statsOnceShedAndWithinBudget();
            assertThat(stats[1]).as("connections shed").isGreaterThan(0);
            assertThat(stats[2]).as("budget in use").isLessThanOrEqualTo(stats[3]);
        }
    }

    @Test
    void shouldShedClientsThatNeverReadTheirEchoesAndKeepEchoing() throws Exception {
        // given: a good client echoing all along
        try (GoodClient good = new GoodClient(port)) {
            // when: 100 clients with tiny receive buffers each send three 1 MiB messages and never read.
            // Three echoes stay under the 4 MiB backlog limit, so each connection keeps its backlog
            // however fast the server reads: 300 MiB together against a 64 MiB budget.
            int refused = 0;
            byte[] header = {(byte) 0x82, (byte) 0xFF, 0, 0, 0, 0, 0, 0x10, 0, 0, 0, 0, 0, 0};
            for (int i = 0; i < 100 && server.isAlive(); i++) {
                try {
                    OutputStream out = upgradedAttacker(4096);
                    for (int message = 0; message < 3; message++) {
                        out.write(header);
                        writeZeros(out, 2 * HALF_MIB);
                    }
                } catch (IOException e) {
                    refused++;
                }
            }

            // then
            assertThat(server.isAlive()).as("server process alive").isTrue();
            good.assertEchoedThroughout();
            long[] stats = statsOnceShedAndWithinBudget();
            assertThat(stats[1] + refused).as("connections shed").isGreaterThan(0);
            assertThat(stats[2]).as("budget in use").isLessThanOrEqualTo(stats[3]);
        }
    }

    /**
     * A socket that sent the upgrade request (its 101 is left unread), with a receive buffer of
     * {@code receiveBufferBytes} (0: the default); closed after the test.
     */
    private OutputStream upgradedAttacker(int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        attackers.add(socket);
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        OutputStream out = socket.getOutputStream();
        out.write(RawClient.upgradeRequest("/", "").getBytes(StandardCharsets.ISO_8859_1));
        return out;
    }

    private static void writeZeros(OutputStream out, int bytes) throws IOException {
        for (int sent = 0; sent < bytes; sent += ZEROS.length) {
            out.write(ZEROS);
        }
    }

    /** Whether {@code socket} received (after the 101 and any echoes) a close frame with {@code code}. */
    private static boolean closedWith(Socket socket, int code) {
        try {
            socket.setSoTimeout(200);
            java.io.InputStream in = socket.getInputStream();
            if (in.available() == 0) {
                return false;
            }
            byte[] all = in.readNBytes(in.available());
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int body = text.indexOf("\r\n\r\n");
            if (body < 0 || !text.startsWith("HTTP/1.1 101")) {
                return false;
            }
            int p = body + 4;
            return all.length >= p + 4 && (all[p] & 0x0F) == 0x8
                    && ((all[p + 2] & 0xFF) << 8 | (all[p + 3] & 0xFF)) == code;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * {@link #stats()} once the server has shed someone and the budget in use is back within the
     * budget, or the last figures after 30 s.
     * The attackers' bytes may still sit in the kernel's socket buffers when their writes return, so
     * the server may read them, and shed, well after the attack loop ends; and a read may overdraw
     * the budget until the end of its loop's cycle, which sheds.
     */
    private long[] statsOnceShedAndWithinBudget() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long[] stats = stats();
        while ((stats[1] == 0 || stats[2] > stats[3]) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            stats = stats();
        }
        return stats;
    }

    /** Connections, connections shed, budget bytes in use, budget bytes. */
    private long[] stats() throws IOException {
        String line = server.ask("stats", "stats ");
        String[] words = line.split(" ");
        System.out.println("server: " + line);
        return new long[] {Long.parseLong(words[1]), Long.parseLong(words[2]), Long.parseLong(words[3]),
                Long.parseLong(words[4])};
    }

    /** Echoes a small message in a loop on its own thread; remembers the first failure. */
    private static final class GoodClient implements AutoCloseable {
        private final RawClient client;
        private final AtomicInteger echoes = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        GoodClient(int port) throws IOException {
            client = RawClient.upgrade(port, "/");
            thread = new Thread(this::run, "good-client");
            thread.start();
        }

        private void run() {
            try {
                while (running.get()) {
                    client.sendText("ping");
                    RawClient.Frame frame = client.readFrame();
                    if (frame.opcode() != 0x1) {
                        throw new IOException("got opcode " + frame.opcode() + " instead of the echo");
                    }
                    echoes.incrementAndGet();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }

        void assertEchoedThroughout() throws InterruptedException {
            int before = echoes.get();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (echoes.get() < before + 10 && failure.get() == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(failure.get()).as("good client failure").isNull();
            assertThat(echoes.get()).as("echoes after the attack").isGreaterThanOrEqualTo(before + 10);
        }

        @Override
        public void close() throws IOException {
            running.set(false);
            client.close();
        }
    }
}
