package io.ringside.protocol.websocket;

import static io.ringside.protocol.websocket.Chunks.bytes;
import static io.ringside.protocol.websocket.Chunks.concat;
import static io.ringside.protocol.websocket.RecordingMessageHandler.binary;
import static io.ringside.protocol.websocket.RecordingMessageHandler.text;
import static io.ringside.protocol.websocket.WireFrames.filled;
import static io.ringside.protocol.websocket.WireFrames.frame;
import static io.ringside.protocol.websocket.WireFrames.masked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SingleFrameMessagesTest {
    private final RecordingMessageHandler handler = new RecordingMessageHandler();
    private final SingleFrameMessages server = new SingleFrameMessages(DecoderConfig.defaults(), handler);

    @Test
    void shouldDeliverRunOfWholeMessagesAsUnmaskedViewsWhenServer() {
        // given
        byte[] wire = concat(masked(0x82, bytes(1, 2, 3)), masked(0x81, "Hi"), masked(0x82, filled(300)));
        ByteBuffer src = ByteBuffer.wrap(wire);

        // when
        int stop = server.decode(src, 0, wire.length);

        // then
        assertThat(stop).isEqualTo(wire.length);
        assertThat(handler.events).containsExactly(binary(bytes(1, 2, 3)), text("Hi"), binary(filled(300)));
        assertThat(handler.buffers).containsOnly(src);
        assertThat(wire[6]).isEqualTo((byte) 1);
    }

    @Test
    void shouldStopUntouchedAtFirstFrameForTheGeneralPath() {
        byte[] first = masked(0x82, bytes(9));
        byte[][] others = {
            masked(0x02, "fragment"),
            masked(0x89, "ping"),
            masked(0xC2, "compressed"),
            masked(0x82, new byte[0]),
            masked(0x82, filled(65536)),
            frame(0x82, bytes(1), false),
            bytes(0x82, 0xFE, 0x00, 0x7D, 1, 2, 3, 4),
        };
        for (byte[] other : others) {
            // given
            RecordingMessageHandler recorder = new RecordingMessageHandler();
            SingleFrameMessages messages = new SingleFrameMessages(DecoderConfig.defaults(), recorder);
            byte[] wire = concat(first, other);

            // when
            int stop = messages.decode(ByteBuffer.wrap(wire), 0, wire.length);

            // then
            assertThat(stop).isEqualTo(first.length);
            assertThat(recorder.events).containsExactly(binary(bytes(9)));
            assertThat(wire).isEqualTo(concat(Arrays.copyOf(wire, first.length), other));
        }
    }

    @Test
    void shouldStopBeforeFrameCutByEndOfBuffer() {
        // given
        byte[] whole = masked(0x82, filled(200));
        byte[] wire = concat(whole, whole);

        // when
        int stop = server.decode(ByteBuffer.wrap(wire), 0, wire.length - 1);

        // then
        assertThat(stop).isEqualTo(whole.length);
        assertThat(handler.events).containsExactly(binary(filled(200)));
    }

    @Test
    void shouldLeaveWholeFrameWithOverlongLengthToGeneralPathWhichRejectsIt() {
        // given: 125 written in the 16-bit form, which RFC 6455 §5.2 forbids (minimal encoding)
        byte[] overlong = concat(bytes(0x82, 0xFE, 0x00, 0x7D, 0, 0, 0, 0), new byte[125]);
        byte[] wire = concat(masked(0x82, bytes(9)), overlong);

        // when
        int stop = server.decode(ByteBuffer.wrap(wire.clone()), 0, wire.length);

        // then
        assertThat(stop).isEqualTo(wire.length - overlong.length);
        Decoding.assertRejects(DecoderConfig.defaults(), wire, CloseCode.PROTOCOL_ERROR, binary(bytes(9)));
    }

    @Test
    void shouldLeaveMessageOverLimitToGeneralPath() {
        // given
        DecoderConfig config = DecoderConfig.builder().maxMessageBytes(4).build();
        SingleFrameMessages messages = new SingleFrameMessages(config, handler);
        byte[] wire = concat(masked(0x82, bytes(1, 2, 3, 4)), masked(0x82, bytes(1, 2, 3, 4, 5)));

        // when
        int stop = messages.decode(ByteBuffer.wrap(wire), 0, wire.length);

        // then
        assertThat(stop).isEqualTo(10);
        assertThat(handler.events).containsExactly(binary(bytes(1, 2, 3, 4)));
    }

    @Test
    void shouldTakeUnmaskedFramesWhenClient() {
        // given
        DecoderConfig config = DecoderConfig.builder().role(Role.CLIENT).build();
        SingleFrameMessages messages = new SingleFrameMessages(config, handler);
        byte[] wire = concat(frame(0x81, WireFrames.utf8("Hello"), false), masked(0x82, bytes(1)));

        // when
        int stop = messages.decode(ByteBuffer.wrap(wire), 0, wire.length);

        // then
        assertThat(stop).isEqualTo(7);
        assertThat(handler.events).containsExactly(text("Hello"));
    }

    @Test
    void shouldHandBinaryStillMaskedToMaskedHandler() {
        // given
        RecordingMaskedHandler masked = new RecordingMaskedHandler();
        SingleFrameMessages messages = new SingleFrameMessages(DecoderConfig.defaults(), masked);
        byte[] wire = masked(0x82, bytes(1, 2, 3));
        byte[] before = wire.clone();

        // when
        messages.decode(ByteBuffer.wrap(wire), 0, wire.length);

        // then
        assertThat(masked.recorder.events).containsExactly(binary(bytes(1, 2, 3)));
        assertThat(masked.maskKeys).containsExactly(WireFrames.MASK_KEY);
        assertThat(masked.offsets).containsExactly(6);
        assertThat(wire).isEqualTo(before);
    }

    @Test
    void shouldRejectTextThatIsNotUtf8WithInvalidPayload() {
        byte[] bad = masked(0x81, bytes(0xC3, 0x28));
        byte[] open = masked(0x81, bytes(0xE2, 0x82));

        assertThatThrownBy(() -> server.decode(ByteBuffer.wrap(bad), 0, bad.length))
                .isInstanceOf(WebSocketProtocolException.class)
                .hasMessage("invalid UTF-8 in text message")
                .extracting(e -> ((WebSocketProtocolException) e).closeCode()).isEqualTo(CloseCode.INVALID_PAYLOAD);
        assertThatThrownBy(() -> server.decode(ByteBuffer.wrap(open), 0, open.length))
                .isInstanceOf(WebSocketProtocolException.class)
                .hasMessage("text message ends inside a UTF-8 sequence");
    }

    @Test
    void shouldReadFromArrayOffsetAndPositionOfSlicedBuffer() {
        // given
        byte[] frameBytes = masked(0x82, bytes(5, 6));
        byte[] backing = concat(bytes(0, 0, 0), frameBytes);
        ByteBuffer slice = ByteBuffer.wrap(backing, 3, frameBytes.length).slice();

        // when
        int stop = server.decode(slice, 0, frameBytes.length);

        // then
        assertThat(stop).isEqualTo(frameBytes.length);
        assertThat(handler.events).containsExactly(binary(bytes(5, 6)));
    }
}
