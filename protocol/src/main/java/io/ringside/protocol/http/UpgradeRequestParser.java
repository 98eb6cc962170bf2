package io.ringside.protocol.http;

import java.nio.ByteBuffer;

/**
 * Incremental parser of an HTTP/1.1 request head (request line and header fields, RFC 9112),
 * fed straight from socket reads that may split it at any byte.
 *
 * <p>One per connection during its handshake, used by one thread; {@link #reset()} makes it
 * reusable. STUB: the implementation lands with issue 2 (handshake). The signatures are the contract.
 */
public final class UpgradeRequestParser {
    /** A parser within {@code limits}. */
    public UpgradeRequestParser(HandshakeLimits limits) {
    }

    /**
     * Consumes bytes of {@code src} up to the end of the request head.
     *
     * @return {@code true} once the head is complete: {@code src}'s position is then just past the
     *         blank line (later bytes belong to the next protocol); {@code false} if more bytes are
     *         needed ({@code src} fully consumed)
     * @throws HandshakeException 400 for a malformed head, 414 for a too-long request line, 431 for
     *                            too many or too large header fields
     */
    public boolean parse(ByteBuffer src) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The parsed request; valid after {@link #parse} returned {@code true} and until {@link #reset()}. */
    public UpgradeRequest request() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Forgets the current request so the parser can take another. */
    public void reset() {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
