package io.ringside.examples.echo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.transport.RecordingListener;
import io.ringside.engine.transport.WebSocketServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
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

/** The echo server against an independent client: the JDK's {@code java.net.http.WebSocket}. */
@Timeout(60)
class EchoServerIT {
    private static WebSocketServer server;
    private static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        server = EchoServer.builder(0).ioLoops(2).build().start();
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static WebSocket connect(RecordingListener listener) {
        return http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/"), listener)
                .join();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 125, 126, 65535, 65536, 1 << 20})
    void shouldEchoTextWhenSizeVaries(int size) throws Exception {
        // given
        RecordingListener listener = new RecordingListener();
        WebSocket ws = connect(listener);
        String text = "é".repeat(size / 2) + "x".repeat(size % 2);

        // when
        ws.sendText(text, true).join();

        // then
        assertThat(listener.next()).isEqualTo(text);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 125, 126, 65535, 65536, 1 << 20})
    void shouldEchoBinaryWhenSizeVaries(int size) throws Exception {
        // given
        RecordingListener listener = new RecordingListener();
        WebSocket ws = connect(listener);
        byte[] payload = new byte[size];
        new Random(size).nextBytes(payload);

        // when
        ws.sendBinary(ByteBuffer.wrap(payload), true).join();

        // then
        assertThat((byte[]) listener.next()).isEqualTo(payload);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }

    @Test
    void shouldEchoWholeMessageWhenSentInFragments() throws Exception {
        // given
        RecordingListener listener = new RecordingListener();
        WebSocket ws = connect(listener);

        // when
        ws.sendText("frag", false).join();
        ws.sendText("men", false).join();
        ws.sendText("ted", true).join();
        ws.sendBinary(ByteBuffer.wrap(new byte[] {1, 2}), false).join();
        ws.sendBinary(ByteBuffer.wrap(new byte[] {3}), true).join();

        // then
        assertThat(listener.next()).isEqualTo("fragmented");
        assertThat((byte[]) listener.next()).containsExactly(1, 2, 3);
    }

    @Test
    void shouldAnswerPingWithPongCarryingSamePayload() throws Exception {
        // given
        RecordingListener listener = new RecordingListener();
        WebSocket ws = connect(listener);
        byte[] payload = "are you there".getBytes(StandardCharsets.US_ASCII);

        // when
        ws.sendPing(ByteBuffer.wrap(payload)).join();

        // then
        assertThat(((RecordingListener.Pong) listener.next()).payload()).isEqualTo(payload);
    }

    @Test
    void shouldEchoCloseCodeWhenClientCloses() throws Exception {
        // given
        RecordingListener listener = new RecordingListener();
        WebSocket ws = connect(listener);

        // when
        ws.sendClose(4001, "done here").join();

        // then
        assertThat(listener.closed.get(10, TimeUnit.SECONDS).code()).isEqualTo(4001);
    }

    @Test
    void shouldCloseWith1001WhenServerShutsDown() throws Exception {
        // given
        WebSocketServer own = EchoServer.builder(0).ioLoops(1).build().start();
        RecordingListener listener = new RecordingListener();
        WebSocket ws = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + own.port() + "/"), listener).join();
        listener.closed.whenComplete((close, error) -> ws.sendClose(WebSocket.NORMAL_CLOSURE, ""));

        // when
        own.close();

        // then
        assertThat(listener.closed.get(10, TimeUnit.SECONDS).code()).isEqualTo(1001);
    }
}
