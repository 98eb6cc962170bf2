package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.protocol.websocket.CloseCode;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The memory budget in one process with a small budget: who is shed, and when new connections are refused. */
@Timeout(60)
class MemoryBudgetSheddingIT {
    private static final int MIB = 1 << 20;

    private WebSocketServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldShedTheConnectionHoldingTheMostWith1013AndKeepServingOthers() throws Exception {
        // given: a 2 MiB budget, 4 MiB messages allowed, and a good client
        server = WebSocketServer.builder().port(0).ioLoops(2).heartbeatIntervalMs(0).endpoint("/", new EchoHandler())
                .decoder(d -> d.maxFramePayloadBytes(4 * MIB).maxMessageBytes(4 * MIB))
                .memoryBudgetBytes(2 * MIB).build().start();
        try (RawClient good = RawClient.upgrade(server.port(), "/");
             RawClient hog = RawClient.upgrade(server.port(), "/")) {
            good.sendText("before");
            assertThat(good.readFrame().text()).isEqualTo("before");

            // when: one client sends 3 MiB of a 4 MiB frame
            byte[] frame = hog.frame(true, 0, 0x2, new byte[4 * MIB]);
            hog.send(java.util.Arrays.copyOf(frame, 3 * MIB));

            // then: it is closed with 1013, the other is served, and the budget is back
            assertThat(hog.readCloseCode()).isEqualTo(CloseCode.TRY_AGAIN_LATER);
            assertThat(server.shedConnections()).isEqualTo(1);
            good.sendText("after");
            assertThat(good.readFrame().text()).isEqualTo("after");
            awaitBudgetUsedBelow(MIB);
        }
    }

    @Test
    void shouldRefuseNewConnectionsWith503WhileTheBudgetIsExhaustedAndAcceptThemAgainAfter() throws Exception {
        // given: a 1 MiB budget, filled by 120 stalled handshakes (too small each to be worth shedding)
        // whose partial heads, over the 1 KiB a head may park in, each keep a request parser
        server = WebSocketServer.builder().port(0).ioLoops(2).heartbeatIntervalMs(0).endpoint("/", new EchoHandler())
                .memoryBudgetBytes(MIB).build().start();
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 120; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: lo\r\nX-Pad: " + "x".repeat(1_100))
                        .getBytes(StandardCharsets.US_ASCII));
                stalled.add(socket);
            }
            awaitBudgetUsedAbove(MIB - MIB / 16);

            // when
            String refused;
            try (RawClient late = RawClient.connect(server.port())) {
                refused = late.request(RawClient.upgradeRequest("/", ""));
            }

            // then
            assertThat(refused).startsWith("HTTP/1.1 503");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        awaitBudgetUsedBelow(MIB / 2);
        try (RawClient again = RawClient.upgrade(server.port(), "/")) {
            again.sendText("welcome back");
            assertThat(again.readFrame().text()).isEqualTo("welcome back");
        }
    }

    private void awaitBudgetUsedBelow(long bytes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.memoryBudgetUsedBytes() >= bytes) {
            assertThat(System.nanoTime() - deadline).as("budget in use %d", server.memoryBudgetUsedBytes())
                    .isNegative();
            Thread.sleep(5);
        }
    }

    private void awaitBudgetUsedAbove(long bytes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.memoryBudgetUsedBytes() <= bytes) {
            assertThat(System.nanoTime() - deadline).as("budget in use %d", server.memoryBudgetUsedBytes())
                    .isNegative();
            Thread.sleep(5);
        }
    }
}
