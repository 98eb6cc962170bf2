package io.ringside.engine.internal.monitor;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The parameters of a URL query string, decoded; a malformed one is an {@link IllegalArgumentException}. */
final class QueryParameters {
    private final Map<String, String> values = new HashMap<>();

    private QueryParameters() {
    }

    /** Parses {@code query} (after the {@code ?}, may be {@code null}); the first value of a name wins. */
    static QueryParameters parse(String query) {
        QueryParameters parameters = new QueryParameters();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.values.putIfAbsent(name, value);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("query is not URL-encoded: " + e.getMessage(), e);
        }
    }

    /** The value of {@code name}, or {@code null}. */
    String get(String name) {
        return values.get(name);
    }

    /** The non-empty value of {@code name}; an {@link IllegalArgumentException} naming it when missing. */
    String require(String name) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing query parameter '" + name + "'");
        }
        return value;
    }
}
