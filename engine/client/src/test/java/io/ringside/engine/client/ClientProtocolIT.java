package io.ringside.engine.client;

import static io.ringside.engine.client.Events.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.client.QueueingListener.Event;
import io.ringside.engine.client.QueueingListener.Kind;
import io.ringside.protocol.websocket.CloseCode;
import io.ringside.protocol.websocket.Opcode;
import io.ringside.protocol.websocket.WebSocketProtocolException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Frames a correct server would never send, from a scripted raw server that checks the client's
 * answer byte by byte: protocol violations, limits, pings, abrupt and silent closes.
 */
@Timeout(30)
class ClientProtocolIT {
    private static WebSocketClient client;

    @BeforeAll
    static void start() {
        client = WebSocketClient.start();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @Test
    void shouldCloseWith1002WhenServerSendsMaskedFrame() throws Exception {
        // given: a masked "hi" text frame, which a client must refuse (RFC 6455 §5.1)
        byte[] masked = {(byte) 0x81, (byte) 0x82, 1, 2, 3, 4, 'h' ^ 1, 'i' ^ 2};
        QueueingListener listener = new QueueingListener();
        try (RawServer server = RawServer.start(socket -> {
            RawServer.acceptUpgrade(socket);
            socket.getOutputStream().write(masked);
            assertCloseFrame(socket.getInputStream(), CloseCode.PROTOCOL_ERROR);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        })) {
            // when
            client.connect(server.uri(), listener).get(10, TimeUnit.SECONDS);

            // then
            expect(listener, Kind.OPEN);
            assertThat(expect(listener, Kind.ERROR).error()).isInstanceOf(WebSocketProtocolException.class);
            Event close = expect(listener, Kind.CLOSE);
            assertThat(close.code()).isEqualTo(CloseCode.PROTOCOL_ERROR);
            assertThat(close.remote()).isFalse();
            server.awaitScript();
        }
    }

    @Test
    void shouldCloseWith1009WhenMessageExceedsConfiguredLimit() throws Exception {
        // given: a 200-byte binary frame against a 150-byte message limit
        byte[] tooBig = Arrays.copyOf(new byte[] {(byte) 0x82, 126, 0, (byte) 200}, 4 + 200);
        QueueingListener listener = new QueueingListener();
        ConnectConfig config = ConnectConfig.builder().maxMessageBytes(150).build();
        try (RawServer server = RawServer.start(socket -> {
            RawServer.acceptUpgrade(socket);
            socket.getOutputStream().write(tooBig);
            assertCloseFrame(socket.getInputStream(), CloseCode.MESSAGE_TOO_BIG);
        })) {
            // when
            client.connect(server.uri(), config, listener).get(10, TimeUnit.SECONDS);

            // then
            expect(listener, Kind.OPEN);
            expect(listener, Kind.ERROR);
            assertThat(expect(listener, Kind.CLOSE).code()).isEqualTo(CloseCode.MESSAGE_TOO_BIG);
            server.awaitScript();
        }
    }

    @Test
    void shouldAnswerPingWithMaskedPongOfSamePayloadAndDeliverFramesSentWithThe101() throws Exception {
        // given: the 101, a text frame and a ping all in one write
        QueueingListener listener = new QueueingListener();
        try (RawServer server = RawServer.start(socket -> {
            String key = RawServer.readRequestKey(socket.getInputStream());
            byte[] head = ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + RawServer.accept(key) + "\r\n\r\n").getBytes("US-ASCII");
            byte[] frames = {(byte) 0x81, 2, 'y', 'o', (byte) 0x89, 3, 'p', 'i', 'n'};
            OutputStream out = socket.getOutputStream();
            byte[] all = Arrays.copyOf(head, head.length + frames.length);
            System.arraycopy(frames, 0, all, head.length, frames.length);
            out.write(all);
            byte[] pong = RawServer.readClientFrame(socket.getInputStream());
            assertThat(pong).containsExactly(Opcode.PONG, 'p', 'i', 'n');
        })) {
            // when
            client.connect(server.uri(), listener).get(10, TimeUnit.SECONDS);

            // then
            expect(listener, Kind.OPEN);
            assertThat(expect(listener, Kind.TEXT).text()).isEqualTo("yo");
            server.awaitScript();
            expect(listener, Kind.CLOSE);
        }
    }

    @Test
    void shouldReport1006WhenServerDropsTcpWithoutCloseFrame() throws Exception {
        // given
        QueueingListener listener = new QueueingListener();
        try (RawServer server = RawServer.start(RawServer::acceptUpgrade)) {
            // when
            ClientConnection connection = client.connect(server.uri(), listener).get(10, TimeUnit.SECONDS);

            // then
            expect(listener, Kind.OPEN);
            Event close = expect(listener, Kind.CLOSE);
            assertThat(close.code()).isEqualTo(CloseCode.ABNORMAL_CLOSURE);
            assertThat(close.remote()).isTrue();
            assertThat(connection.state()).isEqualTo(ConnectionState.CLOSED);
            server.awaitScript();
        }
    }

    @Test
    void shouldDropTcpAndReport1006WhenServerNeverAnswersClose() throws Exception {
        // given
        QueueingListener listener = new QueueingListener();
        ConnectConfig config = ConnectConfig.builder().closeTimeoutMs(200).build();
        try (RawServer server = RawServer.start(socket -> {
            RawServer.acceptUpgrade(socket);
            assertCloseFrame(socket.getInputStream(), CloseCode.GOING_AWAY);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        })) {
            ClientConnection connection = client.connect(server.uri(), config, listener).get(10, TimeUnit.SECONDS);
            expect(listener, Kind.OPEN);

            // when
            connection.close(CloseCode.GOING_AWAY, "leaving");

            // then
            Event close = expect(listener, Kind.CLOSE);
            assertThat(close.code()).isEqualTo(CloseCode.ABNORMAL_CLOSURE);
            assertThat(close.reason()).contains("timed out");
            server.awaitScript();
        }
    }

    @Test
    void shouldRefuseSendsWhenBacklogIsFullBecauseServerStopsReading() throws Exception {
        // given: a server that never reads, and a 256 KiB backlog bound
        CountDownLatch testDone = new CountDownLatch(1);
        QueueingListener listener = new QueueingListener();
        long bound = 256 << 10;
        ConnectConfig config = ConnectConfig.builder().maxOutboundBytes(bound).build();
        ByteBuffer chunk = ByteBuffer.allocate(64 << 10);
        try (RawServer server = RawServer.start(socket -> {
            RawServer.acceptUpgrade(socket);
            testDone.await(20, TimeUnit.SECONDS);
        })) {
            ClientConnection connection = client.connect(server.uri(), config, listener).get(10, TimeUnit.SECONDS);

            // when: send until refused (socket buffers fill first, then the backlog)
            int accepted = 0;
            while (accepted < 100_000 && connection.sendBinary(chunk)) {
                accepted++;
            }

            // then
            assertThat(accepted).isLessThan(100_000);
            assertThat(connection.outboundBytes()).isLessThanOrEqualTo(bound);
            assertThat(connection.state()).isEqualTo(ConnectionState.OPEN);
            testDone.countDown();
            server.awaitScript();
        }
    }

    private static void assertCloseFrame(InputStream in, int code) throws Exception {
        byte[] close = RawServer.readClientFrame(in);
        assertThat(close[0]).isEqualTo((byte) Opcode.CLOSE);
        assertThat(((close[1] & 0xff) << 8) | (close[2] & 0xff)).isEqualTo(code);
    }
}
