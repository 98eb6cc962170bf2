package io.ringside.protocol.websocket;

import java.nio.ByteBuffer;

/**
 * Receives what a {@link MessageDecoder} decoded: whole data messages and control frames.
 *
 * <p>Called on the thread that calls {@link MessageDecoder#decode}. Each payload is a view
 * {@code [offset, offset + length)} of {@code buffer}, unmasked (by the decoder, in place or while
 * assembling it), and is valid only during the call: copy what you keep. The buffer's position and
 * limit are the decoder's; use the absolute accessors and do not change them. A handler that
 * implements {@link MaskedMessageHandler} gets the common binary message still masked instead, to
 * unmask it while copying; every other payload it gets here, unmasked.
 */
public interface MessageHandler {
    /** A complete text message; its bytes are valid UTF-8 (RFC 6455 §5.6, §8.1). */
    void onText(ByteBuffer buffer, int offset, int length);

    /** A complete binary message. */
    void onBinary(ByteBuffer buffer, int offset, int length);

    /** A ping with its application data (0-125 bytes); the receiver owes a pong with the same data (§5.5.2). */
    void onPing(ByteBuffer buffer, int offset, int length);

    /** A pong with its application data (§5.5.3). */
    void onPong(ByteBuffer buffer, int offset, int length);

    /**
     * A close frame (§5.5.1): {@code code} is {@link CloseCode#NO_STATUS_RECEIVED} when the body was
     * empty; the reason is valid UTF-8, possibly empty. The decoder ignores any bytes after it.
     */
    void onClose(int code, ByteBuffer buffer, int reasonOffset, int reasonLength);
}
