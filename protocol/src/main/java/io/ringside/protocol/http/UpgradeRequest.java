package io.ringside.protocol.http;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A parsed HTTP request head: the upgrade request of a WebSocket handshake, or a plain HTTP request.
 *
 * <p>A view over its parser's storage, valid until the parser is reset. The checks and the accept
 * key read bytes in place; the {@code String} accessors allocate and are meant for routing, auth
 * hooks and negotiation, off the hot path. STUB: lands with issue 2 (handshake).
 */
public final class UpgradeRequest {
    UpgradeRequest() {
    }

    /** The method, e.g. {@code "GET"}. */
    public String method() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The request target's path, e.g. {@code "/arena"} (not decoded). */
    public String path() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The query after {@code ?}, without it; {@code null} when absent. */
    public String query() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Whether the path equals {@code path}, compared in place without allocating. */
    public boolean pathEquals(String path) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Whether the request asks to upgrade to WebSocket ({@code Upgrade: websocket}); otherwise it is plain HTTP. */
    public boolean isWebSocketUpgrade() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Checks the opening handshake per RFC 6455 §4.2.1: GET, HTTP/1.1 or later, Host, Upgrade,
     * Connection containing the Upgrade token, a Sec-WebSocket-Key of 16 base64-encoded bytes, and
     * Sec-WebSocket-Version 13.
     *
     * @throws HandshakeException 400 when malformed, 426 for another version
     */
    public void validateWebSocketUpgrade() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The first value of header {@code name} (case-insensitive), or {@code null}. */
    public String header(String name) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Every value of header {@code name} (case-insensitive), in order; empty when absent. */
    public List<String> headers(String name) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The {@code Origin} header, or {@code null}. */
    public String origin() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The subprotocols the client offers ({@code Sec-WebSocket-Protocol}, all fields), in order. */
    public List<String> subprotocols() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The extensions the client offers ({@code Sec-WebSocket-Extensions}, all fields), in order. */
    public List<ExtensionOffer> extensions() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The value of cookie {@code name} from the {@code Cookie} header(s), or {@code null}. */
    public String cookie(String name) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Writes the 28 ASCII bytes of {@code Sec-WebSocket-Accept} for this request's key at
     * {@code dst}'s position (RFC 6455 §4.2.2); call after {@link #validateWebSocketUpgrade()}.
     */
    public void writeAcceptKey(ByteBuffer dst) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
