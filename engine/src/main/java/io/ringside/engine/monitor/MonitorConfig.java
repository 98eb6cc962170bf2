package io.ringside.engine.monitor;

/**
 * The live monitor page's settings: off by default. When on, the server serves a page at
 * {@link #path()} showing its rooms, players, shards and traffic, refreshed over a WebSocket at
 * {@code path + "/live"}, with a JSON view at {@code path + "/api/state"} and actions (lock, kick,
 * dispose) at {@code path + "/api/…"}. Every one of them asks for {@link #token()}; without a token
 * they answer requests from this machine (loopback addresses) only.
 */
public final class MonitorConfig {
    /** Default page path. */
    public static final String DEFAULT_PATH = "/monitor";
    /** Default refresh interval of the live view, in milliseconds. */
    public static final long DEFAULT_REFRESH_MS = 1_000;
    /** Default number of live viewers at once. */
    public static final int DEFAULT_MAX_VIEWERS = 4;
    /** Default interval of the RTT probes the transport sends while the monitor is on, in milliseconds. */
    public static final long DEFAULT_RTT_PROBE_INTERVAL_MS = 5_000;
    /** Shortest token accepted: a guessable token is no protection. */
    public static final int MIN_TOKEN_LENGTH = 16;
    static final long MIN_REFRESH_MS = 100;
    static final long MAX_REFRESH_MS = 60_000;
    static final int MAX_MAX_VIEWERS = 64;

    private final boolean enabled;
    private final String path;
    private final String token;
    private final long refreshMs;
    private final int maxViewers;
    private final long rttProbeIntervalMs;

    private MonitorConfig(Builder b) {
        this.enabled = b.enabled;
        this.path = b.path;
        this.token = b.token;
        this.refreshMs = b.refreshMs;
        this.maxViewers = b.maxViewers;
        this.rttProbeIntervalMs = b.rttProbeIntervalMs;
    }

    /** A builder with every default (monitor off). */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the monitor is served. */
    public boolean enabled() {
        return enabled;
    }

    /** The page's path, e.g. {@code /monitor}; the API and live feed are under it. */
    public String path() {
        return path;
    }

    /** The token every request must carry, or {@code null}: then only loopback clients are answered. */
    public String token() {
        return token;
    }

    /** How often the live view is pushed, in milliseconds. */
    public long refreshMs() {
        return refreshMs;
    }

    /** How many live viewers may watch at once; one more is closed with 1013 (try again later). */
    public int maxViewers() {
        return maxViewers;
    }

    /** How often the transport measures each connection's RTT while the monitor is on (0: never), in ms. */
    public long rttProbeIntervalMs() {
        return rttProbeIntervalMs;
    }

    /** Builds a {@link MonitorConfig}; {@link #build()} names a bad value as {@code name=value}. */
    public static final class Builder {
        private boolean enabled;
        private String path = DEFAULT_PATH;
        private String token;
        private long refreshMs = DEFAULT_REFRESH_MS;
        private int maxViewers = DEFAULT_MAX_VIEWERS;
        private long rttProbeIntervalMs = DEFAULT_RTT_PROBE_INTERVAL_MS;

        private Builder() {
        }

        /** Serves the monitor ({@code true}) or not. Default {@code false}. */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /** The page's path: starts with {@code /}, does not end with one. Default {@value #DEFAULT_PATH}. */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * The token requests must carry (header {@code Authorization: Bearer <token>} or query
         * parameter {@code token}), at least {@value #MIN_TOKEN_LENGTH} characters; {@code null} or
         * empty: no token, loopback clients only. Default none.
         */
        public Builder token(String token) {
            this.token = token == null || token.isEmpty() ? null : token;
            return this;
        }

        /** How often the live view refreshes, 100 ms to 60 s. Default 1 s. */
        public Builder refreshMs(long ms) {
            this.refreshMs = ms;
            return this;
        }

        /** Live viewers at once, 1 to 64. Default {@value #DEFAULT_MAX_VIEWERS}. */
        public Builder maxViewers(int max) {
            this.maxViewers = max;
            return this;
        }

        /** The transport's RTT probe interval while the monitor is on; 0 turns RTT off. Default 5 s. */
        public Builder rttProbeIntervalMs(long ms) {
            this.rttProbeIntervalMs = ms;
            return this;
        }

        /** Checks every value; throws {@link IllegalArgumentException} naming the first bad one. */
        public MonitorConfig build() {
            if (path == null || !path.startsWith("/") || path.endsWith("/") || path.contains("?")) {
                throw new IllegalArgumentException("path=" + path + " (must start with / and not end with /)");
            }
            if (token != null && token.length() < MIN_TOKEN_LENGTH) {
                // the value is a secret: its length only
                throw new IllegalArgumentException("token=<" + token.length() + " characters> (at least "
                        + MIN_TOKEN_LENGTH + ")");
            }
            if (refreshMs < MIN_REFRESH_MS || refreshMs > MAX_REFRESH_MS) {
                throw new IllegalArgumentException("refreshMs=" + refreshMs + " (100 to 60000)");
            }
            if (maxViewers < 1 || maxViewers > MAX_MAX_VIEWERS) {
                throw new IllegalArgumentException("maxViewers=" + maxViewers + " (1 to 64)");
            }
            if (rttProbeIntervalMs < 0) {
                throw new IllegalArgumentException("rttProbeIntervalMs=" + rttProbeIntervalMs + " (0 turns it off)");
            }
            return new MonitorConfig(this);
        }
    }
}
