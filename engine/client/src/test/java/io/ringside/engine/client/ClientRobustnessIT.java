package io.ringside.engine.client;

import static io.ringside.engine.client.Events.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringside.engine.client.QueueingListener.Event;
import io.ringside.engine.client.QueueingListener.Kind;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client under stress and misuse against Java-WebSocket: shared senders, small buffers, shutdown. */
@Timeout(30)
class ClientRobustnessIT {
    private static EchoServer server;
    private static WebSocketClient client;

    @BeforeAll
    static void start() throws InterruptedException {
        server = EchoServer.startEcho();
        client = WebSocketClient.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        client.close();
        server.shutdown();
    }

    @Test
    void shouldReassembleLargeMessagesWhenReadBufferIsSmall() throws Exception {
        // given: a 1 KiB read buffer, so every large frame spans many reads
        QueueingListener listener = new QueueingListener();
        byte[] payload = new byte[200_000];
        new Random(7).nextBytes(payload);
        ClientConfig small = ClientConfig.builder().readBufferBytes(1024).build();
        try (WebSocketClient smallClient = WebSocketClient.start(small)) {
            ClientConnection connection = smallClient.connect(server.uri("/small"), listener).get(10, TimeUnit.SECONDS);
            expect(listener, Kind.OPEN);

            // when
            connection.sendBinary(ByteBuffer.wrap(payload));
            connection.sendText("after");

            // then
            assertThat(expect(listener, Kind.BINARY).data()).isEqualTo(payload);
            assertThat(expect(listener, Kind.TEXT).text()).isEqualTo("after");
            closeCleanly(connection, listener);
        }
    }

    @Test
    void shouldDeliverEverySendInOrderPerThreadWhenManyThreadsShareAConnection() throws Exception {
        // given
        int threads = 4;
        int perThread = 500;
        QueueingListener listener = new QueueingListener();
        ClientConnection connection = open(listener);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            senders.add(new Thread(() -> {
                awaitQuietly(go);
                for (int i = 0; i < perThread; i++) {
                    while (!connection.sendText(id + ":" + i)) {
                        Thread.onSpinWait();
                    }
                }
            }));
        }
        senders.forEach(Thread::start);

        // when
        go.countDown();

        // then
        int[] next = new int[threads];
        for (int n = 0; n < threads * perThread; n++) {
            String[] parts = expect(listener, Kind.TEXT).text().split(":");
            int id = Integer.parseInt(parts[0]);
            assertThat(Integer.parseInt(parts[1])).as("order of thread %d", id).isEqualTo(next[id]++);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        closeCleanly(connection, listener);
    }

    @Test
    void shouldDropConnectionsAndRefuseConnectsWhenClientCloses() throws Exception {
        // given
        QueueingListener listener = new QueueingListener();
        WebSocketClient own = WebSocketClient.start();
        ClientConnection connection = own.connect(server.uri("/own"), listener).get(10, TimeUnit.SECONDS);
        expect(listener, Kind.OPEN);

        // when
        own.close();

        // then
        expect(listener, Kind.ERROR);
        assertThat(expect(listener, Kind.CLOSE).code()).isEqualTo(1006);
        assertThat(connection.state()).isEqualTo(ConnectionState.CLOSED);
        assertThatThrownBy(() -> own.connect(server.uri("/own"), listener)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRejectPingPayloadOverControlFrameLimit() throws Exception {
        // given
        QueueingListener listener = new QueueingListener();
        ClientConnection connection = open(listener);

        // when / then
        assertThatThrownBy(() -> connection.ping(ByteBuffer.allocate(126)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("126");
        closeCleanly(connection, listener);
    }

    @Test
    void shouldReportListenerExceptionAndKeepConnectionWhenListenerThrows() throws Exception {
        // given: a listener that throws on its first text message
        QueueingListener events = new QueueingListener();
        ClientListener throwing = new ClientListener() {
            private boolean thrown;

            @Override
            public void onText(ClientConnection connection, ByteBuffer buffer, int offset, int length) {
                if (!thrown) {
                    thrown = true;
                    throw new IllegalStateException("listener bug");
                }
                events.onText(connection, buffer, offset, length);
            }

            @Override
            public void onError(ClientConnection connection, Throwable error) {
                events.onError(connection, error);
            }
        };
        ClientConnection connection = client.connect(server.uri("/throwing"), throwing).get(10, TimeUnit.SECONDS);

        // when
        connection.sendText("first");
        connection.sendText("second");

        // then
        assertThat(expect(events, Kind.ERROR).error()).hasMessage("listener bug");
        assertThat(expect(events, Kind.TEXT).text()).isEqualTo("second");
        assertThat(connection.state()).isEqualTo(ConnectionState.OPEN);
        connection.close();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ClientConnection open(QueueingListener listener) throws Exception {
        ClientConnection connection = client.connect(server.uri("/echo"), listener).get(10, TimeUnit.SECONDS);
        expect(listener, Kind.OPEN);
        return connection;
    }

    private static void closeCleanly(ClientConnection connection, QueueingListener listener) throws Exception {
        connection.close();
        Event close = expect(listener, Kind.CLOSE);
        assertThat(close.code()).isEqualTo(1000);
        assertThat(listener.events()).isEmpty();
    }
}
