package io.ringside.protocol.websocket;

import java.nio.ByteBuffer;

/**
 * Decodes a stream of frames into whole messages and control frames (RFC 6455 §5.4-§5.6): checks
 * fragmentation, control frames, UTF-8 of text and close reasons, and the size limits.
 *
 * <p>One per connection, used by one thread. A message whose single frame is wholly inside the
 * decoded buffer is unmasked in place and handed over as a view of that buffer (no copy); otherwise
 * its payload is accumulated in a buffer the decoder holds only while the message is partial.
 *
 * <p>STUB: the implementation lands with issue 2 (frame codec). The signatures are the contract.
 */
public final class MessageDecoder {
    /** A decoder that reports to {@code handler} within {@code config}'s role and limits. */
    public MessageDecoder(DecoderConfig config, MessageHandler handler) {
    }

    /**
     * Decodes every byte of {@code src} (position to limit; it may unmask bytes in place, so it must
     * be writable when frames are masked). Partial frames and messages are kept internally. After a
     * close frame, remaining and later bytes are ignored.
     *
     * @throws WebSocketProtocolException on a violation (its close code says which); the decoder is then terminal
     */
    public void decode(ByteBuffer src) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Whether a close frame has been received. */
    public boolean isCloseReceived() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Bytes held for a partial message or frame: what this connection costs beyond its fixed state. */
    public int bufferedBytes() {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
