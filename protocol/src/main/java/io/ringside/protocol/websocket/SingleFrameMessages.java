package io.ringside.protocol.websocket;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The small-message path of {@link MessageDecoder}: a run of frames in a heap buffer that are each a
 * whole message (FIN, no RSV bit, text or binary, the peer's masking, a 7- or 16-bit length within the
 * limits, payload entirely in the buffer) is decoded here in one tight loop, straight from the backing
 * array, without the frame and message layers' per-frame state. The first frame that is anything
 * else (a control frame, a fragment, a compressed or an empty message, a 64-bit length, a frame cut
 * by the end of the buffer, a length over a limit) stops the loop untouched, and the general path
 * ({@link FrameDecoder} and {@link MessageAssembler}) decodes it, with every check and error it has.
 *
 * <pre>
 *  byte 0         byte 1          [bytes 2-3]     key (4)   payload
 * +-+-+-+-+------+-+-------------+---------------+---------+----------
 * |1|0|0|0|1 / 2 |M| len &lt;= 126   | len if 126    | if M    | len bytes
 * +-+-+-+-+------+-+-------------+---------------+---------+----------
 * </pre>
 *
 * <p>Everything it accepts the general path would accept and deliver the same way (a view of the
 * buffer, unmasked in place, or still masked to a {@link MaskedMessageHandler}); text is validated as
 * UTF-8 with the same close code and reasons. One per decoder, used by its thread.
 */
final class SingleFrameMessages {
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int FIN_NO_RSV = 0x80;
    private static final int MASK = 0x80;
    /** FIN, RSV and opcode (byte 0) and the MASK bit (byte 1) in the low 16 bits of a little-endian word. */
    private static final int HEAD_BITS = MASK << 8 | 0xFF;
    private static final int MASKED_BINARY = MASK << 8 | FIN_NO_RSV | Opcode.BINARY;
    private static final int MASKED_TEXT = MASK << 8 | FIN_NO_RSV | Opcode.TEXT;
    /** The same for the big-endian first two bytes of an unmasked frame. */
    private static final int UNMASKED_HEAD_BITS = 0xFF80;
    private static final int UNMASKED_BINARY = (FIN_NO_RSV | Opcode.BINARY) << 8;
    private static final int UNMASKED_TEXT = (FIN_NO_RSV | Opcode.TEXT) << 8;
    private static final int LENGTH_7 = 0x7F;
    private static final int LENGTH_16 = 126;
    private static final int MAX_LENGTH_16 = 0xFFFF;
    private static final int HEADER_BYTES = 2;
    private static final int LENGTH_16_BYTES = 2;
    private static final int KEY_BYTES = 4;

    private final MessageHandler handler;
    private final MaskedMessageHandler maskedHandler;
    private final Utf8Validator utf8 = new Utf8Validator();
    /** Whether the peer masks its frames (we are the server). */
    private final boolean masked;
    /** The largest 7-bit (16-bit) length taken here: 125 (65535) or the limit if lower. */
    private final int maxLength7;
    private final int maxLength16;

    SingleFrameMessages(DecoderConfig config, MessageHandler handler) {
        this.handler = handler;
        this.maskedHandler = handler instanceof MaskedMessageHandler m ? m : null;
        this.masked = config.role() == Role.SERVER;
        long maxLength = Math.min(config.maxFramePayloadBytes(), config.maxMessageBytes());
        this.maxLength7 = (int) Math.min(maxLength, LENGTH_16 - 1);
        this.maxLength16 = (int) Math.min(maxLength, MAX_LENGTH_16);
    }

    /**
     * Delivers every whole single-frame message from {@code pos} on, until {@code limit} or the first
     * frame the general path must decode; returns where that frame starts ({@code limit} if none).
     * {@code src} must have an accessible array; {@code pos} must be at a frame boundary with no
     * message in progress.
     *
     * @throws WebSocketProtocolException for a text message that is not UTF-8 (1007)
     */
    int decode(ByteBuffer src, int pos, int limit) {
        byte[] a = src.array();
        int base = src.arrayOffset();
        return masked ? decodeMasked(src, a, base, pos, limit) : decodeUnmasked(src, a, base, pos, limit);
    }

    /**
     * The server's loop: {@code [pos, limit)} of {@code src}, whose array index 0 is buffer index
     * {@code -base}. A masked frame's first two bytes, any
     * extended length and its key are all in its first eight bytes, so one little-endian word read
     * gives them all and the key comes out in the byte order the mask wants (no byte swap). A frame
     * shorter than eight bytes (a payload under two bytes) is left to the general path.
     */
    private int decodeMasked(ByteBuffer src, byte[] a, int base, int pos, int limit) {
        int max7 = maxLength7;
        int end = base + limit;
        int p = base + pos;
        while (end - p >= Long.BYTES) {
            long word = (long) WORDS.get(a, p);
            int head = (int) word & HEAD_BITS;
            if (head != MASKED_BINARY && head != MASKED_TEXT) {
                break;
            }
            int length = (int) word >>> 8 & LENGTH_7;
            int payload;
            int key;
            // 1..max7 in one comparison: 0 (an empty message) wraps around to 127
            if ((length - 1 & LENGTH_7) < max7) {
                payload = p + HEADER_BYTES + KEY_BYTES;
                key = (int) (word >>> 16);
            } else if (length == LENGTH_16) {
                length = Integer.reverseBytes((int) word) & MAX_LENGTH_16;
                if (length < LENGTH_16 || length > maxLength16) {
                    break;
                }
                payload = p + HEADER_BYTES + LENGTH_16_BYTES + KEY_BYTES;
                key = (int) (word >>> 32);
            } else {
                break;
            }
            if (length > end - payload) {
                break;
            }
            p = payload + length;
            if (head == MASKED_BINARY) {
                deliverBinary(src, a, base, payload, length, key);
            } else {
                deliverText(src, a, base, payload, length, Masking.wordMaskOfLittleEndianKey(key));
            }
        }
        return p - base;
    }

    /** The client's loop: as {@link #decodeMasked}, for frames without a key. */
    private int decodeUnmasked(ByteBuffer src, byte[] a, int base, int pos, int limit) {
        int max7 = maxLength7;
        int end = base + limit;
        int p = base + pos;
        while (end - p >= HEADER_BYTES) {
            int bits = (short) SHORTS.get(a, p) & 0xFFFF;
            int head = bits & UNMASKED_HEAD_BITS;
            if (head != UNMASKED_BINARY && head != UNMASKED_TEXT) {
                break;
            }
            int length = bits & LENGTH_7;
            int payload;
            if ((length - 1 & LENGTH_7) < max7) {
                payload = p + HEADER_BYTES;
            } else if (length == LENGTH_16 && end - p >= HEADER_BYTES + LENGTH_16_BYTES) {
                length = (short) SHORTS.get(a, p + HEADER_BYTES) & MAX_LENGTH_16;
                if (length < LENGTH_16 || length > maxLength16) {
                    break;
                }
                payload = p + HEADER_BYTES + LENGTH_16_BYTES;
            } else {
                break;
            }
            if (length > end - payload) {
                break;
            }
            p = payload + length;
            if (head == UNMASKED_BINARY) {
                if (maskedHandler != null) {
                    maskedHandler.onMaskedBinary(src, payload - base, length, 0);
                } else {
                    handler.onBinary(src, payload - base, length);
                }
            } else {
                deliverText(src, a, base, payload, length, 0);
            }
        }
        return p - base;
    }

    /** {@code key} as read from the wire in little-endian order; the masked handler gets it big-endian. */
    private void deliverBinary(ByteBuffer src, byte[] a, int base, int payload, int length, int key) {
        MaskedMessageHandler maskedTo = maskedHandler;
        if (maskedTo != null) {
            maskedTo.onMaskedBinary(src, payload - base, length, Integer.reverseBytes(key));
            return;
        }
        Masking.unmaskWhole(a, payload, length, Masking.wordMaskOfLittleEndianKey(key));
        handler.onBinary(src, payload - base, length);
    }

    private void deliverText(ByteBuffer src, byte[] a, int base, int payload, int length, long mask) {
        if (mask != 0) {
            Masking.unmaskWhole(a, payload, length, mask);
        }
        utf8.reset();
        if (!utf8.update(a, payload, length)) {
            throw new WebSocketProtocolException(CloseCode.INVALID_PAYLOAD, "invalid UTF-8 in text message");
        }
        if (!utf8.isComplete()) {
            throw new WebSocketProtocolException(CloseCode.INVALID_PAYLOAD,
                    "text message ends inside a UTF-8 sequence");
        }
        handler.onText(src, payload - base, length);
    }
}
