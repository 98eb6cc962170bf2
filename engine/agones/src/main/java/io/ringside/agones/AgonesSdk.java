package io.ringside.agones;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The calls of the Agones SDK sidecar's REST API this adapter makes (agones.dev, "REST Game Server
 * Client API"): {@code POST /ready}, {@code POST /health}, {@code POST /allocate},
 * {@code POST /reserve} with {@code {"seconds": "N"}}, {@code POST /shutdown}, each with a JSON body
 * ({@code {}} when it has no fields), and {@code PUT /metadata/label} with {@code {"key": ..,
 * "value": ..}} (Agones prefixes the key with {@code agones.dev/sdk-}). Each returns whether the
 * sidecar answered 2xx; it never throws for a failed call.
 */
final class AgonesSdk {
    private final URI base;
    private final HttpClient http;
    private final Duration timeout;

    AgonesSdk(URI base, long requestTimeoutMs) {
        this.base = base;
        this.timeout = Duration.ofMillis(requestTimeoutMs);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    URI base() {
        return base;
    }

    boolean ready() {
        return call("POST", "/ready", "{}");
    }

    boolean health() {
        return call("POST", "/health", "{}");
    }

    boolean allocate() {
        return call("POST", "/allocate", "{}");
    }

    boolean reserve(long seconds) {
        return call("POST", "/reserve", "{\"seconds\": \"" + seconds + "\"}");
    }

    boolean shutdown() {
        return call("POST", "/shutdown", "{}");
    }

    boolean setLabel(String key, String value) {
        return call("PUT", "/metadata/label", "{\"key\": " + quote(key) + ", \"value\": " + quote(value) + "}");
    }

    private boolean call(String method, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A JSON string literal; label keys and values are short names and numbers, but quote properly anyway. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
