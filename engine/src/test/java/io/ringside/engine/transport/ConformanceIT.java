package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Server cases modelled on the Autobahn TestSuite (sections 1-7, 9): hand-built masked frames from
 * a raw socket, each answered with the echo or the exact close code RFC 6455 requires.
 */
@Timeout(30)
class ConformanceIT {
    private static final int TEXT = 0x1;
    private static final int BINARY = 0x2;
    private static final int CONTINUATION = 0x0;
    private static final int CLOSE = 0x8;
    private static final int PING = 0x9;
    private static final int PONG = 0xA;
    private static final int MAX_MESSAGE = 64 * 1024;

    static WebSocketServer server;

    @BeforeAll
    static void start() throws Exception {
        // a small read buffer: most frames span several reads and exercise the decoder's partial state
        server = WebSocketServer.builder().port(0).ioLoops(1).heartbeatIntervalMs(0).readBufferBytes(4096)
                .decoder(d -> d.maxFramePayloadBytes(MAX_MESSAGE).maxMessageBytes(MAX_MESSAGE))
                .endpoint("/", new EchoHandler()).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A client upgraded on the server's endpoint; {@link TlsConformanceIT} runs every case over TLS. */
    RawClient client() throws Exception {
        return RawClient.upgrade(server.port(), "/");
    }

    private static byte[] bytes(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static void assertClosedWith(RawClient client, int code) throws Exception {
        assertThat(client.readCloseCode()).isEqualTo(code);
        assertThat(client.awaitEof()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 125, 126, 127, 65535, 65536})
    void shouldEchoBinaryWhenPayloadLengthCrossesEncodingBoundaries(int length) throws Exception {
        try (RawClient client = client()) {
            // given
            byte[] payload = bytes(length, 0xFE);

            // when
            client.sendFrame(true, BINARY, payload);

            // then
            RawClient.Frame echo = client.readFrame();
            assertThat(echo.opcode()).isEqualTo(BINARY);
            assertThat(echo.payload()).isEqualTo(payload);
        }
    }

    @Test
    void shouldEchoFrameWhenItArrivesOneBytePerWrite() throws Exception {
        try (RawClient client = client()) {
            // when
            client.sendChopped(client.frame(true, 0, TEXT, "chopped into bytes".getBytes(StandardCharsets.UTF_8)));

            // then
            assertThat(client.readFrame().text()).isEqualTo("chopped into bytes");
        }
    }

    @Test
    void shouldEchoFragmentsAndAnswerPingWhenEverythingArrivesOneBytePerWrite() throws Exception {
        try (RawClient client = client()) {
            // given: a 300-byte fragment (16-bit length), a ping between fragments, then a close
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            stream.writeBytes(client.frame(false, 0, BINARY, bytes(300, 5)));
            stream.writeBytes(client.frame(true, 0, PING, bytes(4, 6)));
            stream.writeBytes(client.frame(true, 0, CONTINUATION, bytes(1, 5)));
            stream.writeBytes(client.frame(true, 0, CLOSE, new byte[] {0x03, (byte) 0xE8}));

            // when
            client.sendChopped(stream.toByteArray());

            // then
            assertThat(client.readFrame().payload()).isEqualTo(bytes(4, 6));
            assertThat(client.readFrame().payload()).isEqualTo(bytes(301, 5));
            assertClosedWith(client, 1000);
        }
    }

    @Test
    void shouldAnswerPingWith125BytesWithSamePayload() throws Exception {
        try (RawClient client = client()) {
            // given
            byte[] payload = bytes(125, 0x2A);

            // when
            client.sendFrame(true, PING, payload);

            // then
            RawClient.Frame pong = client.readFrame();
            assertThat(pong.opcode()).isEqualTo(PONG);
            assertThat(pong.payload()).isEqualTo(payload);
        }
    }

    @Test
    void shouldFailWith1002WhenPingHas126Bytes() throws Exception {
        try (RawClient client = client()) {
            client.sendFrame(true, PING, bytes(126, 1));
            assertClosedWith(client, 1002);
        }
    }

    @Test
    void shouldIgnoreUnsolicitedPong() throws Exception {
        try (RawClient client = client()) {
            client.sendFrame(true, PONG, bytes(3, 1));
            client.sendText("after pong");
            assertThat(client.readFrame().text()).isEqualTo("after pong");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 7})
    void shouldFailWith1002WhenReservedBitSet(int rsv) throws Exception {
        try (RawClient client = client()) {
            client.send(client.frame(true, rsv, TEXT, "rsv".getBytes(StandardCharsets.UTF_8)));
            assertClosedWith(client, 1002);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF})
    void shouldFailWith1002WhenOpcodeReserved(int opcode) throws Exception {
        try (RawClient client = client()) {
            client.sendFrame(true, opcode, new byte[0]);
            assertClosedWith(client, 1002);
        }
    }

    @Test
    void shouldEchoFragmentedMessageWhenPingsArriveBetweenFragments() throws Exception {
        try (RawClient client = client()) {
            // when
            client.sendFrame(false, TEXT, "frag".getBytes(StandardCharsets.UTF_8));
            client.sendFrame(true, PING, "p1".getBytes(StandardCharsets.UTF_8));
            client.sendFrame(false, CONTINUATION, "men".getBytes(StandardCharsets.UTF_8));
            client.sendFrame(true, PING, "p2".getBytes(StandardCharsets.UTF_8));
            client.sendFrame(true, CONTINUATION, "ted".getBytes(StandardCharsets.UTF_8));

            // then
            assertThat(client.readFrame().text()).isEqualTo("p1");
            assertThat(client.readFrame().text()).isEqualTo("p2");
            RawClient.Frame echo = client.readFrame();
            assertThat(echo.opcode()).isEqualTo(TEXT);
            assertThat(echo.text()).isEqualTo("fragmented");
        }
    }

    @Test
    void shouldFailWith1002WhenContinuationHasNoStart() throws Exception {
        try (RawClient client = client()) {
            client.sendFrame(true, CONTINUATION, "orphan".getBytes(StandardCharsets.UTF_8));
            assertClosedWith(client, 1002);
        }
    }

    @Test
    void shouldFailWith1002WhenControlFrameFragmented() throws Exception {
        try (RawClient client = client()) {
            client.sendFrame(false, PING, bytes(2, 1));
            assertClosedWith(client, 1002);
        }
    }

    @Test
    void shouldFailWith1002WhenNewMessageStartsInsideFragmentedOne() throws Exception {
        try (RawClient client = client()) {
            client.sendFrame(false, TEXT, bytes(2, 'a'));
            client.sendFrame(true, TEXT, bytes(2, 'b'));
            assertClosedWith(client, 1002);
        }
    }

    @Test
    void shouldEchoValidUtf8WhenSequenceSplitAcrossFragments() throws Exception {
        try (RawClient client = client()) {
            // given: "κόσμε" split inside the two-byte sequence for 'ό'
            byte[] text = "κόσμε".getBytes(StandardCharsets.UTF_8);

            // when
            client.sendFrame(false, TEXT, Arrays.copyOfRange(text, 0, 3));
            client.sendFrame(true, CONTINUATION, Arrays.copyOfRange(text, 3, text.length));

            // then
            assertThat(client.readFrame().text()).isEqualTo("κόσμε");
        }
    }

    @Test
    void shouldFailWith1007WhenTextIsInvalidUtf8() throws Exception {
        try (RawClient client = client()) {
            client.sendFrame(true, TEXT, new byte[] {'o', 'k', (byte) 0xC0, (byte) 0xAF});
            assertClosedWith(client, 1007);
        }
    }

    @Test
    void shouldFailWith1007WhenInvalidSequenceSplitAcrossFragments() throws Exception {
        try (RawClient client = client()) {
            // U+110000 is beyond Unicode: F4 90 80 80
            client.sendFrame(false, TEXT, new byte[] {(byte) 0xF4});
            client.sendFrame(true, CONTINUATION, new byte[] {(byte) 0x90, (byte) 0x80, (byte) 0x80});
            assertClosedWith(client, 1007);
        }
    }

    @Test
    void shouldFailWith1007WhenTextEndsInsideSequence() throws Exception {
        try (RawClient client = client()) {
            client.sendFrame(true, TEXT, new byte[] {'a', (byte) 0xE2, (byte) 0x82});
            assertClosedWith(client, 1007);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 4999})
    void shouldEchoCloseCodeAndCloseTcpWhenPeerClosesWithValidCode(int code) throws Exception {
        try (RawClient client = client()) {
            client.sendClose(code, "bye".getBytes(StandardCharsets.UTF_8));
            assertClosedWith(client, code);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535})
    void shouldFailWith1002WhenCloseCodeInvalid(int code) throws Exception {
        try (RawClient client = client()) {
            client.sendClose(code, new byte[0]);
            assertClosedWith(client, 1002);
        }
    }

    @Test
    void shouldAnswerEmptyCloseWithEmptyClose() throws Exception {
        try (RawClient client = client()) {
            client.sendFrame(true, CLOSE, new byte[0]);
            assertClosedWith(client, 1005);
        }
    }

    @Test
    void shouldFailWith1002WhenCloseBodyHasOneByte() throws Exception {
        try (RawClient client = client()) {
            client.sendFrame(true, CLOSE, new byte[] {0x03});
            assertClosedWith(client, 1002);
        }
    }

    @Test
    void shouldFailWith1007WhenCloseReasonIsInvalidUtf8() throws Exception {
        try (RawClient client = client()) {
            client.sendClose(1000, new byte[] {(byte) 0xFF, (byte) 0xFE});
            assertClosedWith(client, 1007);
        }
    }

    @Test
    void shouldIgnoreFramesAfterClose() throws Exception {
        try (RawClient client = client()) {
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.writeBytes(client.frame(true, 0, CLOSE, new byte[] {0x03, (byte) 0xE8}));
            both.writeBytes(client.frame(true, 0, TEXT, bytes(4, 'x')));
            client.send(both.toByteArray());
            assertClosedWith(client, 1000);
        }
    }

    @Test
    void shouldEchoMessageAtLimitAndFailWith1009Beyond() throws Exception {
        try (RawClient client = client()) {
            client.sendFrame(false, BINARY, bytes(MAX_MESSAGE / 2, 7));
            client.sendFrame(true, CONTINUATION, bytes(MAX_MESSAGE / 2, 7));
            assertThat(client.readFrame().payload()).hasSize(MAX_MESSAGE);

            client.sendFrame(false, BINARY, bytes(MAX_MESSAGE / 2, 7));
            client.sendFrame(true, CONTINUATION, bytes(MAX_MESSAGE / 2 + 1, 7));
            assertClosedWith(client, 1009);
        }
    }

    @Test
    void shouldFailWith1009WhenSingleFrameOverLimit() throws Exception {
        try (RawClient client = client()) {
            client.sendFrame(true, BINARY, bytes(MAX_MESSAGE + 1, 7));
            assertClosedWith(client, 1009);
        }
    }

    @Test
    void shouldFailWith1002WhenClientFrameUnmasked() throws Exception {
        try (RawClient client = client()) {
            client.send(new byte[] {(byte) 0x81, 0x02, 'h', 'i'});
            assertClosedWith(client, 1002);
        }
    }
}
