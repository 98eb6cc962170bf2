package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringside.protocol.http.UpgradeRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** RTT probes over real sockets: a ping carrying its send time, answered by the JDK client's automatic pong. */
@Timeout(30)
class RttProbeIT {
    private static final long WAIT_NS = TimeUnit.SECONDS.toNanos(20);

    private final BlockingQueue<Connection> opened = new LinkedBlockingQueue<>();
    private WebSocketServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldMeasureTheRoundTripWhenProbesAreOn() throws Exception {
        // given
        server = start(50);
        Connection connection = connect();

        // when: waiting for the first probe's answer
        long deadline = System.nanoTime() + WAIT_NS;
        while (connection.rttNs() < 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        // then
        assertThat(connection.rttNs()).isBetween(0L, TimeUnit.SECONDS.toNanos(10));
    }

    @Test
    void shouldKnowNoRoundTripWhenProbesAreOff() throws Exception {
        // given
        server = start(0);
        CompletableFuture<String> echoed = new CompletableFuture<>();
        WebSocket client = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        echoed.complete(data.toString());
                        return null;
                    }
                }).join();
        Connection connection = opened.poll(20, TimeUnit.SECONDS);
        assertThat(connection).isNotNull();

        // when: a round trip of the connection's own (an echoed message) has happened
        client.sendText("hello", true).join();
        assertThat(echoed.get(20, TimeUnit.SECONDS)).isEqualTo("hello");

        // then
        assertThat(connection.rttNs()).isEqualTo(-1);
        client.abort();
    }

    @Test
    void shouldRefuseANegativeInterval() {
        assertThatThrownBy(() -> WebSocketServer.builder().port(0).rttProbeIntervalMs(-1)
                .endpoint("/", new EchoHandler()).build())
                .hasMessageContaining("rttProbeIntervalMs=-1");
    }

    private WebSocketServer start(long probeMs) throws Exception {
        return WebSocketServer.builder().port(0).ioLoops(1).rttProbeIntervalMs(probeMs)
                .endpoint("/", new WebSocketHandler() {
                    private final EchoHandler echo = new EchoHandler();

                    @Override
                    public void onOpen(Connection connection, UpgradeRequest request) {
                        opened.add(connection);
                    }

                    @Override
                    public void onText(Connection connection, ByteBuffer buffer, int offset, int length) {
                        echo.onText(connection, buffer, offset, length);
                    }
                }).build().start();
    }

    private Connection connect() throws Exception {
        HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/"), new WebSocket.Listener() { }).join();
        Connection connection = opened.poll(20, TimeUnit.SECONDS);
        assertThat(connection).isNotNull();
        return connection;
    }
}
