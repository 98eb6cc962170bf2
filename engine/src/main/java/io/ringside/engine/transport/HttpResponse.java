package io.ringside.engine.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A plain HTTP response: status, content type and body. The body is shared, never copied: each
 * response writes it through its own {@code duplicate()}.
 */
public final class HttpResponse {
    private final int status;
    private final String contentType;
    private final ByteBuffer body;

    private HttpResponse(int status, String contentType, ByteBuffer body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body.asReadOnlyBuffer();
    }

    /** A response with {@code status}, {@code contentType} and the remaining bytes of {@code body}. */
    public static HttpResponse of(int status, String contentType, ByteBuffer body) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status=" + status);
        }
        return new HttpResponse(status, contentType, body);
    }

    /** A {@code text/plain; charset=utf-8} response. */
    public static HttpResponse text(int status, String body) {
        return of(status, "text/plain; charset=utf-8", ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The {@code Content-Type} value. */
    public String contentType() {
        return contentType;
    }

    /** A fresh read-only view of the body. */
    public ByteBuffer body() {
        return body.duplicate();
    }
}
