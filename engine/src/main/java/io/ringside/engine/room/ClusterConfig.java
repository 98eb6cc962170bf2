package io.ringside.engine.room;

/**
 * Immutable settings of the opt-in cluster mode, in which several servers share one room registry
 * on Redis. Without {@link #redisUri()} (the default) a server runs alone and needs no Redis.
 * Built by {@code RingsideServer.Builder#cluster}; {@link Builder#build()} names a bad value.
 */
public final class ClusterConfig {
    /** Shortest node TTL accepted. */
    public static final long MIN_NODE_TTL_MS = 300;

    private final String redisUri;
    private final long nodeTtlMs;
    private final int connectTimeoutMs;
    private final String publicAddress;
    private final String nodeId;

    private ClusterConfig(Builder b) {
        this.redisUri = b.redisUri;
        this.nodeTtlMs = b.nodeTtlMs;
        this.connectTimeoutMs = b.connectTimeoutMs;
        this.publicAddress = b.publicAddress;
        this.nodeId = b.nodeId;
    }

    /** A builder with every default (cluster mode off). */
    public static Builder builder() {
        return new Builder();
    }

    /** The Redis server, e.g. {@code redis://127.0.0.1:6379}; {@code null} when cluster mode is off. */
    public String redisUri() {
        return redisUri;
    }

    /** Whether cluster mode is on. */
    public boolean enabled() {
        return redisUri != null;
    }

    /**
     * Milliseconds a node's and its rooms' registry entries live without a heartbeat (Redis TTLs,
     * by Redis' clock); the heartbeat renews them every third of it.
     */
    public long nodeTtlMs() {
        return nodeTtlMs;
    }

    /** Milliseconds to wait for Redis to connect or answer before it counts as unreachable. */
    public int connectTimeoutMs() {
        return connectTimeoutMs;
    }

    /** The address clients reach this node at, or {@code null} for {@code ws://<host name>:<port>/ws}. */
    public String publicAddress() {
        return publicAddress;
    }

    /** This node's id in the registry, or {@code null} for a random one. */
    public String nodeId() {
        return nodeId;
    }

    /** Builds a {@link ClusterConfig}; see the getters for meanings and the fields for defaults. */
    public static final class Builder {
        private String redisUri;
        private long nodeTtlMs = 5_000;
        private int connectTimeoutMs = 2_000;
        private String publicAddress;
        private String nodeId;

        private Builder() {
        }

        /** Turns cluster mode on with the Redis server at {@code uri} ({@code redis://host:port}). Default: off. */
        public Builder redisUri(String uri) {
            this.redisUri = uri;
            return this;
        }

        /** Registry TTL of this node and its rooms, at least 300 ms. Default 5 s. */
        public Builder nodeTtlMs(long ms) {
            this.nodeTtlMs = ms;
            return this;
        }

        /** Connect and read timeout towards Redis, at least 1 ms. Default 2 s. */
        public Builder connectTimeoutMs(int ms) {
            this.connectTimeoutMs = ms;
            return this;
        }

        /** The address published for this node. Default {@code ws://<host name>:<port>/ws}. */
        public Builder publicAddress(String address) {
            this.publicAddress = address;
            return this;
        }

        /** This node's registry id. Default: random. */
        public Builder nodeId(String id) {
            this.nodeId = id;
            return this;
        }

        /** Checks every value and builds. */
        public ClusterConfig build() {
            if (redisUri != null && !redisUri.startsWith("redis://") && !redisUri.startsWith("rediss://")) {
                throw new IllegalArgumentException("redisUri=" + redisUri + " (must start with redis:// or rediss://)");
            }
            if (nodeTtlMs < MIN_NODE_TTL_MS) {
                throw new IllegalArgumentException("nodeTtlMs=" + nodeTtlMs + " (minimum " + MIN_NODE_TTL_MS + ")");
            }
            if (connectTimeoutMs < 1) {
                throw new IllegalArgumentException("connectTimeoutMs=" + connectTimeoutMs + " (minimum 1)");
            }
            if (nodeId != null && (nodeId.isEmpty() || nodeId.indexOf(':') >= 0)) {
                throw new IllegalArgumentException("nodeId=" + nodeId + " (must be non-empty, without ':')");
            }
            return new ClusterConfig(this);
        }
    }
}
