package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.protocol.websocket.FrameEncoder;
import io.ringside.protocol.websocket.Opcode;
import io.ringside.protocol.websocket.WebSocketProtocolException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connection lifecycle seen from the application: close both ways, failures, cross-thread sends, backpressure. */
@Timeout(30)
class LifecycleIT {
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<Connection> opened = new LinkedBlockingQueue<>();
    private final BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
    private WebSocketServer server;

    /** Echoes, except for a few commands that exercise the lifecycle. */
    private final class ScriptedHandler implements WebSocketHandler {
        @Override
        public void onOpen(Connection connection, io.ringside.protocol.http.UpgradeRequest request) {
            opened.add(connection);
        }

        @Override
        public void onText(Connection connection, ByteBuffer buffer, int offset, int length) {
            byte[] bytes = new byte[length];
            buffer.get(offset, bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            events.add(text);
            switch (text) {
                case "boom" -> throw new IllegalStateException("handler failed on purpose");
                case "close-me" -> connection.close(4000, "asked");
                case "pause" -> connection.pauseReading();
                default -> connection.sendText(buffer, offset, length);
            }
        }

        @Override
        public void onError(Connection connection, Throwable error) {
            events.add(error);
        }

        @Override
        public void onClose(Connection connection, int code, String reason) {
            events.add("closed:" + code + ":" + reason);
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = WebSocketServer.builder().port(0).ioLoops(2).heartbeatIntervalMs(0)
                .errorHandler((connection, error) -> errors.add(error))
                .endpoint("/", new ScriptedHandler()).build().start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private WebSocket connect(RecordingListener listener) {
        return HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/"), listener).join();
    }

    private Object nextEvent() throws InterruptedException {
        Object event = events.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("server event").isNotNull();
        return event;
    }

    @Test
    void shouldReportPeerCodeToHandlerWhenClientCloses() throws Exception {
        // given
        RecordingListener listener = new RecordingListener();
        WebSocket ws = connect(listener);

        // when
        ws.sendClose(1000, "bye").join();

        // then
        assertThat(listener.closed.get(10, TimeUnit.SECONDS).code()).isEqualTo(1000);
        assertThat(nextEvent()).isEqualTo("closed:1000:bye");
    }

    @Test
    void shouldSendApplicationCodeWhenServerCloses() throws Exception {
        // given
        RecordingListener listener = new RecordingListener();
        WebSocket ws = connect(listener);
        listener.closed.thenAccept(close -> ws.sendClose(close.code(), ""));

        // when
        ws.sendText("close-me", true).join();

        // then
        RecordingListener.Close close = listener.closed.get(10, TimeUnit.SECONDS);
        assertThat(close.code()).isEqualTo(4000);
        assertThat(close.reason()).isEqualTo("asked");
        assertThat(nextEvent()).isEqualTo("close-me");
        assertThat(nextEvent()).isEqualTo("closed:4000:asked");
    }

    @Test
    void shouldCloseOnlyFailingConnectionWith1011WhenHandlerThrows() throws Exception {
        try (RawClient failing = RawClient.upgrade(server.port(), "/");
             RawClient healthy = RawClient.upgrade(server.port(), "/")) {
            // when
            failing.sendText("boom");

            // then
            assertThat(failing.readCloseCode()).isEqualTo(1011);
            assertThat(errors.poll(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
            assertThat(nextEvent()).isEqualTo("boom");
            assertThat(nextEvent()).isInstanceOf(IllegalStateException.class);
            healthy.sendText("still here");
            assertThat(healthy.readFrame().text()).isEqualTo("still here");
        }
    }

    @Test
    void shouldDeliverInOrderWhenSentFromAnotherThread() throws Exception {
        try (RawClient client = RawClient.upgrade(server.port(), "/")) {
            // given
            Connection connection = opened.poll(10, TimeUnit.SECONDS);
            int count = 2000;

            // when
            Thread sender = new Thread(() -> {
                for (int i = 0; i < count; i++) {
                    byte[] bytes = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
                    while (!connection.sendText(ByteBuffer.wrap(bytes), 0, bytes.length)) {
                        Thread.onSpinWait();
                    }
                }
            });
            sender.start();

            // then
            for (int i = 0; i < count; i++) {
                assertThat(client.readFrame().text()).isEqualTo(Integer.toString(i));
            }
            sender.join();
        }
    }

    @Test
    void shouldWriteSameSharedFrameToEveryRecipient() throws Exception {
        try (RawClient a = RawClient.upgrade(server.port(), "/");
             RawClient b = RawClient.upgrade(server.port(), "/");
             RawClient c = RawClient.upgrade(server.port(), "/")) {
            // given
            ByteBuffer frame = FrameEncoder.serverFrame(true, Opcode.BINARY, ByteBuffer.wrap(new byte[] {9, 8, 7}));

            // when
            for (int i = 0; i < 3; i++) {
                assertThat(opened.poll(10, TimeUnit.SECONDS).sendFrame(frame)).isTrue();
            }

            // then
            for (RawClient client : new RawClient[] {a, b, c}) {
                assertThat(client.readFrame().payload()).containsExactly(9, 8, 7);
            }
            assertThat(frame.position()).isZero();
        }
    }

    @Test
    void shouldStopDeliveringWhenPausedUntilResumed() throws Exception {
        try (RawClient client = RawClient.upgrade(server.port(), "/")) {
            // given
            Connection connection = opened.poll(10, TimeUnit.SECONDS);
            client.sendText("pause");
            assertThat(nextEvent()).isEqualTo("pause");

            // when
            client.sendText("held back");

            // then
            assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
            connection.resumeReading();
            assertThat(nextEvent()).isEqualTo("held back");
            assertThat(client.readFrame().text()).isEqualTo("held back");
        }
    }

    @Test
    void shouldReportProtocolErrorToHandlerThenCloseWithItsCode() throws Exception {
        RawClient client = RawClient.upgrade(server.port(), "/");
        try {
            // when: an unmasked client frame (RFC 6455 §5.1)
            client.send(new byte[] {(byte) 0x81, 0x01, 'x'});

            // then: the server shut its output after the close frame and closes once we do
            assertThat(client.readCloseCode()).isEqualTo(1002);
            assertThat(client.awaitEof()).isTrue();
            client.close();
            Object error = nextEvent();
            assertThat(error).isInstanceOf(WebSocketProtocolException.class);
            assertThat(((WebSocketProtocolException) error).closeCode()).isEqualTo(1002);
            assertThat((String) nextEvent()).startsWith("closed:1002:");
        } finally {
            client.close();
        }
    }
}
