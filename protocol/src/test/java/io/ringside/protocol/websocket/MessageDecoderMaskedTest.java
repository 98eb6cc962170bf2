package io.ringside.protocol.websocket;

import static io.ringside.protocol.websocket.Chunks.bytes;
import static io.ringside.protocol.websocket.Chunks.concat;
import static io.ringside.protocol.websocket.Decoding.assertDecodesEitherWay;
import static io.ringside.protocol.websocket.Decoding.assertRejectsEitherWay;
import static io.ringside.protocol.websocket.Decoding.client;
import static io.ringside.protocol.websocket.Decoding.server;
import static io.ringside.protocol.websocket.RecordingMessageHandler.binary;
import static io.ringside.protocol.websocket.RecordingMessageHandler.text;
import static io.ringside.protocol.websocket.WireFrames.MASK_KEY;
import static io.ringside.protocol.websocket.WireFrames.closeBody;
import static io.ringside.protocol.websocket.WireFrames.filled;
import static io.ringside.protocol.websocket.WireFrames.masked;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The opt-in hand-over of whole single-frame binary messages still masked ({@link MaskedMessageHandler}). */
class MessageDecoderMaskedTest {
    /** RFC 6455 §5.7's masked "Hello", with the binary opcode instead of text. */
    private static final byte[] MASKED_BINARY_HELLO =
            bytes(0x82, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58);
    private static final byte[] HELLO = bytes(0x48, 0x65, 0x6c, 0x6c, 0x6f);

    @Test
    void shouldHandOverStillMaskedViewWithKeyWhenSingleBinaryFrameIsWholeInBuffer() {
        // given
        RecordingMaskedHandler handler = new RecordingMaskedHandler();
        MessageDecoder decoder = new MessageDecoder(server(), handler);
        ByteBuffer src = ByteBuffer.wrap(MASKED_BINARY_HELLO.clone());

        // when
        decoder.decode(src);

        // then: same buffer, untouched, and the key to unmask it
        assertThat(handler.recorder.events).containsExactly(binary(HELLO));
        assertThat(handler.recorder.buffers).containsExactly(src);
        assertThat(handler.maskKeys).containsExactly(0x37fa213d);
        assertThat(handler.offsets).containsExactly(6);
        assertThat(src.array()).isEqualTo(MASKED_BINARY_HELLO);
        assertThat(decoder.bufferedBytes()).isZero();
    }

    @Test
    void shouldDecodeRfcMaskedHelloToSameBytesWhenEveryWayAndSplit() {
        assertDecodesEitherWay(server(), MASKED_BINARY_HELLO, binary(HELLO));
        assertDecodesEitherWay(server(), bytes(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58),
                text("Hello"));
    }

    @Test
    void shouldDecodeLargeAndMixedMessagesToSameEventsWhenHandlerTakesMasked() {
        byte[] wire = concat(masked(0x82, filled(300)), masked(0x81, "text"), masked(0x89, "p"),
                masked(0x82, filled(70_000)), masked(0x82, new byte[0]), masked(0x88, closeBody(1000, new byte[0])));
        assertDecodesEitherWay(server(), wire, binary(filled(300)), text("text"), "ping:70", binary(filled(70_000)),
                binary(new byte[0]), "close:1000:");
    }

    @Test
    void shouldDeliverUnmaskedViaOnBinaryWhenMessageIsFragmented() {
        // given
        RecordingMaskedHandler handler = new RecordingMaskedHandler();
        MessageDecoder decoder = new MessageDecoder(server(), handler);
        byte[] wire = concat(masked(0x02, filled(10)), masked(0x89, "p"), masked(0x80, filled(5)));

        // when
        decoder.decode(ByteBuffer.wrap(wire));

        // then
        assertThat(handler.recorder.events).containsExactly("ping:70", binary(concat(filled(10), filled(5))));
        assertThat(handler.maskKeys).isEmpty();
    }

    @Test
    void shouldDeliverUnmaskedViaOnBinaryWhenPayloadIsSplitAcrossReads() {
        // given
        RecordingMaskedHandler handler = new RecordingMaskedHandler();
        MessageDecoder decoder = new MessageDecoder(server(), handler);
        byte[] wire = masked(0x82, filled(40));

        // when: the header and part of the payload, then the rest
        decoder.decode(ByteBuffer.wrap(Arrays.copyOfRange(wire, 0, 20)));
        decoder.decode(ByteBuffer.wrap(Arrays.copyOfRange(wire, 20, wire.length)));

        // then
        assertThat(handler.recorder.events).containsExactly(binary(filled(40)));
        assertThat(handler.maskKeys).isEmpty();
    }

    @Test
    void shouldHandOverMaskedWhenOnlyTheHeaderWasSplit() {
        // given
        RecordingMaskedHandler handler = new RecordingMaskedHandler();
        MessageDecoder decoder = new MessageDecoder(server(), handler);
        byte[] wire = masked(0x82, filled(40));

        // when: the payload still arrives in one read
        decoder.decode(ByteBuffer.wrap(Arrays.copyOfRange(wire, 0, 3)));
        decoder.decode(ByteBuffer.wrap(Arrays.copyOfRange(wire, 3, wire.length)));

        // then
        assertThat(handler.recorder.events).containsExactly(binary(filled(40)));
        assertThat(handler.maskKeys).containsExactly(MASK_KEY);
        assertThat(handler.offsets).containsExactly(3);
    }

    @Test
    void shouldHandOverWithKeyZeroWhenClientReceivesUnmaskedFrame() {
        // given
        RecordingMaskedHandler handler = new RecordingMaskedHandler();
        MessageDecoder decoder = new MessageDecoder(client(), handler);

        // when
        decoder.decode(ByteBuffer.wrap(concat(bytes(0x82, 0x05), HELLO)));

        // then
        assertThat(handler.recorder.events).containsExactly(binary(HELLO));
        assertThat(handler.maskKeys).containsExactly(0);
    }

    @Test
    void shouldKeepMessageLimitWhenHandlerTakesMasked() {
        DecoderConfig config = DecoderConfig.builder().maxMessageBytes(200).build();
        assertDecodesEitherWay(config, masked(0x82, filled(200)), binary(filled(200)));
        assertRejectsEitherWay(config, concat(masked(0x82, filled(3)), masked(0x82, filled(201))),
                CloseCode.MESSAGE_TOO_BIG, binary(filled(3)));
    }

    @Test
    void shouldKeepProtocolChecksWhenHandlerTakesMasked() {
        assertRejectsEitherWay(server(), concat(masked(0x82, "ok"), masked(0x80, "x")), CloseCode.PROTOCOL_ERROR,
                binary(bytes('o', 'k')));
        assertRejectsEitherWay(server(), concat(masked(0x02, "a"), masked(0x82, "b")), CloseCode.PROTOCOL_ERROR);
        assertRejectsEitherWay(server(), concat(masked(0x82, "a"), WireFrames.frame(0x82, HELLO, false)),
                CloseCode.PROTOCOL_ERROR, binary(bytes('a')));
    }
}
