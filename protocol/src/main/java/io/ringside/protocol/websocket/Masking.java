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
    private static final VarHandle INTS =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());
    /** Payloads up to this long are unmasked in place without a loop (see {@link #xorWords}). */
    private static final int MAX_UNROLLED_BYTES = 128;
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
     * The mask for {@link #unmaskWhole} of a key read as a little-endian {@code int} (first key byte in
     * the low byte), as a decoder reading the header in that order gets it.
     */
    static long wordMaskOfLittleEndianKey(int key) {
        long mask = (key & 0xFFFF_FFFFL) * 0x1_0000_0001L;
        return NATIVE_BIG_ENDIAN ? Long.reverseBytes(mask) : mask;
    }

    /**
     * Unmasks a whole payload of any length in place, key at phase 0, with {@code mask} from
     * {@link #wordMaskOfLittleEndianKey}; a key of 0 changes nothing.
     */
    static void unmaskWhole(byte[] array, int offset, int length, long mask) {
        unmaskWords(array, offset, length, mask);
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
        unmaskWords(a, offset, length, orderedMask(key, NATIVE_BIG_ENDIAN));
    }

    /**
     * In place, with the native-order mask of the key at the phase. From eight bytes on there is no
     * byte-wise tail: the last eight bytes are read before anything else is written and written back
     * unmasked at the end, over the bytes already unmasked before them (the same values). Up to
     * {@link #MAX_UNROLLED_BYTES} the words before those last eight take no loop (see
     * {@link #xorWords}); beyond, a plain loop that the JIT vectorises.
     */
    private static void unmaskWords(byte[] a, int offset, int length, long mask) {
        if (length < Long.BYTES) {
            unmaskShort(a, offset, length, mask);
            return;
        }
        int last = offset + length - Long.BYTES;
        long tail = (long) LONGS.get(a, last);
        if (length <= 2 * Long.BYTES) {
            xorWord(a, offset, mask);
        } else if (length <= MAX_UNROLLED_BYTES) {
            xorWords(a, offset, (length - 1) >>> 3, mask);
        } else {
            for (int i = offset; i < last; i += Long.BYTES) {
                LONGS.set(a, i, (long) LONGS.get(a, i) ^ mask);
            }
        }
        LONGS.set(a, last, tail ^ shifted(mask, length));
    }

    /**
     * XORs {@code words} (0-15) eight-byte words from {@code i} in place, one test per bit of the count.
     * A short payload spends more in a loop's set-up (alignment, vector and remainder loops, each with
     * a trip count that changes with the payload's address) than in its few words.
     */
    private static void xorWords(byte[] a, int from, int words, long mask) {
        int i = from;
        if ((words & 8) != 0) {
            xorWord(a, i, mask);
            xorWord(a, i + 8, mask);
            xorWord(a, i + 16, mask);
            xorWord(a, i + 24, mask);
            xorWord(a, i + 32, mask);
            xorWord(a, i + 40, mask);
            xorWord(a, i + 48, mask);
            xorWord(a, i + 56, mask);
            i += 64;
        }
        if ((words & 4) != 0) {
            xorWord(a, i, mask);
            xorWord(a, i + 8, mask);
            xorWord(a, i + 16, mask);
            xorWord(a, i + 24, mask);
            i += 32;
        }
        if ((words & 2) != 0) {
            xorWord(a, i, mask);
            xorWord(a, i + 8, mask);
            i += 16;
        }
        if ((words & 1) != 0) {
            xorWord(a, i, mask);
        }
    }

    private static void xorWord(byte[] a, int i, long mask) {
        LONGS.set(a, i, (long) LONGS.get(a, i) ^ mask);
    }

    /** Fewer than eight bytes in place: four at once, then one by one (phase 0 again after four). */
    private static void unmaskShort(byte[] a, int offset, int length, long mask) {
        int i = offset;
        if ((length & Integer.BYTES) != 0) {
            // any four consecutive bytes of the mask are the key in order, whatever the byte order
            INTS.set(a, i, (int) INTS.get(a, i) ^ (int) mask);
            i += Integer.BYTES;
        }
        long keyBytes = littleEndian(mask);
        for (int end = offset + length; i < end; i++, keyBytes >>>= 8) {
            a[i] ^= (byte) keyBytes;
        }
    }

    /** Copying, key already rotated to the phase; the last eight bytes as one word, as in {@link #unmask}. */
    private static void copy(byte[] src, int srcOffset, byte[] dst, int dstOffset, int length, int key) {
        long mask = orderedMask(key, NATIVE_BIG_ENDIAN);
        if (length < Long.BYTES) {
            copyShort(src, srcOffset, dst, dstOffset, length, mask);
            return;
        }
        int last = length - Long.BYTES;
        for (int i = 0; i < last; i += Long.BYTES) {
            LONGS.set(dst, dstOffset + i, (long) LONGS.get(src, srcOffset + i) ^ mask);
        }
        LONGS.set(dst, dstOffset + last, (long) LONGS.get(src, srcOffset + last) ^ shifted(mask, length));
    }

    private static void copyShort(byte[] src, int srcOffset, byte[] dst, int dstOffset, int length, long mask) {
        int i = 0;
        if ((length & Integer.BYTES) != 0) {
            INTS.set(dst, dstOffset, (int) INTS.get(src, srcOffset) ^ (int) mask);
            i = Integer.BYTES;
        }
        for (long keyBytes = littleEndian(mask); i < length; i++, keyBytes >>>= 8) {
            dst[dstOffset + i] = (byte) (src[srcOffset + i] ^ keyBytes);
        }
    }

    /** A native-order mask with the key byte for the first payload byte in its low byte. */
    private static long littleEndian(long mask) {
        return NATIVE_BIG_ENDIAN ? Long.reverseBytes(mask) : mask;
    }

    /**
     * {@code mask} for the last eight of {@code length} bytes, which start at key index
     * {@code (length - 8) & 3 == length & 3}: the key bytes moved that many places towards the start.
     */
    private static long shifted(long mask, int length) {
        int bits = (length & 3) << 3;
        return NATIVE_BIG_ENDIAN ? Long.rotateLeft(mask, bits) : Long.rotateRight(mask, bits);
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
