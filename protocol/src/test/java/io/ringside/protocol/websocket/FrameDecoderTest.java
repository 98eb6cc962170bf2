package io.ringside.protocol.websocket;

import static io.ringside.protocol.websocket.Chunks.bytes;
import static io.ringside.protocol.websocket.Chunks.concat;
import static io.ringside.protocol.websocket.WireFrames.filled;
import static io.ringside.protocol.websocket.WireFrames.frame;
import static io.ringside.protocol.websocket.WireFrames.masked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
    private static final DecoderConfig SERVER = DecoderConfig.defaults();
    private static final DecoderConfig CLIENT = DecoderConfig.builder().role(Role.CLIENT).build();

    @Test
    void shouldDecodeRfcFragmentedFramesWhenClient() {
        byte[] wire = bytes(0x01, 0x03, 0x48, 0x65, 0x6c, 0x80, 0x02, 0x6c, 0x6f);
        assertFrames(CLIENT, wire,
                "fin=false rsv=0 op=1 len=3 masked=false payload=48656c",
                "fin=true rsv=0 op=0 len=2 masked=false payload=6c6f");
    }

    @Test
    void shouldDecodeRfcMaskedHelloWhenServer() {
        byte[] wire = bytes(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58);
        assertFrames(SERVER, wire, "fin=true rsv=0 op=1 len=5 masked=true payload=48656c6c6f");
    }

    @Test
    void shouldDecodeEveryLengthEncodingWhenAtItsBoundaries() {
        for (int length : new int[] {0, 1, 125, 126, 65535, 65536}) {
            byte[] payload = filled(length);
            assertFrames(SERVER, masked(0x82, payload),
                    "fin=true rsv=0 op=2 len=" + length + " masked=true payload=" + HexFormat.of().formatHex(payload));
        }
    }

    @Test
    void shouldDeliverOneChunkViewWhenFrameIsWholeInBuffer() {
        // given
        RecordingFrameHandler handler = new RecordingFrameHandler();
        byte[] wire = concat(masked(0x82, filled(16)), masked(0x82, filled(300)), masked(0x89, filled(3)));
        ByteBuffer src = ByteBuffer.wrap(wire);

        // when
        new FrameDecoder(SERVER).decode(src, handler);

        // then
        assertThat(handler.chunksPerFrame).containsExactly(1, 1, 1);
        assertThat(src.position()).isEqualTo(src.limit());
    }

    @Test
    void shouldDecodeSameFramesWhenBufferIsDirectOrLittleEndian() {
        byte[] wire = concat(masked(0x82, filled(16)), masked(0x02, filled(300)), masked(0x80, filled(70000)),
                masked(0x8A, filled(5)));
        List<String> expected = decodeWhole(SERVER, ByteBuffer.wrap(wire));
        ByteBuffer direct = ByteBuffer.allocateDirect(wire.length).put(wire).flip();
        ByteBuffer little = ByteBuffer.wrap(wire.clone()).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer directLittle =
                ByteBuffer.allocateDirect(wire.length).put(wire).flip().order(ByteOrder.LITTLE_ENDIAN);

        assertThat(expected).hasSize(4);
        assertThat(decodeWhole(SERVER, direct)).isEqualTo(expected);
        assertThat(decodeWhole(SERVER, little)).isEqualTo(expected);
        assertThat(decodeWhole(SERVER, directLittle)).isEqualTo(expected);
    }

    @Test
    void shouldRejectRsvBitsWhenNotNegotiated() {
        for (int rsv = 1; rsv <= 7; rsv++) {
            assertRejects(SERVER, masked(0x82 | rsv << 4, filled(3)), CloseCode.PROTOCOL_ERROR);
        }
    }

    @Test
    void shouldReportRsvBitsWhenNegotiated() {
        DecoderConfig config = DecoderConfig.builder().allowedRsvBits(0b100).build();
        assertFrames(config, masked(0xC2, filled(1)), "fin=true rsv=4 op=2 len=1 masked=true payload=07");
        assertRejects(config, masked(0xA2, filled(1)), CloseCode.PROTOCOL_ERROR);
    }

    @Test
    void shouldRejectReservedOpcodes() {
        for (int opcode : new int[] {0x3, 0x4, 0x5, 0x6, 0x7, 0xB, 0xC, 0xD, 0xE, 0xF}) {
            assertRejects(SERVER, masked(0x80 | opcode, filled(1)), CloseCode.PROTOCOL_ERROR);
        }
    }

    @Test
    void shouldRejectUnmaskedFrameWhenServer() {
        assertRejects(SERVER, frame(0x82, filled(4), false), CloseCode.PROTOCOL_ERROR);
    }

    @Test
    void shouldRejectMaskedFrameWhenClient() {
        assertRejects(CLIENT, frame(0x82, filled(4), true), CloseCode.PROTOCOL_ERROR);
    }

    @Test
    void shouldRejectControlFrameWhenNotFinal() {
        for (int opcode : new int[] {Opcode.CLOSE, Opcode.PING, Opcode.PONG}) {
            assertRejects(SERVER, masked(opcode, filled(2)), CloseCode.PROTOCOL_ERROR);
        }
    }

    @Test
    void shouldRejectControlFrameWhenPayloadOver125Bytes() {
        assertFrames(SERVER, masked(0x89, filled(125)),
                "fin=true rsv=0 op=9 len=125 masked=true payload=" + HexFormat.of().formatHex(filled(125)));
        assertRejects(SERVER, masked(0x89, filled(126)), CloseCode.PROTOCOL_ERROR);
        assertRejects(SERVER, masked(0x8A, filled(65536)), CloseCode.PROTOCOL_ERROR);
    }

    @Test
    void shouldRejectLengthWhenTopBitOf64BitLengthIsSet() {
        byte[] header = bytes(0x82, 0xFF, 0x80, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4);
        assertRejects(DecoderConfig.builder().maxFramePayloadBytes(Long.MAX_VALUE).build(), header,
                CloseCode.PROTOCOL_ERROR);
    }

    @Test
    void shouldRejectLengthWhenEncodingIsNotMinimal() {
        byte[] short16 = concat(bytes(0x82, 0xFE, 0x00, 0x7D, 1, 2, 3, 4), filled(125));
        byte[] short64 = concat(bytes(0x82, 0xFF, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 1, 2, 3, 4), filled(65535));
        assertRejects(SERVER, short16, CloseCode.PROTOCOL_ERROR);
        assertRejects(SERVER, short64, CloseCode.PROTOCOL_ERROR);
    }

    @Test
    void shouldRejectFrameWhenOneByteOverFrameLimit() {
        DecoderConfig config = DecoderConfig.builder().maxFramePayloadBytes(300).build();
        assertThat(decodeWhole(config, ByteBuffer.wrap(masked(0x82, filled(300))))).hasSize(1);
        assertRejects(config, masked(0x82, filled(301)), CloseCode.MESSAGE_TOO_BIG);
        assertRejects(SERVER, bytes(0x82, 0xFF, 0, 0, 0x01, 0, 0, 0, 0, 0, 1, 2, 3, 4), CloseCode.MESSAGE_TOO_BIG);
    }

    @Test
    void shouldStayFailedWhenDecodingAfterViolation() {
        // given
        FrameDecoder decoder = new FrameDecoder(SERVER);
        RecordingFrameHandler handler = new RecordingFrameHandler();
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(frame(0x82, filled(1), false)), handler))
                .isInstanceOf(WebSocketProtocolException.class);

        // when / then
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(masked(0x82, filled(1))), handler))
                .isInstanceOfSatisfying(WebSocketProtocolException.class,
                        e -> assertThat(e.closeCode()).isEqualTo(CloseCode.PROTOCOL_ERROR));
        assertThat(handler.frames).isEmpty();
    }

    private static List<String> decodeWhole(DecoderConfig config, ByteBuffer src) {
        RecordingFrameHandler handler = new RecordingFrameHandler();
        new FrameDecoder(config).decode(src, handler);
        return handler.frames;
    }

    private static void assertFrames(DecoderConfig config, byte[] wire, String... frames) {
        for (List<ByteBuffer> chunks : Chunks.allSplittings(wire)) {
            RecordingFrameHandler handler = new RecordingFrameHandler();
            FrameDecoder decoder = new FrameDecoder(config);
            for (ByteBuffer chunk : chunks) {
                decoder.decode(chunk, handler);
                assertThat(chunk.hasRemaining()).isFalse();
            }
            assertThat(handler.frames).containsExactly(frames);
        }
    }

    private static void assertRejects(DecoderConfig config, byte[] wire, int closeCode) {
        for (List<ByteBuffer> chunks : Chunks.allSplittings(wire)) {
            RecordingFrameHandler handler = new RecordingFrameHandler();
            FrameDecoder decoder = new FrameDecoder(config);
            assertThatThrownBy(() -> chunks.forEach(chunk -> decoder.decode(chunk, handler)))
                    .isInstanceOfSatisfying(WebSocketProtocolException.class,
                            e -> assertThat(e.closeCode()).isEqualTo(closeCode));
            assertThat(handler.frames).isEmpty();
        }
    }
}
