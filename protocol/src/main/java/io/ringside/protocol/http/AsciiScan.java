package io.ringside.protocol.http;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Word-at-a-time searches over a request head: eight bytes per {@code long}, the bytes of interest
 * marked in each byte's high bit (SWAR) and the first one found with a trailing-zero count.
 *
 * <p>Every search takes the index {@code end} just past the bytes that have arrived and may read
 * whole words beyond it while they lie inside the array (the rest of the head buffer, whose content
 * does not matter): a mark found at or past {@code end} is not a hit. Within a word only the lowest
 * mark is exact (a borrow or carry can only mark bytes above a real hit), and only the lowest is
 * used. Near the end of the array the searches go on byte by byte.
 */
final class AsciiScan {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long SPACES = 0x2020202020202020L;
    private static final long BANGS = 0x2121212121212121L;
    private static final long LFS = 0x0A0A0A0A0A0A0A0AL;
    private static final byte DEL = 0x7F;

    private AsciiScan() {
    }

    /** The index of the first LF in {@code bytes[from, end)}, or {@code end} if there is none. */
    static int indexOfLf(byte[] bytes, int from, int end) {
        int i = from;
        int lastWord = bytes.length - Long.BYTES;
        for (; i < end && i <= lastWord; i += Long.BYTES) {
            long x = (long) LONGS.get(bytes, i) ^ LFS;
            long marks = (x - ONES) & ~x & HIGH_BITS;
            if (marks != 0) {
                return Math.min(end, i + (Long.numberOfTrailingZeros(marks) >>> 3));
            }
        }
        for (; i < end; i++) {
            if (bytes[i] == Ascii.LF) {
                return i;
            }
        }
        return end;
    }

    /**
     * The index of the first byte in {@code bytes[from, end)} that is not visible ASCII, that is
     * outside 0x21-0x7E (SP, CTLs, DEL and every byte from 0x80), or {@code end} if there is none:
     * the end of a request target.
     */
    static int indexOfNonVisible(byte[] bytes, int from, int end) {
        int i = from;
        int lastWord = bytes.length - Long.BYTES;
        for (; i < end && i <= lastWord; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            long marks = ((word - BANGS) | (word + ONES) | word) & HIGH_BITS;
            if (marks != 0) {
                return Math.min(end, i + (Long.numberOfTrailingZeros(marks) >>> 3));
            }
        }
        for (; i < end; i++) {
            int b = bytes[i] & 0xFF;
            if (b <= Ascii.SP || b >= DEL) {
                return i;
            }
        }
        return end;
    }

    /**
     * The index of the first byte in {@code bytes[from, end)} that is not printable ASCII, that is a
     * CTL (HTAB, CR and LF included), DEL or a byte from 0x80, or {@code end} if there is none: the
     * candidates for the end of a field value, which the caller looks at one by one (obs-text and
     * HTAB may appear in a value, RFC 9110 §5.5).
     */
    static int indexOfNonPrintable(byte[] bytes, int from, int end) {
        int i = from;
        int lastWord = bytes.length - Long.BYTES;
        for (; i < end && i <= lastWord; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            long marks = ((word - SPACES) | (word + ONES) | word) & HIGH_BITS;
            if (marks != 0) {
                return Math.min(end, i + (Long.numberOfTrailingZeros(marks) >>> 3));
            }
        }
        for (; i < end; i++) {
            int b = bytes[i] & 0xFF;
            if (b < Ascii.SP || b >= DEL) {
                return i;
            }
        }
        return end;
    }

    /** The little-endian word at {@code bytes[at, at + 8)}; the caller checks the bounds. */
    static long word(byte[] bytes, int at) {
        return (long) LONGS.get(bytes, at);
    }
}
