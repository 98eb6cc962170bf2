package io.ringside.engine.client;

/**
 * The server did not accept the WebSocket upgrade (RFC 6455 §4.1): it answered with another HTTP
 * status, or its 101 response failed a client-side check (accept key, Upgrade, Connection,
 * subprotocol or extension), or the response head was malformed or too large.
 *
 * <p>Completes the future of {@link WebSocketClient#connect}; created on the client's I/O thread.
 */
public final class ClientHandshakeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String body;

    /** A failure with HTTP {@code status} (0 when the failure is not a refused status) and response {@code body}. */
    public ClientHandshakeException(int status, String message, String body) {
        super(message, null, false, false);
        this.status = status;
        this.body = body;
    }

    /** A failure that is not a refused status: a bad 101 response or a malformed head. */
    public ClientHandshakeException(String message) {
        this(0, message, "");
    }

    /** The HTTP status the server answered with when it refused the upgrade; 0 otherwise. */
    public int status() {
        return status;
    }

    /** The start of the response body of a refused upgrade (ISO-8859-1, capped); empty otherwise. */
    public String body() {
        return body;
    }
}
