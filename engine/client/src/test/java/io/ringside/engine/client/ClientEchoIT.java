package io.ringside.engine.client;

import static io.ringside.engine.client.Events.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.client.QueueingListener.Event;
import io.ringside.engine.client.QueueingListener.Kind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
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
