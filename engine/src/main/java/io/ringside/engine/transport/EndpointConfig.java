package io.ringside.engine.transport;

import io.ringside.protocol.deflate.DeflatePolicy;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Immutable settings of one WebSocket endpoint: its path, the subprotocols it speaks and which
 * browser pages may open it.
 *
 * <p>Origin policy (the defence against cross-site WebSocket hijacking, RFC 6455 §10.2): a request
 * without an {@code Origin} header comes from a non-browser client and passes; a request whose
 * {@code Origin} names the same host and port as its {@code Host} header (a page the same server
 * served) passes; so does one whose {@code Origin} is in {@link Builder#allowedOrigins(String...)}.
 * Every other upgrade is refused with 403, unless {@link Builder#anyOrigin(boolean)} turns the check
 * off, which the server logs as a warning when it starts.
 */
public final class EndpointConfig {
    private static final int MIN_SEND_BUFFER_BYTES = 1024;
    private static final int MAX_SEND_BUFFER_BYTES = 64 << 20;
    private final String path;
    private final List<String> subprotocols;
    private final Set<String> allowedOrigins;
    private final boolean anyOrigin;
    private final DeflatePolicy deflate;
    private final AuthHandler authHandler;
    private final int sendBufferBytes;

    private EndpointConfig(Builder b) {
        this.authHandler = b.authHandler;
        this.sendBufferBytes = b.sendBufferBytes;
        this.path = b.path;
        this.subprotocols = List.copyOf(b.subprotocols);
        this.allowedOrigins = Set.copyOf(b.allowedOrigins);
        this.anyOrigin = b.anyOrigin;
        this.deflate = b.deflateEnabled ? b.buildDeflate() : null;
    }

    /** This endpoint's own auth handler, asked in place of the server's; {@code null}: the server's. */
    public AuthHandler authHandler() {
        return authHandler;
    }

    /** A builder with no path (it must be set), no subprotocol and the same-host Origin policy. */
    public static Builder builder() {
        return new Builder();
    }

    /** The request path the endpoint answers, e.g. {@code "/ws"}. */
    public String path() {
        return path;
    }

    /** The subprotocols spoken, in order of preference; empty when none is negotiated. */
    public List<String> subprotocols() {
        return subprotocols;
    }

    /** Origins accepted besides the request's own host, lower case, e.g. {@code "https://game.example"}. */
    public Set<String> allowedOrigins() {
        return allowedOrigins;
    }

    /** Whether every Origin is accepted (the check is off). */
    public boolean anyOrigin() {
        return anyOrigin;
    }

    /**
     * What a permessage-deflate (RFC 7692) offer is granted, or {@code null} (the default) to decline
     * it: messages then travel compressed both ways while handlers keep seeing, and sending, plain bytes.
     */
    public DeflatePolicy deflate() {
        return deflate;
    }

    /**
     * The kernel send buffer ({@code SO_SNDBUF}) asked for each connection upgraded here, in bytes;
     * 0 leaves the operating system's default (on Linux, auto-tuned up to 4 MiB). A small buffer
     * keeps a slow reader's backlog in the server's own queue, where a latest-only frame replaces the
     * one before it, rather than in the kernel, which delivers every stale frame in order. Linux
     * doubles the value for its bookkeeping.
     */
    public int sendBufferBytes() {
        return sendBufferBytes;
    }

    /** Builds an {@link EndpointConfig}; {@link #build()} names a bad value. */
    public static final class Builder {
        private String path;
        private final Set<String> subprotocols = new LinkedHashSet<>();
        private final Set<String> allowedOrigins = new LinkedHashSet<>();
        private boolean anyOrigin;
        private DeflatePolicy.Builder deflate = DeflatePolicy.builder();
        private boolean deflateEnabled;
        private AuthHandler authHandler;
        private int sendBufferBytes;

        private Builder() {
        }

        /**
         * Decides this endpoint's upgrades with {@code handler} instead of the server's
         * {@link WebSocketServer.Builder#authHandler} (an operator endpoint with checks of its own).
         * Default {@code null}: the server's handler, if any.
         */
        public Builder authHandler(AuthHandler handler) {
            this.authHandler = handler;
            return this;
        }

        /** The {@code SO_SNDBUF} of connections upgraded here (see {@link EndpointConfig#sendBufferBytes()}). */
        public Builder sendBufferBytes(int bytes) {
            this.sendBufferBytes = bytes;
            return this;
        }

        /** Accepts permessage-deflate under {@code policy}; {@code null} (the default) declines it. */
        public Builder deflate(DeflatePolicy policy) {
            this.deflateEnabled = policy != null;
            this.deflate = policy == null ? DeflatePolicy.builder() : policy.toBuilder();
            return this;
        }

        /** Accepts permessage-deflate or not, under the policy {@link #deflate(Consumer)} edits. Default false. */
        public Builder deflateEnabled(boolean enabled) {
            this.deflateEnabled = enabled;
            return this;
        }

        /** Edits the permessage-deflate policy in place; it applies once {@link #deflateEnabled} is true. */
        public Builder deflate(Consumer<DeflatePolicy.Builder> edit) {
            edit.accept(deflate);
            return this;
        }

        /** The request path, starting with {@code /}. */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * Replaces the subprotocols spoken, in order of preference: the first the client offers that
         * is in this list is echoed in {@code Sec-WebSocket-Protocol} (RFC 6455 §4.2.2).
         */
        public Builder subprotocols(String... names) {
            subprotocols.clear();
            subprotocols.addAll(Arrays.asList(names));
            return this;
        }

        /**
         * Adds origins whose pages may connect besides the server's own host, each as a browser
         * sends it: {@code scheme://host[:port]}, e.g. {@code "https://game.example"}.
         */
        public Builder allowedOrigins(String... origins) {
            for (String origin : origins) {
                allowedOrigins.add(origin == null ? null : origin.toLowerCase(Locale.ROOT));
            }
            return this;
        }

        /** Accepts upgrades from every origin (logged as a warning at start). Default false. */
        public Builder anyOrigin(boolean any) {
            this.anyOrigin = any;
            return this;
        }

        /** Checks every value and builds. */
        public EndpointConfig build() {
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("path=" + path + " (must start with /)");
            }
            if (sendBufferBytes != 0
                    && (sendBufferBytes < MIN_SEND_BUFFER_BYTES || sendBufferBytes > MAX_SEND_BUFFER_BYTES)) {
                throw new IllegalArgumentException("sendBufferBytes=" + sendBufferBytes
                        + " (0 for the system default, else 1024 to 64 MiB)");
            }
            for (String name : subprotocols) {
                if (name == null || name.isEmpty() || !isToken(name)) {
                    throw new IllegalArgumentException("subprotocols=" + name + " (must be an HTTP token)");
                }
            }
            for (String origin : allowedOrigins) {
                if (origin == null || !("null".equals(origin) || origin.matches("[a-z][a-z0-9+.-]*://[^/?#\\s]+"))) {
                    throw new IllegalArgumentException("allowedOrigins=" + origin + " (expected scheme://host[:port])");
                }
            }
            return new EndpointConfig(this);
        }

        private DeflatePolicy buildDeflate() {
            try {
                return deflate.build();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("deflate." + e.getMessage(), e);
            }
        }

        private static boolean isToken(String name) {
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
