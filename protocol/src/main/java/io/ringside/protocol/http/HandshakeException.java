package io.ringside.protocol.http;

/**
 * A handshake or HTTP request that must be refused; carries the HTTP status to answer with
 * (RFC 6455 §4.2.1, §4.4; RFC 9110; RFC 6585 for 431).
 *
 * <p>No stack trace: a hostile client can make us throw it at will.
 */
public final class HandshakeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /** A refusal answered with HTTP {@code status} (an {@link HttpStatus} constant) and a short reason. */
    public HandshakeException(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    /** The HTTP status code to answer with. */
    public int status() {
        return status;
    }
}
