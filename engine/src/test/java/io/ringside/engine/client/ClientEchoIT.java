package io.ringside.engine.client;

import static io.ringside.engine.client.Events.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringside.engine.client.QueueingListener.Event;
import io.ringside.engine.client.QueueingListener.Kind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client against Java-WebSocket, an independent server: echo, subprotocols, ping/pong, close. */
@Timeout(30)
class ClientEchoIT {
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

    @ParameterizedTest
    @ValueSource(ints = {0, 125, 126, 65535, 65536, 1 << 20})
    void shouldEchoTextWhenSizeCrossesLengthEncodings(int size) throws Exception {
        // given
        QueueingListener listener = new QueueingListener();
        ClientConnection connection = open(listener);
        String text = "é".repeat(size / 4) + "x".repeat(size - size / 4 * 2);

        // when
        boolean sent = connection.sendText(text);

        // then
        assertThat(sent).isTrue();
        assertThat(expect(listener, Kind.TEXT).text()).isEqualTo(text);
        closeCleanly(connection, listener);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 125, 126, 65535, 65536, 1 << 20})
    void shouldEchoBinaryWhenSizeCrossesLengthEncodings(int size) throws Exception {
        // given
        QueueingListener listener = new QueueingListener();
        ClientConnection connection = open(listener);
        byte[] payload = new byte[size];
        new Random(size).nextBytes(payload);
        ByteBuffer buffer = ByteBuffer.wrap(payload);

        // when
        boolean sent = connection.sendBinary(buffer);

        // then
        assertThat(sent).isTrue();
        assertThat(buffer.position()).isZero();
        assertThat(expect(listener, Kind.BINARY).data()).isEqualTo(payload);
        closeCleanly(connection, listener);
    }

    @Test
    void shouldNegotiateTheServersSubprotocolAndSendExtraHeaders() throws Exception {
        // given
        ConnectConfig config = ConnectConfig.builder().subprotocol("mqtt").subprotocol("chat")
                .header("Origin", "http://game.example").header("X-Token", "t0k3n").build();
        QueueingListener listener = new QueueingListener();
        server.handshakes.clear();

        // when
        ClientConnection connection = client.connect(server.uri("/lobby?x=1"), config, listener)
                .get(10, TimeUnit.SECONDS);

        // then
        assertThat(connection.subprotocol()).isEqualTo("chat");
        assertThat(connection.state()).isEqualTo(ConnectionState.OPEN);
        expect(listener, Kind.OPEN);
        org.java_websocket.handshake.ClientHandshake seen = server.handshakes.poll(10, TimeUnit.SECONDS);
        assertThat(seen.getResourceDescriptor()).isEqualTo("/lobby?x=1");
        assertThat(seen.getFieldValue("Origin")).isEqualTo("http://game.example");
        assertThat(seen.getFieldValue("X-Token")).isEqualTo("t0k3n");
        closeCleanly(connection, listener);
    }

    @Test
    void shouldOpenWithoutSubprotocolWhenNoneOffered() throws Exception {
        // given
        QueueingListener listener = new QueueingListener();

        // when
        ClientConnection connection = open(listener);

        // then
        assertThat(connection.subprotocol()).isEmpty();
        closeCleanly(connection, listener);
    }

    @Test
    void shouldReceivePongWithPingPayload() throws Exception {
        // given
        QueueingListener listener = new QueueingListener();
        ClientConnection connection = open(listener);

        // when
        boolean sent = connection.ping(ByteBuffer.wrap("are you there".getBytes(StandardCharsets.UTF_8)));

        // then
        assertThat(sent).isTrue();
        assertThat(new String(expect(listener, Kind.PONG).data(), StandardCharsets.UTF_8)).isEqualTo("are you there");
        closeCleanly(connection, listener);
    }

    @Test
    void shouldAnswerServerPingWithSamePayload() throws Exception {
        // given
        QueueingListener listener = new QueueingListener();
        ClientConnection connection = open(listener);
        server.pongs.clear();

        // when
        connection.sendText("ping:knock knock");

        // then
        assertThat(server.pongs.poll(10, TimeUnit.SECONDS)).isEqualTo("knock knock");
        closeCleanly(connection, listener);
    }

    @Test
    void shouldCompleteCloseHandshakeWhenClientCloses() throws Exception {
        // given
        QueueingListener listener = new QueueingListener();
        ClientConnection connection = open(listener);
        server.closes.clear();

        // when
        connection.close(4001, "done here");

        // then
        Event close = expect(listener, Kind.CLOSE);
        assertThat(close.code()).isEqualTo(4001);
        assertThat(close.reason()).isEqualTo("done here");
        assertThat(close.remote()).isFalse();
        assertThat(connection.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(server.closes.poll(10, TimeUnit.SECONDS)).isEqualTo("4001:done here:remote");
        assertThat(connection.sendText("too late")).isFalse();
    }

    @Test
    void shouldEchoCloseAndReportRemoteWhenServerCloses() throws Exception {
        // given
        QueueingListener listener = new QueueingListener();
        ClientConnection connection = open(listener);
        server.closes.clear();

        // when
        connection.sendText("close:4002:server says bye");

        // then
        Event close = expect(listener, Kind.CLOSE);
        assertThat(close.code()).isEqualTo(4002);
        assertThat(close.reason()).isEqualTo("server says bye");
        assertThat(close.remote()).isTrue();
        assertThat(server.closes.poll(10, TimeUnit.SECONDS)).isEqualTo("4002:server says bye:local");
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
