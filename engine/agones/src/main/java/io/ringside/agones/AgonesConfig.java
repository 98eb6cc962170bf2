package io.ringside.agones;

import java.net.URI;
import java.util.Map;

/**
 * Immutable settings of the Agones adapter. {@link Builder#build()} names a bad value.
 * {@link #fromEnvironment(Map)} takes the sidecar's port from {@code AGONES_SDK_HTTP_PORT}, the
 * variable Agones sets in every game server container.
 */
public final class AgonesConfig {
    /** The sidecar's REST port when {@code AGONES_SDK_HTTP_PORT} is not set. */
    public static final int DEFAULT_PORT = 9358;

    private final URI sidecar;
    private final long healthIntervalMs;
    private final int readyAttempts;
    private final long retryDelayMs;
    private final long requestTimeoutMs;

    private AgonesConfig(Builder b) {
        this.sidecar = b.sidecar;
        this.healthIntervalMs = b.healthIntervalMs;
        this.readyAttempts = b.readyAttempts;
        this.retryDelayMs = b.retryDelayMs;
        this.requestTimeoutMs = b.requestTimeoutMs;
    }

    /** A builder with every default (sidecar at {@code http://localhost:9358}). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder whose sidecar port comes from {@code env}'s {@code AGONES_SDK_HTTP_PORT}, if set. */
    public static Builder fromEnvironment(Map<String, String> env) {
        Builder builder = builder();
        String port = env.get("AGONES_SDK_HTTP_PORT");
        if (port != null && !port.isBlank()) {
            try {
                builder.sidecar(URI.create("http://localhost:" + Integer.parseInt(port.trim()) + "/"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("AGONES_SDK_HTTP_PORT=" + port + " (must be a port number)", e);
            }
        }
        return builder;
    }

    /** The sidecar's REST base address. */
    public URI sidecar() {
        return sidecar;
    }

    /** Milliseconds between Health calls (and load label updates). */
    public long healthIntervalMs() {
        return healthIntervalMs;
    }

    /** How many times Ready is tried before start gives up (the sidecar may start after the server). */
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
        private URI sidecar = URI.create("http://localhost:" + DEFAULT_PORT + "/");
        private long healthIntervalMs = 2_000;
        private int readyAttempts = 30;
        private long retryDelayMs = 1_000;
        private long requestTimeoutMs = 2_000;

        private Builder() {
        }

        /** The sidecar's REST base address. Default {@code http://localhost:9358/}. */
        public Builder sidecar(URI uri) {
            this.sidecar = uri;
            return this;
        }

        /** Health interval, at least 10 ms. Default 2 s. */
        public Builder healthIntervalMs(long ms) {
            this.healthIntervalMs = ms;
            return this;
        }

        /** Ready attempts, at least 1. Default 30. */
        public Builder readyAttempts(int attempts) {
            this.readyAttempts = attempts;
            return this;
        }

        /** Delay between retries, at least 1 ms. Default 1 s. */
        public Builder retryDelayMs(long ms) {
            this.retryDelayMs = ms;
            return this;
        }

        /** Timeout of one call, at least 1 ms. Default 2 s. */
        public Builder requestTimeoutMs(long ms) {
            this.requestTimeoutMs = ms;
            return this;
        }

        /** Checks every value and builds. */
        public AgonesConfig build() {
            if (sidecar == null || !"http".equals(sidecar.getScheme())) {
                throw new IllegalArgumentException("sidecar=" + sidecar + " (must be an http:// address)");
            }
            if (healthIntervalMs < 10) {
                throw new IllegalArgumentException("healthIntervalMs=" + healthIntervalMs + " (minimum 10)");
            }
            if (readyAttempts < 1) {
                throw new IllegalArgumentException("readyAttempts=" + readyAttempts + " (minimum 1)");
            }
            if (retryDelayMs < 1 || requestTimeoutMs < 1) {
                throw new IllegalArgumentException("retryDelayMs=" + retryDelayMs + ", requestTimeoutMs="
                        + requestTimeoutMs + " (minimum 1 each)");
            }
            return new AgonesConfig(this);
        }
    }
}
