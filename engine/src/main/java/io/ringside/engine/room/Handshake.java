package io.ringside.engine.room;

import io.ringside.protocol.http.UpgradeRequest;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a connection's opening handshake said, kept for the auth hook: path, query, the remote
 * address and the values of the header fields the server was configured to keep (by default
 * {@code Authorization}, {@code Cookie}, {@code User-Agent}, {@code X-Forwarded-For}). Immutable.
 */
public final class Handshake {
    /** The objects around the strings (this, the address, the map), in bytes: an estimate. */
    private static final int OVERHEAD_BYTES = 256;
    /** A string's object and array headers, in bytes: an estimate. */
    private static final int STRING_OVERHEAD_BYTES = 40;

    private final String path;
    private final String query;
    private final InetSocketAddress remoteAddress;
    private final Map<String, String> headers;
    private final long retainedBytes;

    Handshake(String path, String query, InetSocketAddress remoteAddress, Map<String, String> headers) {
        this.path = path;
        this.query = query;
        this.remoteAddress = remoteAddress;
        this.headers = Map.copyOf(headers);
        long chars = (path == null ? 0 : path.length()) + (query == null ? 0 : query.length());
        for (Map.Entry<String, String> header : headers.entrySet()) {
            chars += header.getKey().length() + header.getValue().length();
        }
        this.retainedBytes = OVERHEAD_BYTES + chars + (long) STRING_OVERHEAD_BYTES * (2 + 2 * headers.size());
    }

    /**
     * About how much heap this holds, in bytes (strings of one byte per character), as charged to the
     * memory budget while a connection or a seat keeps it.
     */
    long retainedBytes() {
        return retainedBytes;
    }

    static Handshake capture(UpgradeRequest request, InetSocketAddress remoteAddress, List<String> headerNames) {
        Map<String, String> kept = new HashMap<>();
        for (String name : headerNames) {
            String value = request.header(name);
            if (value != null) {
                kept.put(name.toLowerCase(Locale.ROOT), value);
            }
        }
        return new Handshake(request.path(), request.query(), remoteAddress, kept);
    }

    /** The request path, e.g. {@code "/ws"}. */
    public String path() {
        return path;
    }

    /** The query after {@code ?} (undecoded), or {@code null}. */
    public String query() {
        return query;
    }

    /** The client's address. */
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /** The first value of a kept header field (case-insensitive name), or {@code null}. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The value of cookie {@code name} from the kept {@code Cookie} field, or {@code null}. */
    public String cookie(String name) {
        String cookies = header("Cookie");
        if (cookies == null) {
            return null;
        }
        for (String pair : cookies.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                return pair.substring(eq + 1).trim();
            }
        }
        return null;
    }
}
