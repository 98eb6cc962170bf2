package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The I/O loop's read-coalescing pause over real sockets: nothing read is lost or reordered, and a
 * send from another thread (as a tick loop sends) ends the pause instead of waiting it out.
 */
class ReadCoalescingIT {
    private static final long WAIT_SECONDS = 20;
    private static final int ROUNDS = 12;
    private static final long POLL_NS = 50_000;

    private final ExecutorService tick = Executors.newSingleThreadExecutor();
    private WebSocketServer server;

    @AfterEach
    void stop() {
        tick.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Timeout(60)
    void shouldEchoEveryMessageInOrderWhenReadsAreCoalesced() throws Exception {
        // given: reads coalesced for 2 ms, several clients sending at once
        server = WebSocketServer.builder().port(0).ioLoops(1).readCoalesceUs(2_000)
                .endpoint("/", new EchoHandler()).build().start();
        int clients = 8;
        int messages = 200;
        List<RecordingListener> listeners = new ArrayList<>();
        List<WebSocket> sockets = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            RecordingListener listener = new RecordingListener();
            listeners.add(listener);
            sockets.add(connect(listener));
        }

        // when
        for (int m = 0; m < messages; m++) {
            for (int c = 0; c < clients; c++) {
                sockets.get(c).sendText(c + ":" + m, true).join();
            }
        }

        // then
        for (int c = 0; c < clients; c++) {
            for (int m = 0; m < messages; m++) {
                assertThat(listeners.get(c).events.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(c + ":" + m);
            }
        }
    }

    @Test
    @Timeout(ROUNDS - 1)
    void shouldEndThePauseWhenAnotherThreadSends() throws Exception {
        // given: a one-second pause after every read, and replies sent from another thread while the
        // loop waits in it, as a tick loop sends; pauses waited out would make the round trips take
        // ROUNDS seconds, longer than the timeout
        server = WebSocketServer.builder().port(0).ioLoops(1)
                .readCoalesceUs(WebSocketServer.Builder.MAX_READ_COALESCE_US)
                .endpoint("/", new WebSocketHandler() {
                    @Override
                    public void onText(Connection connection, ByteBuffer buffer, int offset, int length) {
                        byte[] copy = new byte[length];
                        buffer.get(offset, copy);
                        Thread loop = Thread.currentThread();
                        tick.execute(() -> {
                            // send only once the loop waits in its pause (parked, so TIMED_WAITING)
                            while (loop.getState() != Thread.State.TIMED_WAITING) {
                                LockSupport.parkNanos(POLL_NS);
                            }
                            connection.sendText(new String(copy, StandardCharsets.UTF_8));
                        });
                    }
                }).build().start();
        RecordingListener listener = new RecordingListener();
        WebSocket socket = connect(listener);

        // when / then: each reply comes before the next message is sent
        for (int i = 0; i < ROUNDS; i++) {
            socket.sendText("round " + i, true).join();
            assertThat(listener.events.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("round " + i);
        }
    }

    private WebSocket connect(RecordingListener listener) {
        return HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/"), listener).join();
    }
}
