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
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final int FIN_NO_RSV = 0x80;
    private static final int MASK = 0x80;
    private static final int LENGTH_7 = 0x7F;
    private static final int LENGTH_16 = 126;
    private static final int HEADER_BYTES = 2;
    private static final int LENGTH_16_BYTES = 2;
    private static final int KEY_BYTES = 4;

    private final MessageHandler handler;
    private final MaskedMessageHandler maskedHandler;
    private final Utf8Validator utf8 = new Utf8Validator();
    /** {@link #MASK} when the peer masks its frames (we are the server), else 0. */
    private final int maskBit;
    private final int keyBytes;
    private final long maxLength;

    SingleFrameMessages(DecoderConfig config, MessageHandler handler) {
        this.handler = handler;
        this.maskedHandler = handler instanceof MaskedMessageHandler m ? m : null;
        this.maskBit = config.role() == Role.SERVER ? MASK : 0;
        this.keyBytes = maskBit != 0 ? KEY_BYTES : 0;
        this.maxLength = Math.min(config.maxFramePayloadBytes(), config.maxMessageBytes());
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
        int p = pos;
        while (limit - p >= HEADER_BYTES) {
            int bits = (short) SHORTS.get(a, base + p) & 0xFFFF;
            int opcode = (bits >>> 8) - FIN_NO_RSV;
            if ((opcode != Opcode.BINARY && opcode != Opcode.TEXT) || (bits & MASK) != maskBit) {
                break;
            }
            int length = bits & LENGTH_7;
            int payload = p + HEADER_BYTES + keyBytes;
            if (length == LENGTH_16) {
                if (limit - p < HEADER_BYTES + LENGTH_16_BYTES) {
                    break;
                }
                length = (short) SHORTS.get(a, base + p + HEADER_BYTES) & 0xFFFF;
                if (length < LENGTH_16) {
                    break;
                }
                payload += LENGTH_16_BYTES;
            } else if (length > LENGTH_16 || length == 0) {
                break;
            }
            if (length > limit - payload || length > maxLength) {
                break;
            }
            int key = keyBytes == 0 ? 0 : (int) INTS.get(a, base + payload - KEY_BYTES);
            p = payload + length;
            deliver(src, a, base, opcode, payload, length, key);
        }
        return p;
    }

    private void deliver(ByteBuffer src, byte[] a, int base, int opcode, int offset, int length, int key) {
        if (opcode == Opcode.BINARY && maskedHandler != null) {
            maskedHandler.onMaskedBinary(src, offset, length, key);
            return;
        }
        Masking.unmask(a, base + offset, length, key, 0);
        if (opcode == Opcode.BINARY) {
            handler.onBinary(src, offset, length);
            return;
        }
        utf8.reset();
        if (!utf8.update(a, base + offset, length)) {
            throw new WebSocketProtocolException(CloseCode.INVALID_PAYLOAD, "invalid UTF-8 in text message");
        }
        if (!utf8.isComplete()) {
            throw new WebSocketProtocolException(CloseCode.INVALID_PAYLOAD,
                    "text message ends inside a UTF-8 sequence");
        }
        handler.onText(src, offset, length);
    }
}
