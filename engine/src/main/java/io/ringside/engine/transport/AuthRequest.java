package io.ringside.engine.transport;

import io.ringside.protocol.http.UpgradeRequest;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A WebSocket upgrade request as an {@link AuthHandler} sees it: path, query, every header field,
 * cookies and the remote address, copied out of the request so that it may be read from any
 * thread and at any time. Immutable.
 */
public final class AuthRequest {
    private final String path;
    private final String query;
    private final InetSocketAddress remoteAddress;
    private final Map<String, List<String>> headers;

    AuthRequest(String path, String query, InetSocketAddress remoteAddress, Map<String, List<String>> headers) {
        this.path = path;
        this.query = query;
        this.remoteAddress = remoteAddress;
        this.headers = headers;
    }

    static AuthRequest capture(UpgradeRequest request, InetSocketAddress remoteAddress) {
        Map<String, List<String>> headers = new HashMap<>();
        for (int i = 0; i < request.headerCount(); i++) {
            headers.computeIfAbsent(request.headerName(i).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(request.headerValue(i));
        }
        headers.replaceAll((name, values) -> Collections.unmodifiableList(values));
        return new AuthRequest(request.path(), request.query(), remoteAddress, Collections.unmodifiableMap(headers));
    }

    /** Creates a request by hand, for testing an {@link AuthHandler}; header names are matched case-insensitively. */
    public static AuthRequest of(String path, String query, InetSocketAddress remoteAddress,
                                 Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new HashMap<>();
        headers.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return new AuthRequest(path, query, remoteAddress, Collections.unmodifiableMap(copy));
    }

    /** The request path, e.g. {@code "/ws"} (not decoded). */
    public String path() {
        return path;
    }

    /** The query after {@code ?} (not decoded), or {@code null}. */
    public String query() {
        return query;
    }

    /** The first value of query parameter {@code name}, URL-decoded; {@code null} when absent. */
    public String queryParameter(String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** The client's address (before any proxy; see {@code X-Forwarded-For} for what a proxy says). */
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /** The first value of header {@code name} (case-insensitive), or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null ? null : values.get(0);
    }

    /** Every value of header {@code name} (case-insensitive), one per field line; empty when absent. */
    public List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The value of cookie {@code name} from the {@code Cookie} fields, or {@code null}. */
    public String cookie(String name) {
        for (String field : headers("Cookie")) {
            for (String pair : field.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                    return pair.substring(eq + 1).trim();
                }
            }
        }
        return null;
    }

    /**
     * The bearer token of an {@code Authorization: Bearer ...} header, or {@code null}. Browsers
     * cannot set headers on a WebSocket, so they pass a token in the query or a cookie instead.
     */
    public String bearerToken() {
        String authorization = header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return null;
    }
}
