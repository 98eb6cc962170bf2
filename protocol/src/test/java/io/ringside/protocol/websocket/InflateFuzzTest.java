package io.ringside.protocol.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Set;

/**
 * Arbitrary bytes at arbitrary split points into a {@link MessageDecoder} that negotiated
 * permessage-deflate, with small limits: the only outcomes allowed are messages within the limit or
 * a {@link WebSocketProtocolException} with 1002, 1007 or 1009, and the decoder never holds more
 * than the limit, however far the data would inflate.
 *
 * <p>Input layout: byte 0 picks the role (bit 0), limits (bits 1-4) and whether the peer keeps its
 * context (bit 5), byte 1 seeds the split points, the rest is the wire. Without {@code JAZZER_FUZZ=1}
 * only the seeds in {@code InflateFuzzTestInputs} run.
 */
class InflateFuzzTest {
    private static final Set<Integer> ALLOWED_CODES =
            Set.of(CloseCode.PROTOCOL_ERROR, CloseCode.INVALID_PAYLOAD, CloseCode.MESSAGE_TOO_BIG);
    private static final int[] MESSAGE_LIMITS = {1, 16, 125, 4096};
    private static final long[] FRAME_LIMITS = {125, 126, 200, 65536};
    private static final int MAX_CONTROL_PAYLOAD = 125;
    private static final InflaterPool POOL = new InflaterPool(2);

    @FuzzTest(maxDuration = "30s")
    void shouldOnlyDeliverMessagesOrFailWithCloseCodeWhenCompressedBytesAreArbitrary(byte[] input) {
        if (input.length < 2) {
            return;
        }
        int flags = input[0] & 0xFF;
        DecoderConfig config = DecoderConfig.builder()
                .role((flags & 1) == 0 ? Role.SERVER : Role.CLIENT)
                .maxMessageBytes(MESSAGE_LIMITS[(flags >>> 1) & 3])
                .maxFramePayloadBytes(FRAME_LIMITS[(flags >>> 3) & 3])
                .build();
        byte[] wire = Arrays.copyOfRange(input, 2, input.length);
        RecordingMessageHandler handler = new RecordingMessageHandler();
        MessageDecoder decoder = new MessageDecoder(config, handler, POOL, (flags & 0x20) != 0);
        try {
            for (ByteBuffer chunk : Chunks.random(wire, input[1])) {
                decoder.decode(chunk);
                assertThat(decoder.bufferedBytes()).isLessThanOrEqualTo(config.maxMessageBytes() + MAX_CONTROL_PAYLOAD);
            }
        } catch (WebSocketProtocolException e) {
            assertThat(ALLOWED_CODES).contains(e.closeCode());
        }
        for (String event : handler.events) {
            if (event.startsWith("text:")) {
                assertThat(event.length() - "text:".length()).isLessThanOrEqualTo(config.maxMessageBytes());
            }
        }
    }
}
