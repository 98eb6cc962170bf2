package io.ringside.engine.transport;

import io.ringside.protocol.http.HttpStatus;
import java.nio.charset.StandardCharsets;

/** An {@link AuthHandler}'s answer: accept with an identity, or refuse with a 4xx status and a short body. */
public final class AuthDecision {
    /** Longest refusal body, in UTF-8 bytes. */
    public static final int MAX_BODY_BYTES = 256;

    private final Object identity;
    private final int status;
    private final String body;

    private AuthDecision(Object identity, int status, String body) {
        this.identity = identity;
        this.status = status;
        this.body = body;
    }

    /**
     * Let the connection open; {@code identity} (not {@code null}: a user id, a principal, a record
     * of claims) is what {@link Connection#identity()} returns from then on.
     */
    public static AuthDecision accept(Object identity) {
        if (identity == null) {
            throw new IllegalArgumentException("identity=null (accept with a non-null identity)");
        }
        return new AuthDecision(identity, HttpStatus.SWITCHING_PROTOCOLS, null);
    }

    /**
     * Turn the request away with {@code status} (400 to 499, typically 401 or 403) and a plain-text
     * {@code body} of at most {@link #MAX_BODY_BYTES} UTF-8 bytes; the connection closes after it.
     */
    public static AuthDecision refuse(int status, String body) {
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("status=" + status + " (must be 400 to 499)");
        }
        String text = body == null ? HttpStatus.reasonPhrase(status) : body;
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("body of " + text.length() + " chars (maximum " + MAX_BODY_BYTES
                    + " UTF-8 bytes)");
        }
        return new AuthDecision(null, status, text);
    }

    /** Whether the connection may open. */
    public boolean accepted() {
        return identity != null;
    }

    /** The identity of an accepted request; {@code null} for a refusal. */
    public Object identity() {
        return identity;
    }

    /** The HTTP status: 101 when accepted, else the refusal's. */
    public int status() {
        return status;
    }

    /** The refusal's body; {@code null} when accepted. */
    public String body() {
        return body;
    }
}
