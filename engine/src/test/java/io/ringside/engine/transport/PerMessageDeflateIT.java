package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.protocol.deflate.DeflatePolicy;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.extensions.permessage_deflate.PerMessageDeflateExtension;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * permessage-deflate (RFC 7692) over real sockets: byte-exact frames from a raw client, the JDK's
 * client (which offers no extension), Java-WebSocket's client (which offers permessage-deflate), the
 * limits, and a pooled frame compressed once for several recipients.
 */
@Timeout(30)
class PerMessageDeflateIT {
    private static final int MAX_MESSAGE_BYTES = 64 * 1024;
    private static final int RSV1 = 4;
    private static final byte[] HELLO_DEFLATED =
        {(byte) 0xf2, 0x48, (byte) 0xcd, (byte) 0xc9, (byte) 0xc9, 0x07, 0x00};
    private static final BlockingQueue<Connection> OPENED = new LinkedBlockingQueue<>();
    private static WebSocketServer server;

    @BeforeAll
    static void start() throws Exception {
        DeflatePolicy eager = DeflatePolicy.builder().minMessageBytes(0).build();
        DeflatePolicy takeover = DeflatePolicy.builder().minMessageBytes(0).serverContextTakeover(true)
                .clientContextTakeover(true).maxContextBytesPerConnection(1 << 20).build();
        EchoHandler echo = new EchoHandler() {
            @Override
            public void onOpen(Connection connection, io.ringside.protocol.http.UpgradeRequest request) {
                OPENED.add(connection);
            }
        };
        server = WebSocketServer.builder().port(0).ioLoops(2).heartbeatIntervalMs(0)
                .decoder(d -> d.maxMessageBytes(MAX_MESSAGE_BYTES))
                .endpoint("/plain", echo)
                .endpoint(EndpointConfig.builder().path("/deflate").deflate(eager).build(), echo)
                .endpoint(EndpointConfig.builder().path("/takeover").deflate(takeover).build(), echo)
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawClient deflateClient(String path, String offer) throws Exception {
        RawClient client = RawClient.connect(server.port());
        String head = client.request(RawClient.upgradeRequest(path, "Sec-WebSocket-Extensions: " + offer + "\r\n"));
        assertThat(head).startsWith("HTTP/1.1 101");
        return client;
    }

    @Test
    void shouldInflateRfc7692HelloAndCompressOnlyWhatShrinksWhenDeflateIsNegotiated() throws Exception {
        // given: Chromium's offer
        RawClient client = RawClient.connect(server.port());
        String head = client.request(RawClient.upgradeRequest("/deflate",
                "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"));
        String long1 = "Hello, Hello, Hello, Hello, Hello, Hello!";

        // when: §7.2.3.1 "Hello" compressed; then a text that deflate shrinks
        client.send(client.frame(true, RSV1, 0x1, HELLO_DEFLATED));
        RawClient.Frame hello = client.readFrame();
        client.sendText(long1);
        RawClient.Frame echoed = client.readFrame();

        // then: "Hello" deflates to 7 bytes, more than its 5, so it comes back as it is
        assertThat(head).contains("Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover;"
                + " client_no_context_takeover\r\n");
        assertThat(hello.rsv()).isZero();
        assertThat(hello.text()).isEqualTo("Hello");
        assertThat(echoed.rsv()).isEqualTo(RSV1);
        assertThat(echoed.payload().length).isLessThan(long1.length());
        assertThat(inflateWith(new Inflater(true), echoed.payload())).isEqualTo(long1);
        client.close();
    }

    @Test
    void shouldDeclineOfferNotFailHandshakeWhenParameterIsRepeated() throws Exception {
        // given
        RawClient client = RawClient.connect(server.port());

        // when
        String head = client.request(RawClient.upgradeRequest("/deflate",
                "Sec-WebSocket-Extensions: permessage-deflate; client_no_context_takeover; client_no_context_takeover"
                        + "\r\n"));

        // then
        assertThat(head).startsWith("HTTP/1.1 101").doesNotContainIgnoringCase("Sec-WebSocket-Extensions");
        client.close();
    }

    @Test
    void shouldDeclineEveryOfferWhenEndpointHasNoPolicy() throws Exception {
        // given
        RawClient client = RawClient.connect(server.port());

        // when
        String head = client.request(RawClient.upgradeRequest("/plain",
                "Sec-WebSocket-Extensions: permessage-deflate\r\n"));

        // then
        assertThat(head).startsWith("HTTP/1.1 101").doesNotContainIgnoringCase("Sec-WebSocket-Extensions");
        client.close();
    }

    @Test
    void shouldCloseWith1009WhenSmallMessageInflatesPastTheLimit() throws Exception {
        // given: 16 MiB of zeros, about 16 KiB on the wire, against a 64 KiB limit
        RawClient client = deflateClient("/deflate", "permessage-deflate");
        byte[] bomb = deflate(new byte[16 << 20]);

        // when
        client.send(client.frame(true, RSV1, 0x2, bomb));

        // then
        assertThat(bomb.length).isLessThan(MAX_MESSAGE_BYTES);
        assertThat(client.readCloseCode()).isEqualTo(1009);
        client.close();
    }

    @Test
    void shouldCloseWith1002WhenControlFrameHasRsv1() throws Exception {
        // given
        RawClient client = deflateClient("/deflate", "permessage-deflate");

        // when
        client.send(client.frame(true, RSV1, 0x9, new byte[0]));

        // then
        assertThat(client.readCloseCode()).isEqualTo(1002);
        client.close();
    }

    @Test
    void shouldEchoFragmentedCompressedMessageWhenContextIsTakenOver() throws Exception {
        // given
        RawClient client = deflateClient("/takeover", "permessage-deflate");
        Deflater deflater = new Deflater(6, true);
        String text = "the arena, tick after tick; ".repeat(40);
        Inflater inflater = new Inflater(true);

        // when: three messages compressed with one context, each in two fragments
        String[] echoed = new String[3];
        for (int i = 0; i < 3; i++) {
            byte[] compressed = deflateWith(deflater, text.getBytes(StandardCharsets.UTF_8));
            int half = compressed.length / 2;
            client.send(client.frame(false, RSV1, 0x1, Arrays.copyOf(compressed, half)));
            client.send(client.frame(true, 0, 0x0, Arrays.copyOfRange(compressed, half, compressed.length)));
            RawClient.Frame reply = client.readFrame();
            assertThat(reply.rsv()).isEqualTo(RSV1);
            echoed[i] = inflateWith(inflater, reply.payload());
        }

        // then: the replies, compressed with the server's context, inflate in order
        assertThat(echoed).containsOnly(text);
        client.close();
    }

    @Test
    void shouldNegotiateNothingAndStillEchoWhenClientIsTheJdks() throws Exception {
        // given: java.net.http.WebSocket offers no extension (JDK 17: it never sends Sec-WebSocket-Extensions)
        RecordingListener listener = new RecordingListener();
        OPENED.clear();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/deflate"), listener).join();
        String text = "x".repeat(5000);

        // when
        ws.sendText(text, true).join();

        // then
        assertThat(listener.events.poll(10, TimeUnit.SECONDS)).isEqualTo(text);
        assertThat(OPENED.poll(10, TimeUnit.SECONDS).extensions()).isNull();
        ws.sendClose(1000, "").join();
    }

    @Test
    void shouldExchangeCompressedMessagesWhenClientIsJavaWebSocket() throws Exception {
        // given: an independent implementation of RFC 7692
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        OPENED.clear();
        WebSocketClient client = new WebSocketClient(URI.create("ws://127.0.0.1:" + server.port() + "/takeover"),
                new Draft_6455(new PerMessageDeflateExtension())) {
            @Override
            public void onOpen(ServerHandshake handshake) {
                received.add("open:" + handshake.getFieldValue("Sec-WebSocket-Extensions"));
            }

            @Override
            public void onMessage(String message) {
                received.add(message);
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                received.add("close:" + code);
            }

            @Override
            public void onError(Exception ex) {
                received.add("error:" + ex);
            }
        };
        assertThat(client.connectBlocking(10, TimeUnit.SECONDS)).isTrue();
        String text = "{\"x\":1,\"y\":2,\"name\":\"player\"} ".repeat(200);

        // when
        for (int i = 0; i < 5; i++) {
            client.send(text + i);
        }

        // then
        assertThat(received.poll(10, TimeUnit.SECONDS)).startsWith("open:permessage-deflate");
        for (int i = 0; i < 5; i++) {
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo(text + i);
        }
        assertThat(OPENED.poll(10, TimeUnit.SECONDS).extensions()).startsWith("permessage-deflate");
        client.closeBlocking();
    }

    @Test
    void shouldSendOneCompressedFormOfPooledFrameToEveryRecipient() throws Exception {
        // given: three clients of the same endpoint
        OPENED.clear();
        RawClient[] clients = new RawClient[3];
        Connection[] connections = new Connection[3];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = deflateClient("/deflate", "permessage-deflate");
            connections[i] = OPENED.poll(10, TimeUnit.SECONDS);
        }
        byte[] payload = "broadcast, serialized once, compressed once. ".repeat(50).getBytes(StandardCharsets.UTF_8);
        FramePool pool = new FramePool(1 << 16, 1 << 20);
        SharedFrame frame = pool.acquire(4 + payload.length);
        frame.buffer().put(0, new byte[] {(byte) 0x82, 126, (byte) (payload.length >>> 8), (byte) payload.length})
                .put(4, payload);

        // when
        frame.retain(connections.length);
        for (Connection connection : connections) {
            connection.sendFrame(frame);
        }
        frame.release();

        // then: every recipient gets the same compressed bytes, which inflate to the payload
        byte[] first = null;
        for (RawClient client : clients) {
            RawClient.Frame received = client.readFrame();
            assertThat(received.rsv()).isEqualTo(RSV1);
            assertThat(received.payload().length).isLessThan(payload.length / 10);
            if (first == null) {
                first = received.payload();
            }
            assertThat(received.payload()).isEqualTo(first);
            client.close();
        }
        assertThat(inflateWith(new Inflater(true), first).getBytes(StandardCharsets.UTF_8)).isEqualTo(payload);
    }

    private static byte[] deflate(byte[] data) {
        return deflateWith(new Deflater(9, true), data);
    }

    private static byte[] deflateWith(Deflater deflater, byte[] data) {
        deflater.setInput(data);
        byte[] out = new byte[data.length + 1024];
        int n = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
        return Arrays.copyOf(out, n - 4);
    }

    private static String inflateWith(Inflater inflater, byte[] compressed) throws Exception {
        byte[] input = Arrays.copyOf(compressed, compressed.length + 4);
        input[compressed.length + 2] = (byte) 0xFF;
        input[compressed.length + 3] = (byte) 0xFF;
        inflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        int n;
        while ((n = inflater.inflate(chunk)) > 0) {
            out.write(chunk, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
