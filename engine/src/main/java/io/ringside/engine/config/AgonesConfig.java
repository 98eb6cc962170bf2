package io.ringside.engine.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Immutable settings of the Agones adapter (the {@code ringside-agones} module's
 * {@code AgonesLifecycle}): where the Agones SDK sidecar's REST API is, and how often and how
 * persistently to call it. Built by {@code RingsideServer.Builder#agones} (keys {@code agones.*});
 * {@link Builder#build()} names a bad value. A server that does not start the adapter ignores them.
 */
public final class AgonesConfig {
    /** The sidecar's REST port when neither the settings nor {@value #PORT_VARIABLE} name one. */
    public static final int DEFAULT_PORT = 9358;
    /** The environment variable Agones sets in every game server container to the sidecar's REST port. */
    public static final String PORT_VARIABLE = "AGONES_SDK_HTTP_PORT";
    /** {@link #sidecarPort()} when the port comes from {@value #PORT_VARIABLE} (else {@value #DEFAULT_PORT}). */
    public static final int PORT_FROM_ENVIRONMENT = 0;
    private static final int MAX_PORT = 65_535;

    private final String sidecarHost;
    private final int sidecarPort;
    private final long healthIntervalMs;
    private final int readyAttempts;
    private final long retryDelayMs;
    private final long requestTimeoutMs;

    private AgonesConfig(Builder b) {
        this.sidecarHost = b.sidecarHost;
        this.sidecarPort = b.sidecarPort;
        this.healthIntervalMs = b.healthIntervalMs;
        this.readyAttempts = b.readyAttempts;
        this.retryDelayMs = b.retryDelayMs;
        this.requestTimeoutMs = b.requestTimeoutMs;
    }

    /** A builder with every default (sidecar on localhost at the port Agones names). */
    public static Builder builder() {
        return new Builder();
    }

    /** The host the sidecar listens on. */
    public String sidecarHost() {
        return sidecarHost;
    }

    /** The sidecar's REST port, or {@value #PORT_FROM_ENVIRONMENT}: from {@value #PORT_VARIABLE}. */
    public int sidecarPort() {
        return sidecarPort;
    }

    /**
     * The sidecar's REST base address, {@code http://host:port/}, the port taken from {@code env}'s
     * {@value #PORT_VARIABLE} when {@link #sidecarPort()} is {@value #PORT_FROM_ENVIRONMENT}.
     *
     * @throws IllegalArgumentException naming the variable when it is not a port number
     */
    public URI sidecar(Map<String, String> env) {
        int port = sidecarPort;
        if (port == PORT_FROM_ENVIRONMENT) {
            String value = env.get(PORT_VARIABLE);
            port = DEFAULT_PORT;
            if (value != null && !value.isBlank()) {
                try {
                    port = Integer.parseInt(value.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(PORT_VARIABLE + "=" + value + " (must be a port number)", e);
                }
                if (port < 1 || port > MAX_PORT) {
                    throw new IllegalArgumentException(
                            PORT_VARIABLE + "=" + value + " (must be 1 to " + MAX_PORT + ")");
                }
            }
        }
        try {
            return new URI("http", null, sidecarHost, port, "/", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("sidecarHost=" + sidecarHost + " (" + e.getMessage() + ")", e);
        }
    }

    /** Milliseconds between Health calls (and load label updates). */
    public long healthIntervalMs() {
        return healthIntervalMs;
    }

    /** How many times Ready (and Shutdown) is tried before giving up (the sidecar may start after the server). */
    public int readyAttempts() {
        return readyAttempts;
    }

    /** Milliseconds between retries of a failed call. */
    public long retryDelayMs() {
        return retryDelayMs;
    }

    /** Milliseconds one call to the sidecar may take. */
    public long requestTimeoutMs() {
        return requestTimeoutMs;
    }

    /** Builds an {@link AgonesConfig}; see the getters for meanings and the fields for defaults. */
    public static final class Builder {
        private String sidecarHost = "localhost";
        private int sidecarPort = PORT_FROM_ENVIRONMENT;
        private long healthIntervalMs = 2_000;
        private int readyAttempts = 30;
        private long retryDelayMs = 1_000;
        private long requestTimeoutMs = 2_000;

        private Builder() {
        }

        /** The sidecar's host. Default {@code localhost} (the sidecar runs in the same pod). */
        public Builder sidecarHost(String host) {
            this.sidecarHost = host;
            return this;
        }

        /** The sidecar's REST port, 1 to 65535, or 0: {@value #PORT_VARIABLE}, else 9358. Default 0. */
        public Builder sidecarPort(int port) {
            this.sidecarPort = port;
            return this;
        }

        /** Health interval, 10 ms to 5 min. Default 2 s. */
        public Builder healthIntervalMs(long ms) {
            this.healthIntervalMs = ms;
            return this;
        }

        /** Ready and Shutdown attempts, 1 to 10 000. Default 30. */
        public Builder readyAttempts(int attempts) {
            this.readyAttempts = attempts;
            return this;
        }

        /** Delay between retries, 1 ms to 1 min. Default 1 s. */
        public Builder retryDelayMs(long ms) {
            this.retryDelayMs = ms;
            return this;
        }

        /** Timeout of one call, 1 ms to 1 min. Default 2 s. */
        public Builder requestTimeoutMs(long ms) {
            this.requestTimeoutMs = ms;
            return this;
        }

        /** Checks every value and builds. */
        public AgonesConfig build() {
            check(sidecarHost != null && !sidecarHost.isBlank() && sidecarHost.indexOf('/') < 0,
                    "sidecarHost=" + sidecarHost + " (a host name or address)");
            check(sidecarPort >= 0 && sidecarPort <= MAX_PORT,
                    "sidecarPort=" + sidecarPort + " (1 to " + MAX_PORT + ", or 0 for " + PORT_VARIABLE + ")");
            check(healthIntervalMs >= 10 && healthIntervalMs <= 300_000,
                    "healthIntervalMs=" + healthIntervalMs + " (must be 10 ms to 5 min)");
            check(readyAttempts >= 1 && readyAttempts <= 10_000,
                    "readyAttempts=" + readyAttempts + " (must be 1 to 10000)");
            check(retryDelayMs >= 1 && retryDelayMs <= 60_000,
                    "retryDelayMs=" + retryDelayMs + " (must be 1 ms to 1 min)");
            check(requestTimeoutMs >= 1 && requestTimeoutMs <= 60_000,
                    "requestTimeoutMs=" + requestTimeoutMs + " (must be 1 ms to 1 min)");
            return new AgonesConfig(this);
        }

        private static void check(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
