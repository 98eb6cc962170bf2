package io.ringside.benchmarks.protocol;

import io.ringside.benchmarks.peers.PayloadDigest;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Two yardsticks for the small-frame path of a server-side decoder, on a byte array of whole masked
 * client binary frames (see {@link MaskedWire}):
 *
 * <ul>
 *   <li>{@link #walk}: the headers-only walk. Reads each header's length (7, 7+16 or 7+64 bits) and
 *       jumps over the mask key and the payload; no checks, payload not touched. Nothing that
 *       finds the frames can do less.</li>
 *   <li>{@link #decode}: a minimal reference decoder. The same walk, plus one check of the first two
 *       header bytes (final, binary, no RSV, masked), the mask key, the payload unmasked in place
 *       eight bytes at a time, and the payload handed over (frame count, byte count, last byte).
 *       No state across calls, so no frame may be split; no fragmentation, control frames or limits.</li>
 * </ul>
 */
final class ReferenceDecoder {
    private static final VarHandle LONGS_LE = view(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS_BE = view(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INTS_BE = view(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORTS_BE = view(short[].class, ByteOrder.BIG_ENDIAN);
    /** FIN, no RSV, binary opcode; MASK bit set. */
    private static final int FINAL_MASKED_BINARY = 0x8280;
    private static final int HEADER_CLASS = 0xFF80;
    private static final int LENGTH_16 = 126;
    private static final int LENGTH_64 = 127;

    private final PayloadDigest digest;
    long frames;
    long bytes;
    int lastByte;

    /** A decoder that only counts, or (setup only) also digests every unmasked payload. */
    ReferenceDecoder(PayloadDigest digest) {
        this.digest = digest;
    }

    /** The headers-only walk over {@code [from, to)}; returns the sum of the payload lengths. */
    static long walk(byte[] a, int from, int to) {
        long sum = 0;
        int p = from;
        while (p < to) {
            int length7 = a[p + 1] & 0x7F;
            long length;
            p += 2;
            if (length7 < LENGTH_16) {
                length = length7;
            } else if (length7 == LENGTH_16) {
                length = (short) SHORTS_BE.get(a, p) & 0xFFFF;
                p += 2;
            } else {
                length = (long) LONGS_BE.get(a, p);
                p += 8;
            }
            p += 4 + (int) length;
            sum += length;
        }
        return sum;
    }

    /** Decodes every frame in {@code [from, to)}, unmasking in place; returns frames decoded so far. */
    long decode(byte[] a, int from, int to) {
        int p = from;
        while (p < to) {
            int first = (short) SHORTS_BE.get(a, p) & 0xFFFF;
            if ((first & HEADER_CLASS) != FINAL_MASKED_BINARY) {
                throw new IllegalStateException("not a final masked binary frame at " + p);
            }
            int length7 = first & 0x7F;
            int length;
            p += 2;
            if (length7 < LENGTH_16) {
                length = length7;
            } else if (length7 == LENGTH_16) {
                length = (short) SHORTS_BE.get(a, p) & 0xFFFF;
                p += 2;
            } else {
                length = Math.toIntExact((long) LONGS_BE.get(a, p));
                p += 8;
            }
            int key = (int) INTS_BE.get(a, p);
            p += 4;
            if (length > to - p) {
                throw new IllegalStateException("frame split at " + p);
            }
            unmask(a, p, length, key);
            onBinary(a, p, length);
            p += length;
        }
        return frames;
    }

    private void onBinary(byte[] a, int offset, int length) {
        frames++;
        bytes += length;
        if (length > 0) {
            lastByte = a[offset + length - 1];
        }
        if (digest != null) {
            digest.add(a, offset, length);
        }
    }

    private static void unmask(byte[] a, int offset, int length, int key) {
        long m = Integer.reverseBytes(key) & 0xFFFF_FFFFL;
        long mask = m | (m << 32);
        int i = offset;
        int end = offset + length;
        for (int last = end - Long.BYTES; i <= last; i += Long.BYTES) {
            LONGS_LE.set(a, i, (long) LONGS_LE.get(a, i) ^ mask);
        }
        for (int shift = 0; i < end; i++, shift += 8) {
            a[i] ^= (byte) (mask >>> shift);
        }
    }

    private static VarHandle view(Class<?> arrayType, ByteOrder order) {
        return MethodHandles.byteArrayViewVarHandle(arrayType, order);
    }
}
