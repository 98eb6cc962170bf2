package io.ringside.engine.internal;

import io.ringside.engine.transport.Connection;
import io.ringside.engine.transport.WebSocketHandler;
import java.nio.ByteBuffer;

/**
 * Not an API: a {@link WebSocketHandler} that takes the common binary message still masked, to unmask it while
 * copying it to where it keeps it: one pass over the bytes instead of unmask-in-place then copy.
 *
 * <p>An endpoint opts in by registering a handler that implements this interface. Its connections
 * then get every binary message that arrived as one unfragmented frame wholly inside one read
 * through {@link #onMaskedBinary}; every other binary message (fragmented, split across reads, or
 * empty) still comes through {@link #onBinary} unmasked, and so do text messages. Handlers that do
 * not implement it see no difference.
 */
public interface MaskedWebSocketHandler extends WebSocketHandler {
    /**
     * A complete binary message, still masked as on the wire (RFC 6455 §5.3): byte {@code offset + i}
     * of {@code buffer} is XORed with key byte {@code i & 3} (the high byte of {@code maskKey} first).
     * Unmask it with {@link io.ringside.protocol.websocket.Masking#unmaskCopy} at phase 0 while copying,
     * or in place with {@link io.ringside.protocol.websocket.Masking#unmask} and treat it as
     * {@link #onBinary} would.
     *
     * <p>Same thread and rules as {@link #onBinary}: a view of the loop's read buffer valid only during
     * the call, absolute accessors only, position and limit unchanged; unlike {@code onBinary}'s, the
     * bytes {@code [offset, offset + length)} may be written (unmasked in place) during the call.
     */
    void onMaskedBinary(Connection connection, ByteBuffer buffer, int offset, int length, int maskKey);
}
