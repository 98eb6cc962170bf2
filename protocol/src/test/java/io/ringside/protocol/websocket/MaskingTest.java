package io.ringside.protocol.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MaskingTest {
    private static final int KEY = 0x37FA213D;
    private static final int OFFSET = 3;
    /** Past every length branch: under eight, up to sixteen, the unrolled words up to 128, the loop beyond. */
    private static final int MAX_LENGTH = 300;

    @Test
    void shouldMatchReferenceWhenUnmaskingHeapArrayInPlace() {
        for (int phase = 0; phase < 4; phase++) {
            for (int length = 0; length <= MAX_LENGTH; length++) {
                byte[] data = random(length + 2 * OFFSET, length);

                Masking.unmask(data, OFFSET, length, KEY, phase);

                assertThat(data).isEqualTo(reference(random(length + 2 * OFFSET, length), OFFSET, length, phase));
            }
        }
    }

    @Test
    void shouldMatchReferenceWhenUnmaskingBufferInPlace() {
        for (BufferKind kind : BufferKind.values()) {
            for (int phase = 0; phase < 4; phase++) {
                for (int length = 0; length <= MAX_LENGTH; length++) {
                    byte[] original = random(length + 2 * OFFSET, length);
                    ByteBuffer buffer = kind.wrap(original);

                    Masking.unmask(buffer, OFFSET, length, KEY, phase);

                    assertThat(contents(buffer)).isEqualTo(reference(original, OFFSET, length, phase));
                    assertThat(buffer.position()).isZero();
                }
            }
        }
    }

    @Test
    void shouldMatchReferenceWhenUnmaskingWhileCopyingToArray() {
        for (BufferKind kind : BufferKind.values()) {
            for (int phase = 0; phase < 4; phase++) {
                for (int length = 0; length <= MAX_LENGTH; length++) {
                    byte[] original = random(length + 2 * OFFSET, length);
                    ByteBuffer src = kind.wrap(original);
                    byte[] dst = new byte[length + 1];

                    Masking.unmaskCopy(src, OFFSET, dst, 1, length, KEY, phase);

                    byte[] expected = new byte[length + 1];
                    System.arraycopy(reference(original, OFFSET, length, phase), OFFSET, expected, 1, length);
                    assertThat(dst).isEqualTo(expected);
                    assertThat(contents(src)).isEqualTo(original);
                }
            }
        }
    }

    @Test
    void shouldCopyBytesUnchangedWhenKeyIsZero() {
        for (BufferKind kind : BufferKind.values()) {
            // given
            byte[] original = random(MAX_LENGTH + 2 * OFFSET, MAX_LENGTH);
            ByteBuffer src = kind.wrap(original);
            byte[] dst = new byte[MAX_LENGTH];

            // when
            Masking.unmaskCopy(src, OFFSET, dst, 0, MAX_LENGTH - 1, 0, 2);

            // then
            byte[] expected = new byte[MAX_LENGTH];
            System.arraycopy(original, OFFSET, expected, 0, MAX_LENGTH - 1);
            assertThat(dst).isEqualTo(expected);
            assertThat(src.position()).isZero();
        }
    }

    @Test
    void shouldMatchReferenceWhenUnmaskingWhileCopyingBetweenBuffers() {
        for (BufferKind srcKind : BufferKind.values()) {
            for (BufferKind dstKind : BufferKind.values()) {
                for (int phase = 0; phase < 4; phase++) {
                    for (int length = 0; length <= MAX_LENGTH; length++) {
                        byte[] original = random(length + 2 * OFFSET, length);
                        ByteBuffer dst = dstKind.wrap(new byte[length + 2]);

                        Masking.unmaskCopy(srcKind.wrap(original), OFFSET, dst, 2, length, KEY, phase);

                        byte[] expected = new byte[length + 2];
                        System.arraycopy(reference(original, OFFSET, length, phase), OFFSET, expected, 2, length);
                        assertThat(contents(dst)).as("%s->%s", srcKind, dstKind).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void shouldMatchReferenceWhenUnmaskingWholePayloadWithKeyReadLittleEndian() {
        int littleEndianKey = Integer.reverseBytes(KEY);
        for (int length = 0; length <= MAX_LENGTH; length++) {
            // given
            byte[] data = random(length + 2 * OFFSET, length);

            // when
            Masking.unmaskWhole(data, OFFSET, length, Masking.wordMaskOfLittleEndianKey(littleEndianKey));

            // then
            assertThat(data).as("length %d", length)
                    .isEqualTo(reference(random(length + 2 * OFFSET, length), OFFSET, length, 0));
        }
    }

    @Test
    void shouldUnmaskWholePayloadWhenSplitIntoChunksAtAnyPoint() {
        // given
        byte[] original = random(64, 1);
        byte[] expected = reference(original, 0, 64, 0);

        for (int split = 0; split <= 64; split++) {
            byte[] data = original.clone();

            // when
            Masking.unmask(data, 0, split, KEY, 0);
            Masking.unmask(data, split, 64 - split, KEY, split & 3);

            // then
            assertThat(data).isEqualTo(expected);
        }
    }

    private enum BufferKind {
        HEAP, HEAP_LITTLE, DIRECT, DIRECT_LITTLE;

        ByteBuffer wrap(byte[] bytes) {
            ByteBuffer b = this == HEAP || this == HEAP_LITTLE ? ByteBuffer.wrap(bytes.clone())
                    : ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
            return b.order(this == HEAP || this == DIRECT ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        }
    }

    private static byte[] reference(byte[] data, int offset, int length, int phase) {
        byte[] out = data.clone();
        for (int i = 0; i < length; i++) {
            int keyByte = KEY >>> (24 - 8 * ((phase + i) & 3));
            out[offset + i] = (byte) (data[offset + i] ^ keyByte);
        }
        return out;
    }

    private static byte[] contents(ByteBuffer buffer) {
        byte[] b = new byte[buffer.capacity()];
        buffer.get(0, b);
        return b;
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }
}
