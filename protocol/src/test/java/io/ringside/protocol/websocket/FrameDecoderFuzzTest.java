package io.ringside.protocol.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Arbitrary bytes at arbitrary split points into a {@link MessageDecoder} with small limits: the only
 * outcomes allowed are well-formed messages or a {@link WebSocketProtocolException} with 1002, 1007 or 1009.
 *
 * <p>Input layout: byte 0 picks the role (bit 0), limits (bits 1-4) and whether the handler takes
 * binary messages still masked ({@link MaskedMessageHandler}, bit 5), byte 1 seeds the split points,
 * the rest is the wire. Without {@code JAZZER_FUZZ=1} only the seeds in {@code FrameDecoderFuzzTestInputs} run.
 */
class FrameDecoderFuzzTest {
    private static final Set<Integer> ALLOWED_CODES =
            Set.of(CloseCode.PROTOCOL_ERROR, CloseCode.INVALID_PAYLOAD, CloseCode.MESSAGE_TOO_BIG);
    private static final int[] MESSAGE_LIMITS = {1, 16, 125, 300};
    private static final long[] FRAME_LIMITS = {125, 126, 200, 65536};
    private static final int MAX_CONTROL_PAYLOAD = 125;

    @FuzzTest(maxDuration = "30s")
    void shouldOnlyDeliverMessagesOrFailWithCloseCodeWhenBytesAreArbitrary(byte[] input) {
        if (input.length < 2) {
            return;
        }
        int flags = input[0] & 0xFF;
        DecoderConfig config = config(flags);
        byte[] wire = Arrays.copyOfRange(input, 2, input.length);
        CheckingHandler handler = (flags & 0x20) == 0 ? new CheckingHandler(config.maxMessageBytes())
                : new MaskedCheckingHandler(config.maxMessageBytes());
        MessageDecoder decoder = new MessageDecoder(config, handler);
        try {
            for (ByteBuffer chunk : Chunks.random(wire, input[1])) {
                decoder.decode(chunk);
                assertThat(decoder.bufferedBytes()).isLessThanOrEqualTo(config.maxMessageBytes() + MAX_CONTROL_PAYLOAD);
            }
        } catch (WebSocketProtocolException e) {
            assertThat(ALLOWED_CODES).contains(e.closeCode());
        }
    }

    /**
     * The small-message path ({@link SingleFrameMessages}, heap buffers only) must not change what is
     * decoded: the same bytes, split the same way, give the same messages and the same close code in a
     * heap buffer and in a direct one (which only the frame and message layers decode).
     */
    @FuzzTest(maxDuration = "30s")
    void shouldDecodeHeapAndDirectBuffersAlikeWhenBytesAreArbitrary(byte[] input) {
        if (input.length < 2) {
            return;
        }
        int flags = input[0] & 0xFF;
        DecoderConfig config = config(flags);
        byte[] wire = Arrays.copyOfRange(input, 2, input.length);
        List<ByteBuffer> heap = Chunks.random(wire, input[1]);
        List<ByteBuffer> direct = new ArrayList<>();
        for (ByteBuffer chunk : heap) {
            direct.add(ByteBuffer.allocateDirect(chunk.remaining()).put(chunk.duplicate()).flip());
        }
        boolean masked = (flags & 0x20) != 0;
        Decoding.Outcome fromDirect = masked ? Decoding.runMasked(config, direct) : Decoding.run(config, direct);
        Decoding.Outcome fromHeap = masked ? Decoding.runMasked(config, heap) : Decoding.run(config, heap);
        assertThat(fromHeap).isEqualTo(fromDirect);
    }

    /** Also takes binary messages masked: checks the view's bounds and unmasks it while copying. */
    private static final class MaskedCheckingHandler extends CheckingHandler implements MaskedMessageHandler {
        private final byte[] copy;

        MaskedCheckingHandler(int maxMessageBytes) {
            super(maxMessageBytes);
            this.copy = new byte[maxMessageBytes];
        }

        @Override
        public void onMaskedBinary(ByteBuffer buffer, int offset, int length, int maskKey) {
            onBinary(buffer, offset, length);
            Masking.unmaskCopy(buffer, offset, copy, 0, length, maskKey, 0);
        }
    }

    /** Checks every delivery against the contract of {@link MessageHandler}. */
    private static class CheckingHandler implements MessageHandler {
        private final int maxMessageBytes;
        private boolean closed;

        CheckingHandler(int maxMessageBytes) {
            this.maxMessageBytes = maxMessageBytes;
        }

        @Override
        public void onText(ByteBuffer buffer, int offset, int length) {
            onBinary(buffer, offset, length);
            assertThat(isUtf8(buffer, offset, length)).isTrue();
        }

        @Override
        public void onBinary(ByteBuffer buffer, int offset, int length) {
            assertThat(closed).isFalse();
            assertThat(length).isBetween(0, maxMessageBytes);
            assertThat(offset + length).isLessThanOrEqualTo(buffer.capacity());
        }

        @Override
        public void onPing(ByteBuffer buffer, int offset, int length) {
            assertThat(closed).isFalse();
            assertThat(length).isBetween(0, MAX_CONTROL_PAYLOAD);
        }

        @Override
        public void onPong(ByteBuffer buffer, int offset, int length) {
            onPing(buffer, offset, length);
        }

        @Override
        public void onClose(int code, ByteBuffer buffer, int reasonOffset, int reasonLength) {
            assertThat(closed).isFalse();
            closed = true;
            assertThat(CloseCode.isValidOnWire(code) || code == CloseCode.NO_STATUS_RECEIVED).isTrue();
            assertThat(reasonLength).isBetween(0, MAX_CONTROL_PAYLOAD - 2);
            assertThat(isUtf8(buffer, reasonOffset, reasonLength)).isTrue();
        }

        private static boolean isUtf8(ByteBuffer buffer, int offset, int length) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(buffer.duplicate().limit(offset + length).position(offset));
                return true;
            } catch (CharacterCodingException e) {
                return false;
            }
        }
    }

    /** The role (bit 0), message limit (bits 1-2) and frame limit (bits 3-4) that {@code flags} pick. */
    private static DecoderConfig config(int flags) {
        return DecoderConfig.builder()
                .role((flags & 1) == 0 ? Role.SERVER : Role.CLIENT)
                .maxMessageBytes(MESSAGE_LIMITS[(flags >>> 1) & 3])
                .maxFramePayloadBytes(FRAME_LIMITS[(flags >>> 3) & 3])
                .build();
    }
}
