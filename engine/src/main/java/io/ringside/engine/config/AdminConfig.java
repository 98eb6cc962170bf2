package io.ringside.engine.config;

/**
 * Immutable settings of the server's admin routes: off unless a token is set. With a token the
 * server answers {@code POST <path>/drain} (default {@code /admin/drain}) for requests carrying it
 * ({@code Authorization: Bearer <token>}, or query parameter {@code token}): the server drains and
 * then closes, as on SIGTERM ({@code RingsideServer.drainAndClose()}). Built by
 * {@code RingsideServer.Builder#admin} (keys {@code admin.*}); {@link Builder#build()} names a bad value.
 */
public final class AdminConfig {
    /** Default path under which the admin routes are served. */
    public static final String DEFAULT_PATH = "/admin";
    /** Shortest token accepted: a guessable token is no protection. */
    public static final int MIN_TOKEN_LENGTH = 16;

    private final String path;
    private final String token;

    private AdminConfig(Builder b) {
        this.path = b.path;
        this.token = b.token;
    }

    /** A builder with every default (admin routes off). */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the admin routes are served: a token is set. */
    public boolean enabled() {
        return token != null;
    }

    /** The path the admin routes are under, e.g. {@code /admin}. */
    public String path() {
        return path;
    }

    /** The token every admin request must carry, or {@code null}: no admin routes. */
    public String token() {
        return token;
    }

    /** Builds an {@link AdminConfig}; {@link #build()} names a bad value as {@code name=value}. */
    public static final class Builder {
        private String path = DEFAULT_PATH;
        private String token;

        private Builder() {
        }

        /** The routes' path: starts with {@code /}, does not end with one. Default {@value #DEFAULT_PATH}. */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * The token admin requests must carry, at least {@value #MIN_TOKEN_LENGTH} characters; setting
         * one turns the admin routes on. {@code null} or empty: no admin routes (404). Default none.
         */
        public Builder token(String token) {
            this.token = token == null || token.isEmpty() ? null : token;
            return this;
        }

        /** Checks every value; throws {@link IllegalArgumentException} naming the first bad one. */
        public AdminConfig build() {
            if (path == null || !path.startsWith("/") || path.endsWith("/") || path.contains("?")) {
                throw new IllegalArgumentException("path=" + path + " (must start with / and not end with /)");
            }
            if (token != null && token.length() < MIN_TOKEN_LENGTH) {
                // the value is a secret: its length only
                throw new IllegalArgumentException("token=<" + token.length() + " characters> (at least "
                        + MIN_TOKEN_LENGTH + ")");
            }
            return new AdminConfig(this);
        }
    }
}
