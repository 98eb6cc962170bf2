package io.ringside.benchmarks.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The floor of frame decoding: XOR each payload with its mask key eight bytes at a time through a
 * little-endian {@code long} view, knowing in advance where every payload is. No header parsing,
 * no checks, no callbacks: just touching the payload bytes once.
 */
final class XorFloor {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private XorFloor() {
    }

    /** The key (first key byte in the high byte) as a little-endian long covering 8 payload bytes. */
    static long longMask(int maskKey) {
        long m = Integer.reverseBytes(maskKey) & 0xFFFF_FFFFL;
        return m | (m << 32);
    }

    /** Unmasks {@code [offset, offset + length)} of {@code a} in place, key phase 0 at {@code offset}. */
    static void unmaskInPlace(byte[] a, int offset, int length, int maskKey) {
        long mask = longMask(maskKey);
        int i = offset;
        int end = offset + length;
        for (int last = end - 8; i <= last; i += 8) {
            LONGS.set(a, i, (long) LONGS.get(a, i) ^ mask);
        }
        for (; i < end; i++) {
            a[i] ^= (byte) (mask >>> (8 * ((i - offset) & 7)));
        }
    }

    /**
     * Unmasks {@code [offset, offset + length)} of a (direct) buffer in place by bulk-copying chunks
     * into {@code scratch} (a multiple of 8 long), XORing there and bulk-copying back: an experiment
     * for direct receive buffers, whose per-long {@code getLong}/{@code putLong} loop C2 does not vectorise.
     */
    static void unmaskChunked(ByteBuffer buffer, int offset, int length, int maskKey, byte[] scratch) {
        for (int done = 0; done < length; done += scratch.length) {
            int n = Math.min(scratch.length, length - done);
            buffer.get(offset + done, scratch, 0, n);
            unmaskInPlace(scratch, 0, n, maskKey);
            buffer.put(offset + done, scratch, 0, n);
        }
    }

    /** Unmasks {@code length} bytes of {@code src} at {@code srcOffset} into {@code dst} at 0. */
    static void unmaskCopy(byte[] src, int srcOffset, int length, int maskKey, byte[] dst) {
        long mask = longMask(maskKey);
        int i = 0;
        for (int last = length - 8; i <= last; i += 8) {
            LONGS.set(dst, i, (long) LONGS.get(src, srcOffset + i) ^ mask);
        }
        for (; i < length; i++) {
            dst[i] = (byte) (src[srcOffset + i] ^ (mask >>> (8 * (i & 7))));
        }
    }
}
