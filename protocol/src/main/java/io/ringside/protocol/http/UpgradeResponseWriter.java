package io.ringside.protocol.http;

import java.nio.ByteBuffer;

/**
 * Writes HTTP/1.1 responses for the handshake: 101 Switching Protocols, and refusals with a short
 * body and {@code Connection: close}.
 *
 * <p>STUB: the implementation lands with issue 2 (handshake). The signatures are the contract.
 */
public final class UpgradeResponseWriter {
    private UpgradeResponseWriter() {
    }

    /**
     * Writes the 101 response to a validated {@code request} at {@code dst}'s position (RFC 6455
     * §4.2.2): Upgrade, Connection, Sec-WebSocket-Accept and, when not {@code null}, the chosen
     * {@code subprotocol} (one the client offered).
     */
    public static void writeSwitchingProtocols(ByteBuffer dst, UpgradeRequest request, String subprotocol) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Writes a refusal with status {@code status}, a {@code text/plain} body {@code message} and
     * {@code Connection: close}; a 426 also carries {@code Sec-WebSocket-Version: 13} (§4.4).
     */
    public static void writeError(ByteBuffer dst, int status, String message) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Writes a plain HTTP response head (status line, Content-Type, Content-Length, Connection:
     * close) for a body of {@code contentLength} bytes that the caller writes after it.
     */
    public static void writeResponseHead(ByteBuffer dst, int status, String contentType, long contentLength) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
