package io.ringside.protocol.websocket;

import java.nio.ByteBuffer;

/**
 * A {@link MessageHandler} that takes the common binary message still masked, so that it can unmask
 * while copying the payload to where it keeps it (one pass over the bytes instead of two).
 *
 * <p>A {@link MessageDecoder} whose handler implements this interface hands a binary message to
 * {@link #onMaskedBinary} instead of {@link #onBinary} when the message is a single unfragmented frame
 * whose payload is wholly inside the buffer passed to {@link MessageDecoder#decode}: the common case
 * of a small message in one read. Everything else arrives exactly as for any {@link MessageHandler},
 * already unmasked: text messages, control frames, fragmented binary messages, and a single-frame
 * binary message whose payload is split across reads (the decoder assembles those in a buffer of its
 * own and unmasks them on the way in), and an empty binary message. The decoder's checks and limits
 * apply unchanged, and it calls this method at the same point it would call {@link #onBinary}.
 */
public interface MaskedMessageHandler extends MessageHandler {
    /**
     * A complete binary message, still masked as on the wire (RFC 6455 §5.3): bytes
     * {@code [offset, offset + length)} of {@code buffer} are the frame's whole payload, so byte
     * {@code offset + i} is masked with key byte {@code i & 3} (phase 0). Unmask with
     * {@link Masking#unmaskCopy} (one pass, {@code phase} 0) or, for a rare message, in place with
     * {@link Masking#unmask}; read a single byte as
     * {@code (byte) (buffer.get(offset + i) ^ (maskKey >>> (24 - 8 * (i & 3))))}.
     *
     * <p>Called on the thread that calls {@link MessageDecoder#decode}. The view is valid only during
     * the call; {@code buffer} is the one passed to {@code decode}, and the bytes of the view may be
     * unmasked in place during the call (nothing reads them afterwards). Use the absolute accessors
     * and do not change its position or limit.
     *
     * @param maskKey the frame's masking key as a big-endian {@code int} (first key byte in the high
     *                byte), as {@link FrameHandler#onFrameStart} reports it; 0 for an unmasked frame
     *                (client role), for which XOR with the key changes nothing
     */
    void onMaskedBinary(ByteBuffer buffer, int offset, int length, int maskKey);
}
