package io.ringside.engine.client;

import java.util.Locale;
import java.util.Map;

/**
 * A parsed HTTP response head: status line and header fields, names lower-cased, repeated fields
 * joined with {@code ", "} (RFC 9110 §5.3).
 */
final class ResponseHead {
    private final int status;
    private final String reason;
    private final Map<String, String> headers;

    ResponseHead(int status, String reason, Map<String, String> headers) {
        this.status = status;
        this.reason = reason;
        this.headers = headers;
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }

    /** The field's value, or {@code null} when absent. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Whether the comma-separated field {@code name} lists {@code token}, ignoring case. */
    boolean headerHasToken(String name, String token) {
        String value = header(name);
        if (value == null) {
            return false;
        }
        for (String item : value.split(",")) {
            if (item.trim().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    /** The Content-Length, or -1 when absent or not a plain non-negative number. */
    long contentLength() {
        String value = header("content-length");
        if (value == null || value.isEmpty() || value.length() > 18) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(value);
    }
}
