package io.ringside.protocol.websocket;

import java.nio.ByteBuffer;

/**
 * Incremental, zero-copy RFC 6455 frame decoder (§5.2): header checks, then payload chunks.
 *
 * <p>STUB: the implementation lands with issue 2 (frame codec). The signature is the contract.
 */
public final class FrameDecoder {
    /** A decoder for frames received by {@code config.role()}, within {@code config}'s frame limits. */
    public FrameDecoder(DecoderConfig config) {
    }

    /**
     * Decodes every byte of {@code src} from its position to its limit, calling {@code handler} as
     * frames start, carry payload and end; a header split across calls is kept internally. On
     * return {@code src.position() == src.limit()}.
     *
     * @throws WebSocketProtocolException on a violation; the decoder is then terminal
     */
    public void decode(ByteBuffer src, FrameHandler handler) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
