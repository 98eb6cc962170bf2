package io.ringside.engine.room;

/**
 * Immutable settings of the opt-in cluster mode, in which several servers share one room registry
 * on Redis. Without {@link #redisUri()} (the default) a server runs alone and needs no Redis.
 * Built by {@code RingsideServer.Builder#cluster}; {@link Builder#build()} names a bad value.
 */
public final class ClusterConfig {
    /** Shortest node TTL accepted. */
    public static final long MIN_NODE_TTL_MS = 300;
    /** Placement by fewest players: a new room goes to the node with the fewest players. */
    public static final String PLACEMENT_LEAST_PLAYERS = "least-players";
    /** Placement by fewest rooms: a new room goes to the node with the fewest rooms. */
    public static final String PLACEMENT_LEAST_ROOMS = "least-rooms";

    private final String redisUri;
    private final long nodeTtlMs;
    private final int connectTimeoutMs;
    private final String publicAddress;
    private final String nodeId;
    private final String placement;
    private final int maxRoomsPerNode;
    private final long seatTtlMs;

    private ClusterConfig(Builder b) {
        this.redisUri = b.redisUri;
        this.nodeTtlMs = b.nodeTtlMs;
        this.connectTimeoutMs = b.connectTimeoutMs;
        this.publicAddress = b.publicAddress;
        this.nodeId = b.nodeId;
        this.placement = b.placement;
        this.maxRoomsPerNode = b.maxRoomsPerNode;
        this.seatTtlMs = b.seatTtlMs;
    }

    /**
     * How a new room's node is chosen among those not draining and under {@link #maxRoomsPerNode()}:
     * {@value #PLACEMENT_LEAST_PLAYERS} or {@value #PLACEMENT_LEAST_ROOMS} (ties go to the node the
     * client is on).
     */
    public String placement() {
        return placement;
    }

    /**
     * Most rooms on one node, enforced in Redis when rooms are placed or created (private rooms
     * are not counted); 0 for no cap.
     */
    public int maxRoomsPerNode() {
        return maxRoomsPerNode;
    }

    /** Milliseconds a seat reservation for another node holds its seat and its token stays valid (Redis' clock). */
    public long seatTtlMs() {
        return seatTtlMs;
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
        private String placement = PLACEMENT_LEAST_PLAYERS;
        private int maxRoomsPerNode;
        private long seatTtlMs = 10_000;

        private Builder() {
        }

        /** {@value #PLACEMENT_LEAST_PLAYERS} or {@value #PLACEMENT_LEAST_ROOMS}. Default least-players. */
        public Builder placement(String policy) {
            this.placement = policy;
            return this;
        }

        /** Most rooms placed on one node, 0 for no cap. Default 0. */
        public Builder maxRoomsPerNode(int rooms) {
            this.maxRoomsPerNode = rooms;
            return this;
        }

        /** How long a seat reservation holds, 100 ms to 5 min. Default 10 s. */
        public Builder seatTtlMs(long ms) {
            this.seatTtlMs = ms;
            return this;
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
            if (!PLACEMENT_LEAST_PLAYERS.equals(placement) && !PLACEMENT_LEAST_ROOMS.equals(placement)) {
                throw new IllegalArgumentException("placement=" + placement + " (must be " + PLACEMENT_LEAST_PLAYERS
                        + " or " + PLACEMENT_LEAST_ROOMS + ")");
            }
            if (maxRoomsPerNode < 0) {
                throw new IllegalArgumentException("maxRoomsPerNode=" + maxRoomsPerNode + " (0 for no cap, or more)");
            }
            if (seatTtlMs < 100 || seatTtlMs > 300_000) {
                throw new IllegalArgumentException("seatTtlMs=" + seatTtlMs + " (must be 100 ms to 5 min)");
            }
            return new ClusterConfig(this);
        }
    }
}
