package io.ringside.engine.client;

import static io.ringside.engine.client.Events.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.client.QueueingListener.Kind;
import io.ringside.engine.transport.Connection;
import io.ringside.engine.transport.EndpointConfig;
import io.ringside.engine.transport.WebSocketHandler;
import io.ringside.engine.transport.WebSocketServer;
import io.ringside.protocol.deflate.DeflatePolicy;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client's permessage-deflate against Java-WebSocket's RFC 7692 extension and against our server. */
@Timeout(30)
class ClientDeflateIT {
    private static final ConnectConfig DEFLATE =
            ConnectConfig.builder().deflate(true).deflateMinMessageBytes(0).build();
    private static EchoServer peer;
    private static WebSocketServer ours;
    private static WebSocketClient client;

    @BeforeAll
    static void start() throws Exception {
        peer = EchoServer.startDeflateEcho();
        WebSocketHandler echo = new WebSocketHandler() {
            @Override
            public void onText(Connection connection, ByteBuffer buffer, int offset, int length) {
                connection.sendText(buffer, offset, length);
            }
        };
        ours = WebSocketServer.builder().port(0).ioLoops(1).heartbeatIntervalMs(0)
                .endpoint(EndpointConfig.builder().path("/")
                        .deflate(DeflatePolicy.builder().minMessageBytes(0).build()).build(), echo)
                .endpoint(EndpointConfig.builder().path("/takeover")
                        .deflate(d -> d.minMessageBytes(0).serverContextTakeover(true)
                                .maxContextBytesPerConnection(DeflatePolicy.SERVER_CONTEXT_BYTES))
                        .deflateEnabled(true).build(), echo)
                .build().start();
        client = WebSocketClient.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        client.close();
        ours.close();
        peer.shutdown();
    }

    private static ClientConnection echoFive(URI uri) throws Exception {
        QueueingListener listener = new QueueingListener();
        ClientConnection connection = client.connect(uri, DEFLATE, listener).get(10, TimeUnit.SECONDS);
        expect(listener, Kind.OPEN);
        String text = "{\"entity\":7,\"x\":12.5,\"y\":-3.25,\"hp\":100} ".repeat(100);

        for (int i = 0; i < 5; i++) {
            assertThat(connection.sendText(text + i)).isTrue();
        }

        for (int i = 0; i < 5; i++) {
            assertThat(expect(listener, Kind.TEXT).text()).isEqualTo(text + i);
        }
        connection.close();
        assertThat(expect(listener, Kind.CLOSE).code()).isEqualTo(1000);
        return connection;
    }

    @Test
    void shouldExchangeCompressedMessagesWhenPeerIsJavaWebSocket() throws Exception {
        // given / when
        ClientConnection connection = echoFive(peer.uri("/"));

        // then
        assertThat(connection.extensions()).startsWith("permessage-deflate").contains("client_no_context_takeover");
        assertThat(peer.handshakes.poll(10, TimeUnit.SECONDS).getFieldValue("Sec-WebSocket-Extensions"))
                .isEqualTo("permessage-deflate; client_no_context_takeover");
    }

    @Test
    void shouldExchangeCompressedMessagesWhenPeerIsRingside() throws Exception {
        assertThat(echoFive(URI.create("ws://127.0.0.1:" + ours.port() + "/")).extensions())
                .isEqualTo("permessage-deflate; server_no_context_takeover; client_no_context_takeover");
    }

    @Test
    void shouldInflateWithServersContextWhenRingsideKeepsIt() throws Exception {
        assertThat(echoFive(URI.create("ws://127.0.0.1:" + ours.port() + "/takeover")).extensions())
                .isEqualTo("permessage-deflate; client_no_context_takeover");
    }
}
