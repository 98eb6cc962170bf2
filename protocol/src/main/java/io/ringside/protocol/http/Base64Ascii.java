package io.ringside.protocol.http;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The standard base64 alphabet with padding (RFC 4648 §4), encoded straight into a
 * {@link ByteBuffer} and checked in place, so the accept key path allocates nothing.
 */
final class Base64Ascii {
    /** Length of the base64 form of a 16-byte Sec-WebSocket-Key: 22 symbols and "==". */
    static final int KEY_LENGTH = 24;

    private static final byte[] ALPHABET =
            Ascii.bytes("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
    private static final byte[] VALUES = new byte[256];

    static {
        Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = (byte) i;
        }
    }

    private Base64Ascii() {
    }

    /** The number of bytes {@link #encode} writes for {@code length} input bytes. */
    static int encodedLength(int length) {
        return (length + 2) / 3 * 4;
    }

    /**
     * Writes the padded base64 form of {@code src[offset, offset + length)} at {@code dst}'s position
     * and advances it; throws {@link BufferOverflowException}, writing nothing, when it does not fit.
     */
    static void encode(byte[] src, int offset, int length, ByteBuffer dst) {
        int size = encodedLength(length);
        if (dst.remaining() < size) {
            throw new BufferOverflowException();
        }
        if (dst.hasArray()) {
            encode(src, offset, length, dst.array(), dst.arrayOffset() + dst.position());
            dst.position(dst.position() + size);
        } else {
            encodeInto(src, offset, length, dst);
        }
    }

    private static void encodeInto(byte[] src, int offset, int length, ByteBuffer dst) {
        int out = dst.position();
        int i = offset;
        int end = offset + length;
        for (; end - i >= 3; i += 3) {
            int bits = (src[i] & 0xFF) << 16 | (src[i + 1] & 0xFF) << 8 | (src[i + 2] & 0xFF);
            dst.put(out++, ALPHABET[bits >>> 18]);
            dst.put(out++, ALPHABET[(bits >>> 12) & 0x3F]);
            dst.put(out++, ALPHABET[(bits >>> 6) & 0x3F]);
            dst.put(out++, ALPHABET[bits & 0x3F]);
        }
        int left = end - i;
        if (left > 0) {
            int bits = (src[i] & 0xFF) << 16 | (left == 2 ? (src[i + 1] & 0xFF) << 8 : 0);
            dst.put(out++, ALPHABET[bits >>> 18]);
            dst.put(out++, ALPHABET[(bits >>> 12) & 0x3F]);
            dst.put(out++, left == 2 ? ALPHABET[(bits >>> 6) & 0x3F] : Ascii.EQUALS);
            dst.put(out++, Ascii.EQUALS);
        }
        dst.position(out);
    }

    /** Writes the padded base64 form of {@code src[offset, offset + length)} into {@code out} from {@code at}. */
    private static void encode(byte[] src, int offset, int length, byte[] out, int at) {
        int o = at;
        int i = offset;
        int end = offset + length;
        for (; end - i >= 3; i += 3) {
            int bits = (src[i] & 0xFF) << 16 | (src[i + 1] & 0xFF) << 8 | (src[i + 2] & 0xFF);
            out[o] = ALPHABET[bits >>> 18];
            out[o + 1] = ALPHABET[(bits >>> 12) & 0x3F];
            out[o + 2] = ALPHABET[(bits >>> 6) & 0x3F];
            out[o + 3] = ALPHABET[bits & 0x3F];
            o += 4;
        }
        int left = end - i;
        if (left > 0) {
            int bits = (src[i] & 0xFF) << 16 | (left == 2 ? (src[i + 1] & 0xFF) << 8 : 0);
            out[o] = ALPHABET[bits >>> 18];
            out[o + 1] = ALPHABET[(bits >>> 12) & 0x3F];
            out[o + 2] = left == 2 ? ALPHABET[(bits >>> 6) & 0x3F] : Ascii.EQUALS;
            out[o + 3] = Ascii.EQUALS;
        }
    }

    /**
     * Whether {@code bytes[start, end)} is the canonical base64 form of exactly 16 bytes (RFC 6455
     * §4.1 item 7): 22 alphabet symbols, the last carrying no stray bits, then "==".
     */
    static boolean isKeyOf16Bytes(byte[] bytes, int start, int end) {
        if (end - start != KEY_LENGTH || bytes[end - 1] != Ascii.EQUALS || bytes[end - 2] != Ascii.EQUALS) {
            return false;
        }
        int invalid = 0;
        for (int i = start; i < end - 2; i++) {
            invalid |= VALUES[bytes[i] & 0xFF];
        }
        if (invalid < 0) {
            return false;
        }
        // The 22nd symbol holds the last 2 data bits; its low 4 bits are padding and must be zero.
        return (VALUES[bytes[end - 3] & 0xFF] & 0x0F) == 0;
    }
}
