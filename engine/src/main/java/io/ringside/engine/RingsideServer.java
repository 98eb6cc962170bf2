package io.ringside.engine;

import io.ringside.engine.config.ConfigTarget;
import io.ringside.engine.room.ClusterConfig;
import io.ringside.engine.room.GameConfig;
import io.ringside.engine.room.Room;
import io.ringside.engine.room.RoomOptions;
import io.ringside.engine.room.RoomRegistry;
import io.ringside.engine.room.RoomRegistryProvider;
import io.ringside.engine.room.RoomRuntime;
import io.ringside.engine.room.ShardMetrics;
import io.ringside.engine.transport.EndpointConfig;
import io.ringside.engine.transport.WebSocketServer;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A Ringside game server: WebSocket transport, sharded tick loops and the rooms game developers write.
 *
 * <pre>{@code
 * RingsideServer server = RingsideServer.builder()
 *         .transport(t -> t.port(9000).bindAddress("0.0.0.0").maxConnections(10_000))
 *         .game(g -> g.tickRateHz(30).shards(2))
 *         .endpoint(e -> e.allowedOrigins("https://game.example"))
 *         .room("arena", ArenaRoom::new, RoomOptions.builder().capacity(8).build())
 *         .build().start();
 * }</pre>
 * Clients speak the {@code ringside.v1} envelope (binary frames) on the endpoint path, default
 * {@code /ws}; a client that offers subprotocol {@value #SUBPROTOCOL} gets it echoed. Browser pages
 * from other hosts are refused unless allowed (see {@link EndpointConfig}). {@link #close()} disposes
 * every room (players are told ROOM_CLOSED) and then closes every connection with 1001.
 */
public final class RingsideServer implements AutoCloseable {
    /** The default WebSocket endpoint path. */
    public static final String DEFAULT_ENDPOINT_PATH = "/ws";
    /** The subprotocol of the game endpoint, echoed when a client offers it. */
    public static final String SUBPROTOCOL = "ringside.v1";

    private final RoomRuntime runtime;
    private final WebSocketServer transport;
    private final RoomRegistry registry;
    private boolean closed;

    private RingsideServer(RoomRuntime runtime, WebSocketServer transport, RoomRegistry registry) {
        this.runtime = runtime;
        this.transport = transport;
        this.registry = registry;
    }

    /** A builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the tick threads, binds the port, starts accepting and, in cluster mode, registers this
     * node; returns this server. Throws, having stopped again, if the registry is unreachable.
     */
    public RingsideServer start() throws IOException {
        runtime.start();
        try {
            transport.start();
        } catch (IOException | RuntimeException e) {
            runtime.close();
            throw e;
        }
        if (registry != null) {
            try {
                registry.start(transport.port(), runtime::rooms);
            } catch (RuntimeException e) {
                runtime.close();
                registry.close();
                transport.close();
                throw e;
            }
        }
        return this;
    }

    /** The bound port (after {@link #start()}; useful with port 0). */
    public int port() {
        return transport.port();
    }

    /** Open connections right now. Any thread. */
    public int connectionCount() {
        return transport.connectionCount();
    }

    /** Each shard's figures (tick durations, overruns, ring depth, messages and bytes). Any thread. */
    public List<ShardMetrics> metrics() {
        return runtime.metrics();
    }

    /** Disposes every room (players get Left ROOM_CLOSED), then closes every connection with 1001. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        runtime.close();
        if (registry != null) {
            registry.close();
        }
        transport.close();
    }

    /**
     * Builds a {@link RingsideServer} from three nested builders, each edited in place by a lambda:
     * {@link #transport(Consumer)} (port, bind address, I/O loops, connection, handshake, decoder and
     * heartbeat limits, HTTP handler, error handler), {@link #game(Consumer)} (shards, tick rate,
     * rings, per-tick and per-connection limits, room types) and {@link #endpoint(Consumer)} (the
     * game endpoint's path, subprotocols and Origin policy). Every option those builders have is
     * reachable here. {@link #build()} checks every value and names a bad one as
     * {@code section.name=value}, e.g. {@code game.tickRateHz=0 (must be 1 to 128)}.
     */
    public static final class Builder implements ConfigTarget {
        private final WebSocketServer.Builder transport = WebSocketServer.builder();
        private final GameConfig.Builder game = GameConfig.builder();
        private final EndpointConfig.Builder endpoint = EndpointConfig.builder()
                .path(DEFAULT_ENDPOINT_PATH).subprotocols(SUBPROTOCOL);
        private final ClusterConfig.Builder cluster = ClusterConfig.builder();
        private RoomRegistry registry;
        private boolean built;

        private Builder() {
        }

        /** Edits the transport settings (defaults: port 8080 on every interface, one I/O loop per core). */
        @Override
        public Builder transport(Consumer<WebSocketServer.Builder> edit) {
            edit.accept(transport);
            return this;
        }

        /** Edits the game settings (defaults: half the cores as shards, 30 Hz). */
        @Override
        public Builder game(Consumer<GameConfig.Builder> edit) {
            edit.accept(game);
            return this;
        }

        /**
         * Edits the game endpoint (defaults: path {@code /ws}, subprotocol {@value #SUBPROTOCOL},
         * same-host Origin policy; see {@link EndpointConfig}).
         */
        @Override
        public Builder endpoint(Consumer<EndpointConfig.Builder> edit) {
            edit.accept(endpoint);
            return this;
        }

        /**
         * Edits the cluster settings (default: off, no Redis). With {@code c.redisUri(...)} set, this
         * server registers itself and its rooms in Redis and answers room listings across every node
         * registered there; the {@code ringside-cluster} module must be on the class path.
         */
        @Override
        public Builder cluster(Consumer<ClusterConfig.Builder> edit) {
            edit.accept(cluster);
            return this;
        }

        /**
         * Uses {@code registry} for this server's rooms and listings, instead of the one the
         * {@link #cluster(Consumer)} settings would load; for registries of one's own and for tests.
         */
        public Builder registry(RoomRegistry registry) {
            this.registry = registry;
            return this;
        }

        /**
         * Applies settings read from a file or the environment, e.g. {@code RingsideConfig.load(path)},
         * at this point: calls made before are defaults it overrides, calls made after override it.
         */
        public Builder configure(Consumer<Builder> config) {
            config.accept(this);
            return this;
        }

        /** Registers room type {@code name}, its rooms made by {@code factory}, with {@code options}. */
        public Builder room(String name, Supplier<? extends Room> factory, RoomOptions options) {
            game.room(name, factory, options);
            return this;
        }

        /** Registers room type {@code name} with {@link RoomOptions#defaults()}. */
        public Builder room(String name, Supplier<? extends Room> factory) {
            return room(name, factory, RoomOptions.defaults());
        }

        /** Checks every value and builds an unstarted server. Call once. */
        public RingsideServer build() {
            if (built) {
                throw new IllegalStateException("build() was already called on this builder");
            }
            GameConfig config = nested("game.", game::build);
            EndpointConfig endpointConfig = nested("endpoint.", endpoint::build);
            ClusterConfig clusterConfig = nested("cluster.", cluster::build);
            RoomRegistry roomRegistry = registry != null ? registry : loadRegistry(clusterConfig);
            RoomRuntime runtime = new RoomRuntime(config, roomRegistry);
            transport.endpoint(endpointConfig, runtime.endpoint());
            WebSocketServer server = nested("transport.", transport::build);
            built = true;
            return new RingsideServer(runtime, server, roomRegistry);
        }

        private static RoomRegistry loadRegistry(ClusterConfig config) {
            if (!config.enabled()) {
                return null;
            }
            Iterator<RoomRegistryProvider> providers = ServiceLoader.load(RoomRegistryProvider.class).iterator();
            if (!providers.hasNext()) {
                throw new IllegalArgumentException("cluster.redisUri=" + config.redisUri()
                        + " (cluster mode needs the ringside-cluster module on the class path)");
            }
            return providers.next().create(config);
        }

        private static <T> T nested(String prefix, Supplier<T> build) {
            try {
                return build.get();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(prefix + e.getMessage(), e);
            }
        }
    }
}
