package io.ringside.protocol.websocket;

import static io.ringside.protocol.websocket.Chunks.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageDeflaterTest {
    private static final ByteBuffer HELLO = ByteBuffer.wrap("Hello".getBytes(StandardCharsets.US_ASCII));

    private static byte[] deflate(MessageDeflater deflater, ByteBuffer src, int room) {
        byte[] out = new byte[room];
        int n = deflater.deflate(src, src.position(), src.remaining(), out, 0, room);
        return n < 0 ? null : Arrays.copyOf(out, n);
    }

    @Test
    void shouldWriteRfc7692HelloBytesWhenContextIsReset() {
        // given: §7.2.3.1
        MessageDeflater deflater = new MessageDeflater(6, false);

        // when
        byte[] first = deflate(deflater, HELLO, 64);
        byte[] second = deflate(deflater, HELLO, 64);

        // then
        assertThat(first).containsExactly(bytes(0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldReferBackToPreviousMessageWhenContextIsTakenOver() {
        // given: §7.2.3.2
        MessageDeflater deflater = new MessageDeflater(6, true);

        // when
        byte[] first = deflate(deflater, HELLO, 64);
        byte[] second = deflate(deflater, HELLO, 64);

        // then
        assertThat(first).containsExactly(bytes(0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00));
        assertThat(second).containsExactly(bytes(0xf2, 0x00, 0x11, 0x00, 0x00));
    }

    @Test
    void shouldWriteOneZeroByteWhenMessageIsEmpty() {
        // given: §7.2.3.6
        MessageDeflater deflater = new MessageDeflater(6, false);

        // when / then
        assertThat(deflate(deflater, ByteBuffer.allocate(0), 64)).containsExactly(0x00);
    }

    @Test
    void shouldReturnMinusOneAndStayUsableWhenOutputDoesNotFit() {
        // given: random bytes do not compress
        byte[] noise = new byte[1000];
        new Random(1).nextBytes(noise);
        MessageDeflater deflater = new MessageDeflater(6, false);

        // when
        byte[] tooSmall = deflate(deflater, ByteBuffer.wrap(noise), noise.length);
        byte[] hello = deflate(deflater, HELLO, 64);

        // then
        assertThat(tooSmall).isNull();
        assertThat(hello).containsExactly(bytes(0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00));
    }

    @Test
    void shouldRoundTripThroughDecoderWhenMessagesAreLargeAndContextIsTakenOver() {
        // given
        MessageDeflater deflater = new MessageDeflater(1, true);
        RecordingMessageHandler handler = new RecordingMessageHandler();
        MessageDecoder decoder = new MessageDecoder(DecoderConfig.builder().role(Role.CLIENT).build(), handler,
                new InflaterPool(1), true);
        String text = "state of the arena, tick after tick; ".repeat(3000);
        ByteBuffer src = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));

        // when
        for (int i = 0; i < 3; i++) {
            byte[] out = new byte[MessageDeflater.maxCompressedBytes(src.remaining())];
            int n = deflater.deflate(src, 0, src.remaining(), out, 0, out.length);
            decoder.decode(ByteBuffer.wrap(WireFrames.frame(0xC1, Arrays.copyOf(out, n), false)));
        }

        // then
        assertThat(handler.events).containsExactly("text:" + text, "text:" + text, "text:" + text);
    }
}
