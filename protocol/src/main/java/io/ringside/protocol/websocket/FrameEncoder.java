package io.ringside.protocol.websocket;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes RFC 6455 frames (§5.2): unmasked for a server, masked with a fresh key per frame for a
 * client (§5.3).
 *
 * <p>One per connection, used by one thread (a client encoder owns a key source). Nothing is
 * written when {@code dst} lacks room: the methods check first and throw
 * {@link BufferOverflowException}. Client masking keys are four bytes each straight from a
 * per-encoder {@link java.security.SecureRandom}, drawn 64 keys per refill (§10.3).
 */
public final class FrameEncoder {
    /** The largest frame header: 2 + 8 length bytes + 4 mask bytes. */
    public static final int MAX_HEADER_BYTES = 14;

    private static final int FIN = 0x80;
    private static final int MASK = 0x80;
    private static final int LENGTH_16 = 126;
    private static final int LENGTH_64 = 127;
    private static final int MAX_LENGTH_7 = 125;
    private static final int MAX_LENGTH_16 = 0xFFFF;
    private static final int MAX_CLOSE_REASON_BYTES = 123;

    private final MaskKeySource keys;

    /** An encoder for frames sent by {@code role}. */
    public FrameEncoder(Role role) {
        this.keys = role == Role.CLIENT ? new MaskKeySource() : null;
    }

    /** The header length for a payload of {@code payloadLength} bytes, masked or not. */
    public static int headerLength(long payloadLength, boolean masked) {
        if (payloadLength < 0) {
            throw new IllegalArgumentException("payloadLength=" + payloadLength);
        }
        int length = payloadLength <= MAX_LENGTH_7 ? 2 : payloadLength <= MAX_LENGTH_16 ? 4 : 10;
        return masked ? length + 4 : length;
    }

    /** Whether this encoder masks its frames (a client's does). */
    public boolean masks() {
        return keys != null;
    }

    /**
     * Writes only a frame header at {@code dst}'s position, advancing it, for a payload of
     * {@code payloadLength} bytes that the caller sends separately (a gathering write of header and
     * a shared payload buffer). A client must mask that payload with the returned key, phase 0
     * ({@link Masking#unmaskCopy}); a server's frames are unmasked.
     *
     * @return the masking key written (big-endian int), or 0 for a server encoder
     * @throws IllegalArgumentException for an undefined opcode, or a fragmented or over-125-byte control frame
     */
    public int writeHeader(ByteBuffer dst, boolean fin, int opcode, long payloadLength) {
        checkFrame(fin, opcode, payloadLength);
        int length = headerLength(payloadLength, keys != null);
        if (dst.remaining() < length) {
            throw new BufferOverflowException();
        }
        int key = keys == null ? 0 : keys.nextKey();
        putHeader(dst, fin, opcode, payloadLength, keys != null, key);
        return key;
    }

    /**
     * Writes a whole frame (header, then the payload's remaining bytes, masked for a client) at
     * {@code dst}'s position; {@code payload}'s position is left unchanged.
     *
     * @return bytes written
     */
    public int writeFrame(ByteBuffer dst, boolean fin, int opcode, ByteBuffer payload) {
        int payloadLength = payload.remaining();
        checkFrame(fin, opcode, payloadLength);
        int total = headerLength(payloadLength, keys != null) + payloadLength;
        if (dst.remaining() < total) {
            throw new BufferOverflowException();
        }
        int key = writeHeader(dst, fin, opcode, payloadLength);
        int at = dst.position();
        if (keys == null) {
            dst.put(at, payload, payload.position(), payloadLength);
        } else {
            Masking.unmaskCopy(payload, payload.position(), dst, at, payloadLength, key, 0);
        }
        dst.position(at + payloadLength);
        return total;
    }

    /**
     * Writes a close frame with {@code code} and a UTF-8 {@code reason} (at most 123 bytes).
     *
     * @return bytes written
     * @throws IllegalArgumentException when {@code code} may not be sent ({@link CloseCode#isValidOnWire}
     *                                  is false, e.g. 1005) or the reason is over 123 bytes
     */
    public int writeClose(ByteBuffer dst, int code, String reason) {
        if (!CloseCode.isValidOnWire(code)) {
            throw new IllegalArgumentException("code=" + code + " (not valid on the wire)");
        }
        byte[] text = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
        if (text.length > MAX_CLOSE_REASON_BYTES) {
            throw new IllegalArgumentException("reason=" + text.length + " UTF-8 bytes (maximum 123)");
        }
        ByteBuffer body = ByteBuffer.allocate(2 + text.length);
        body.putShort((short) code).put(text).flip();
        return writeFrame(dst, true, Opcode.CLOSE, body);
    }

    /**
     * Encodes an unmasked server frame once into a new read-only buffer that any number of
     * connections may write concurrently (each through its own {@code duplicate()}): broadcast
     * frames the payload once and shares the bytes.
     */
    public static ByteBuffer serverFrame(boolean fin, int opcode, ByteBuffer payload) {
        int payloadLength = payload.remaining();
        checkFrame(fin, opcode, payloadLength);
        ByteBuffer frame = ByteBuffer.allocate(headerLength(payloadLength, false) + payloadLength);
        putHeader(frame, fin, opcode, payloadLength, false, 0);
        frame.put(payload.duplicate());
        return frame.flip().asReadOnlyBuffer();
    }

    private static void checkFrame(boolean fin, int opcode, long payloadLength) {
        if (opcode < 0 || opcode > 0xF || !Opcode.isDefined(opcode)) {
            throw new IllegalArgumentException("opcode=" + opcode + " (not defined by RFC 6455)");
        }
        if (Opcode.isControl(opcode) && (!fin || payloadLength > MAX_LENGTH_7)) {
            throw new IllegalArgumentException("control frame fin=" + fin + " payloadLength=" + payloadLength
                    + " (control frames are final and at most 125 bytes)");
        }
        if (payloadLength < 0) {
            throw new IllegalArgumentException("payloadLength=" + payloadLength);
        }
    }

    private static void putHeader(ByteBuffer dst, boolean fin, int opcode, long payloadLength, boolean masked,
                                  int key) {
        dst.put((byte) ((fin ? FIN : 0) | opcode));
        int maskBit = masked ? MASK : 0;
        if (payloadLength <= MAX_LENGTH_7) {
            dst.put((byte) (maskBit | (int) payloadLength));
        } else if (payloadLength <= MAX_LENGTH_16) {
            dst.put((byte) (maskBit | LENGTH_16));
            dst.put((byte) (payloadLength >>> 8)).put((byte) payloadLength);
        } else {
            dst.put((byte) (maskBit | LENGTH_64));
            for (int shift = 56; shift >= 0; shift -= 8) {
                dst.put((byte) (payloadLength >>> shift));
            }
        }
        if (masked) {
            dst.put((byte) (key >>> 24)).put((byte) (key >>> 16)).put((byte) (key >>> 8)).put((byte) key);
        }
    }
}
