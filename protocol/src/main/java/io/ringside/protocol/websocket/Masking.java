package io.ringside.protocol.websocket;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * XORs payload bytes with a 4-byte masking key (RFC 6455 §5.3), eight bytes at a time with a
 * {@code long} mask; masking and unmasking are the same operation.
 *
 * <p>Stateless and thread-safe. Every method uses absolute indices and leaves buffer positions and
 * limits unchanged. The key is a big-endian {@code int} (first key byte in the high byte), as
 * {@link FrameHandler#onFrameStart} reports it. {@code phase} (0-3) is the index into the key of
 * the first byte, i.e. the chunk's payload offset {@code & 3}, so a payload split anywhere unmasks
 * correctly chunk by chunk. Heap buffers are processed through their backing array with a
 * native-order {@code long} view; direct buffers with absolute {@code getLong/putLong}.
 */
public final class Masking {
    // The byte-wise tail loops count their shift down from 24 past zero: Java takes shift distances
    // modulo 32, so -8 acts as 24 and the key repeats without a modulo.
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final boolean NATIVE_BIG_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;

    private Masking() {
    }

    /**
     * Unmasks (or masks) {@code length} bytes of {@code buffer} from {@code offset} in place.
     *
     * @param phase index into the key of the byte at {@code offset} (0-3)
     */
    public static void unmask(ByteBuffer buffer, int offset, int length, int maskKey, int phase) {
        if (length == 0 || maskKey == 0) {
            return;
        }
        int key = Integer.rotateLeft(maskKey, (phase & 3) << 3);
        if (buffer.hasArray()) {
            unmask(buffer.array(), buffer.arrayOffset() + offset, length, key);
            return;
        }
        long mask = orderedMask(key, buffer.order() == ByteOrder.BIG_ENDIAN);
        int i = offset;
        int wideEnd = offset + (length & ~7);
        for (; i < wideEnd; i += Long.BYTES) {
            buffer.putLong(i, buffer.getLong(i) ^ mask);
        }
        int end = offset + length;
        for (int shift = 24; i < end; i++, shift -= 8) {
            buffer.put(i, (byte) (buffer.get(i) ^ (key >>> shift)));
        }
    }

    /**
     * Unmasks (or masks) {@code length} bytes of {@code array} from {@code offset} in place.
     *
     * @param phase index into the key of the byte at {@code offset} (0-3)
     */
    public static void unmask(byte[] array, int offset, int length, int maskKey, int phase) {
        if (length > 0 && maskKey != 0) {
            unmask(array, offset, length, Integer.rotateLeft(maskKey, (phase & 3) << 3));
        }
    }

    /**
     * Copies {@code length} bytes from {@code src} at {@code srcOffset} to {@code dst} at
     * {@code dstOffset}, unmasking (or masking) them on the way; {@code src} is not modified. With a
     * {@code maskKey} of 0 (an unmasked frame) it is a plain bulk copy.
     *
     * @param phase index into the key of the byte at {@code srcOffset} (0-3)
     */
    public static void unmaskCopy(ByteBuffer src, int srcOffset, byte[] dst, int dstOffset, int length,
                                  int maskKey, int phase) {
        if (length == 0) {
            return;
        }
        if (maskKey == 0) {
            src.get(srcOffset, dst, dstOffset, length);
            return;
        }
        int key = Integer.rotateLeft(maskKey, (phase & 3) << 3);
        if (src.hasArray()) {
            copy(src.array(), src.arrayOffset() + srcOffset, dst, dstOffset, length, key);
            return;
        }
        long mask = orderedMask(key, NATIVE_BIG_ENDIAN);
        boolean swap = src.order() != ByteOrder.nativeOrder();
        int wide = length & ~7;
        for (int i = 0; i < wide; i += Long.BYTES) {
            long v = src.getLong(srcOffset + i);
            LONGS.set(dst, dstOffset + i, (swap ? Long.reverseBytes(v) : v) ^ mask);
        }
        for (int i = wide, shift = 24; i < length; i++, shift -= 8) {
            dst[dstOffset + i] = (byte) (src.get(srcOffset + i) ^ (key >>> shift));
        }
    }

    /**
     * Copies {@code length} bytes from {@code src} at {@code srcOffset} to {@code dst} at
     * {@code dstOffset}, unmasking (or masking) them on the way; {@code src} is not modified.
     *
     * @param phase index into the key of the byte at {@code srcOffset} (0-3)
     */
    public static void unmaskCopy(ByteBuffer src, int srcOffset, ByteBuffer dst, int dstOffset, int length,
                                  int maskKey, int phase) {
        if (length == 0) {
            return;
        }
        if (dst.hasArray()) {
            unmaskCopy(src, srcOffset, dst.array(), dst.arrayOffset() + dstOffset, length, maskKey, phase);
            return;
        }
        int key = Integer.rotateLeft(maskKey, (phase & 3) << 3);
        long srcMask = orderedMask(key, src.order() == ByteOrder.BIG_ENDIAN);
        boolean swap = src.order() != dst.order();
        int wide = length & ~7;
        for (int i = 0; i < wide; i += Long.BYTES) {
            long v = src.getLong(srcOffset + i) ^ srcMask;
            dst.putLong(dstOffset + i, swap ? Long.reverseBytes(v) : v);
        }
        for (int i = wide, shift = 24; i < length; i++, shift -= 8) {
            dst.put(dstOffset + i, (byte) (src.get(srcOffset + i) ^ (key >>> shift)));
        }
    }

    private static void unmask(byte[] a, int offset, int length, int key) {
        long mask = orderedMask(key, NATIVE_BIG_ENDIAN);
        int i = offset;
        int wideEnd = offset + (length & ~7);
        for (; i < wideEnd; i += Long.BYTES) {
            LONGS.set(a, i, (long) LONGS.get(a, i) ^ mask);
        }
        int end = offset + length;
        for (int shift = 24; i < end; i++, shift -= 8) {
            a[i] ^= (byte) (key >>> shift);
        }
    }

    private static void copy(byte[] src, int srcOffset, byte[] dst, int dstOffset, int length, int key) {
        long mask = orderedMask(key, NATIVE_BIG_ENDIAN);
        int wide = length & ~7;
        for (int i = 0; i < wide; i += Long.BYTES) {
            LONGS.set(dst, dstOffset + i, (long) LONGS.get(src, srcOffset + i) ^ mask);
        }
        for (int i = wide, shift = 24; i < length; i++, shift -= 8) {
            dst[dstOffset + i] = (byte) (src[srcOffset + i] ^ (key >>> shift));
        }
    }

    /**
     * The key (already rotated to the phase) repeated twice, laid out so that XOR with a long read
     * in the given byte order masks byte {@code i} with key byte {@code i & 3}.
     */
    private static long orderedMask(int key, boolean bigEndian) {
        long mask = ((long) key << 32) | (key & 0xFFFF_FFFFL);
        return bigEndian ? mask : Long.reverseBytes(mask);
    }
}
