package io.ringside.engine;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.ringside.engine.config.AdminConfig;
import io.ringside.engine.config.AgonesConfig;
import io.ringside.engine.config.ConfigTarget;
import io.ringside.engine.internal.monitor.AdminRoutes;
import io.ringside.engine.internal.monitor.Monitor;
import io.ringside.engine.monitor.MonitorConfig;
import io.ringside.engine.room.ClusterConfig;
import io.ringside.engine.room.GameConfig;
import io.ringside.engine.room.GameMetrics;
import io.ringside.engine.room.Room;
import io.ringside.engine.room.RoomOptions;
import io.ringside.engine.room.RoomRegistry;
import io.ringside.engine.room.RoomRegistryProvider;
import io.ringside.engine.room.RoomRuntime;
import io.ringside.engine.room.ShardMetrics;
import io.ringside.engine.transport.EndpointConfig;
import io.ringside.engine.transport.FatalErrorHandler;
import io.ringside.engine.transport.HttpHandler;
import io.ringside.engine.transport.TransportMetrics;
import io.ringside.engine.transport.WebSocketServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * every room (players are told ROOM_CLOSED) and then closes every connection with 1001;
 * {@link #drainAndClose()} first lets the rooms finish (see {@link #drain()}), which is what SIGTERM
 * should do ({@code TerminationSignals.handle(server::drainAndClose)}).
 *
 * <p>On the same port it answers {@code GET /healthz} (200 while the process serves),
 * {@code GET /readyz} (200 while it takes new players: not before {@link #start()}, nor after
 * {@link #drain()} or {@link #close()}) and {@code GET /metrics} (Prometheus text format, see
 * {@link RingsideCollector}); with the monitor on ({@code .monitor(m -> m.enabled(true))}), a live
 * page of rooms, players and shards under {@code /monitor} (see {@link MonitorConfig}); with an admin
 * token ({@code .admin(a -> a.token(...))}), {@code POST /admin/drain}, which drains and closes the
 * server as SIGTERM does (see {@link AdminConfig}). An auth hook
 * that decides upgrades before they open is set with {@code .transport(t -> t.authHandler(...))}.
 */
public final class RingsideServer implements AutoCloseable {
    /** The default WebSocket endpoint path. */
    public static final String DEFAULT_ENDPOINT_PATH = "/ws";
    /** The subprotocol of the game endpoint, echoed when a client offers it. */
    public static final String SUBPROTOCOL = "ringside.v1";
    /**
     * The game endpoint's default {@code SO_SNDBUF}, 16 KiB (Linux makes it 32 KiB): small, so that a
     * slow reader's snapshots coalesce in the server's queue rather than wait in the kernel.
     */
    public static final int DEFAULT_SEND_BUFFER_BYTES = 16 * 1024;
    /** The default path of the Prometheus metrics route. */
    public static final String DEFAULT_METRICS_PATH = "/metrics";
    /** How long {@link #drainAndClose()} waits past the drain deadline for the shards to dispose what is left. */
    private static final long DRAIN_SLACK_MS = 1_000;

    private final RoomRuntime runtime;
    private final WebSocketServer transport;
    private final PrometheusRegistry registry;
    private final RingsideCollector collector;
    private final RoomRegistry roomRegistry;
    private final Monitor monitor;
    private final AgonesConfig agonesConfig;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CompletableFuture<Void> whenClosed = new CompletableFuture<>();
    private volatile boolean started;
    private volatile boolean closed;

    private RingsideServer(RoomRuntime runtime, WebSocketServer transport, PrometheusRegistry registry,
            RoomRegistry roomRegistry, Monitor monitor, AgonesConfig agonesConfig) {
        this.runtime = runtime;
        this.agonesConfig = agonesConfig;
        this.monitor = monitor;
        this.transport = transport;
        this.registry = registry;
        this.roomRegistry = roomRegistry;
        this.collector = new RingsideCollector(transport.metrics(), runtime.gameMetrics());
        registry.register(collector);
    }

    /** A builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the tick threads, binds the port, starts accepting and, in cluster mode, registers this
     * node; returns this server. Throws, having stopped again, if the room registry is unreachable.
     */
    public RingsideServer start() throws IOException {
        runtime.start(transport::stopOnFatalError);
        try {
            transport.start();
        } catch (IOException | RuntimeException e) {
            runtime.close();
            throw e;
        }
        if (roomRegistry != null) {
            try {
                roomRegistry.start(transport.port(), runtime::rooms);
            } catch (RuntimeException e) {
                runtime.close();
                roomRegistry.close();
                transport.close();
                throw e;
            }
        }
        if (monitor != null) {
            monitor.start(transport.metrics());
        }
        started = true;
        return this;
    }

    /** The bound address and port (after {@link #start()}); a wildcard address means every interface. */
    public InetSocketAddress address() {
        return transport.address();
    }

    /**
     * Stops taking new players: joins without a reconnect token (and new rooms) are refused with
     * {@code ERROR_CODE_SERVER_DRAINING} (in cluster mode, placed on another node), and
     * {@code /readyz} answers 503, so a load balancer or Kubernetes sends new players elsewhere.
     * Every room gets {@link Room#onDrain} at its next tick and plays on (held seats can still be
     * taken back) until it ends, or until the drain deadline ({@code game.drainDeadlineMs}, default
     * 25 s) when it is disposed: its players get Left ROOM_CLOSED and a 1001 close. In cluster mode
     * the node is marked draining in the registry, so no other node places joins here either;
     * {@link #close()} (or {@link #drainAndClose()}) then removes it. Not undone; idempotent; any
     * thread; returns at once.
     */
    public void drain() {
        runtime.drain();
        if (roomRegistry != null) {
            roomRegistry.draining();
        }
    }

    /**
     * Shuts down gracefully: {@link #drain()}, waits until every room ended or was disposed at the
     * drain deadline, then {@link #close()}, which removes this node and its rooms from the cluster
     * registry; returns only then. What to call on SIGTERM ({@link TerminationSignals}). Blocks the
     * caller for at most the drain deadline and a second; not on an I/O or tick thread.
     */
    public void drainAndClose() {
        if (closed) {
            return;
        }
        drain();
        boolean interrupted = false;
        try {
            // the shards dispose what is left at their first tick after the deadline
            runtime.awaitNoRooms(runtime.drainDeadlineMs() + DRAIN_SLACK_MS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@link #drain()} now, then {@link #drainAndClose()} on a thread of its own; returns at once.
     * What {@code POST /admin/drain} does (I/O thread). Later calls do nothing.
     */
    private void drainAndCloseInBackground() {
        drain();
        if (stopping.compareAndSet(false, true)) {
            Thread stop = new Thread(this::drainAndClose, "ringside-admin-drain");
            stop.setDaemon(false);
            stop.start();
        }
    }

    /**
     * Completes once {@link #close()} has finished (directly, or at the end of a drain started by
     * SIGTERM or {@code POST /admin/drain}): the rooms are gone, in cluster mode the node left the
     * registry, and every connection was closed. A program's main thread may wait on it and exit.
     */
    public CompletionStage<Void> whenClosed() {
        return whenClosed.minimalCompletionStage();
    }

    /**
     * The Agones adapter's settings ({@code .agones(a -> ...)}, keys {@code agones.*}), checked at
     * build; what {@code AgonesLifecycle.start(server)} of the {@code ringside-agones} module uses.
     */
    public AgonesConfig agonesConfig() {
        return agonesConfig;
    }

    /** Whether {@link #drain()} was called. */
    public boolean isDraining() {
        return runtime.isDraining();
    }

    /** Whether the server takes new players: started, not draining, not closed (what {@code /readyz} says). */
    public boolean isReady() {
        return started && !closed && !runtime.isDraining();
    }

    /** The game side's figures (ticks, rooms and players per type, joins, reconnects). Any thread. */
    public GameMetrics gameMetrics() {
        return runtime.gameMetrics();
    }

    /** The transport's counters (connections, handshakes, closes, bytes). Any thread. */
    public TransportMetrics transportMetrics() {
        return transport.metrics();
    }

    /** The Prometheus registry {@code /metrics} serves: the server's figures, plus anything you register. */
    public PrometheusRegistry metricsRegistry() {
        return registry;
    }

    /** The bound port (after {@link #start()}; useful with port 0). */
    public int port() {
        return transport.port();
    }

    /**
     * The port that speaks TLS (after {@link #start()}): the TLS listener's, the server's own port when
     * it speaks TLS only, or -1 without TLS.
     */
    public int tlsPort() {
        return transport.tlsPort();
    }

    /** Open connections right now. Any thread. */
    public int connectionCount() {
        return transport.connectionCount();
    }

    /**
     * Bytes of the memory budget in use now ({@link WebSocketServer#memoryBudgetUsedBytes()}): what
     * connections hold in the transport, what the game holds for them (messages waiting for a ring,
     * large messages in ring slots, handshakes and join requests kept by connections and seats), and
     * the I/O loops' unused chunks. Any thread.
     */
    public long memoryBudgetUsedBytes() {
        return transport.memoryBudgetUsedBytes();
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
        registry.unregister(collector);
        if (monitor != null) {
            monitor.close();
        }
        runtime.close();
        if (roomRegistry != null) {
            roomRegistry.close();
        }
        transport.close();
        whenClosed.complete(null);
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
                .path(DEFAULT_ENDPOINT_PATH).subprotocols(SUBPROTOCOL).sendBufferBytes(DEFAULT_SEND_BUFFER_BYTES);
        private FatalErrorHandler fatalErrorHandler = FatalErrorHandler.exitProcess();
        private String metricsPath = DEFAULT_METRICS_PATH;
        private PrometheusRegistry metricsRegistry;
        private final ClusterConfig.Builder cluster = ClusterConfig.builder();
        private final MonitorConfig.Builder monitor = MonitorConfig.builder();
        private final AgonesConfig.Builder agones = AgonesConfig.builder();
        private final AdminConfig.Builder admin = AdminConfig.builder();
        private RoomRegistry roomRegistry;
        private boolean built;

        private Builder() {
        }

        /** Path of the Prometheus metrics route; {@code null} turns the route off. Default {@code /metrics}. */
        @Override
        public Builder metricsPath(String path) {
            this.metricsPath = path;
            return this;
        }

        /**
         * The registry the server adds its collector to and {@code /metrics} serves, e.g. one that
         * also holds JVM metrics. Default: a registry of the server's own.
         */
        public Builder metricsRegistry(PrometheusRegistry registry) {
            this.metricsRegistry = registry;
            return this;
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
         * Edits the live monitor's settings (default: off; see {@link MonitorConfig}). With
         * {@code m.enabled(true)} the server also serves the monitor page, its JSON state and actions
         * under {@code m.path(...)} (default {@code /monitor}), for requests carrying
         * {@code m.token(...)}, or from this machine only when no token is set.
         */
        @Override
        public Builder monitor(Consumer<MonitorConfig.Builder> edit) {
            edit.accept(monitor);
            return this;
        }

        /**
         * Edits the settings of the Agones adapter (the {@code ringside-agones} module; see
         * {@link AgonesConfig}): sidecar host and port, Health interval, retries. Checked by
         * {@link #build()} whether or not the adapter runs.
         */
        @Override
        public Builder agones(Consumer<AgonesConfig.Builder> edit) {
            edit.accept(agones);
            return this;
        }

        /**
         * Edits the admin routes' settings (default: off; see {@link AdminConfig}). With
         * {@code a.token(...)} set, {@code POST /admin/drain} carrying that token drains and closes
         * the server as SIGTERM does, answering 202 at once.
         */
        @Override
        public Builder admin(Consumer<AdminConfig.Builder> edit) {
            edit.accept(admin);
            return this;
        }

        /**
         * Uses {@code registry} for this server's rooms and listings, instead of the one the
         * {@link #cluster(Consumer)} settings would load; for registries of one's own and for tests.
         */
        public Builder registry(RoomRegistry registry) {
            this.roomRegistry = registry;
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

        /**
         * What happens once the server stopped because an I/O, acceptor or tick thread failed with
         * an {@link Error} (out of memory, say): by then every connection was sent 1011 and closed
         * and the tick threads were told to stop. Default {@link FatalErrorHandler#exitProcess()}:
         * exit with status {@value FatalErrorHandler#EXIT_STATUS}. (This one is for the whole server;
         * the transport builder's own is set from it.)
         */
        public Builder fatalErrorHandler(FatalErrorHandler handler) {
            if (handler == null) {
                throw new IllegalArgumentException("fatalErrorHandler=null");
            }
            this.fatalErrorHandler = handler;
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
            if (metricsPath != null && !metricsPath.startsWith("/")) {
                throw new IllegalArgumentException("metrics.path=" + metricsPath + " (must start with /)");
            }
            GameConfig config = nested("game.", game::build);
            EndpointConfig endpointConfig = nested("endpoint.", endpoint::build);
            ClusterConfig clusterConfig = nested("cluster.", cluster::build);
            MonitorConfig monitorConfig = nested("monitor.", monitor::build);
            AgonesConfig agonesConfig = nested("agones.", agones::build);
            AdminConfig adminConfig = nested("admin.", admin::build);
            RoomRegistry rooms = roomRegistry != null ? roomRegistry : loadRegistry(clusterConfig);
            RoomRuntime runtime = new RoomRuntime(config, rooms);
            transport.endpoint(endpointConfig, runtime.endpoint());
            transport.tickSchedule(runtime::nanosUntilNextTick);
            Monitor live = null;
            if (monitorConfig.enabled()) {
                live = new Monitor(monitorConfig, runtime.control(), runtime.gameMetrics());
                transport.endpoint(live.liveEndpoint(), live.liveHandler());
                transport.rttProbeIntervalMs(monitorConfig.rttProbeIntervalMs());
            }
            FatalErrorHandler onFatal = fatalErrorHandler;
            transport.fatalErrorHandler(error -> {
                runtime.stopTicking();
                onFatal.onFatalError(error);
            });
            PrometheusRegistry registry = metricsRegistry != null ? metricsRegistry : new PrometheusRegistry();
            RingsideServer[] server = new RingsideServer[1];
            HttpHandler metrics = metricsPath == null ? null : new PrometheusHandler(metricsPath, registry);
            HttpHandler adminRoutes = adminConfig.enabled()
                    ? new AdminRoutes(adminConfig, () -> server[0].drainAndCloseInBackground()) : null;
            transport.serverRoutes(new OpsRoutes(() -> server[0] != null && server[0].isReady(), metrics,
                    adminRoutes, live == null ? null : live.routes()));
            WebSocketServer webSocketServer = nested("transport.", transport::build);
            built = true;
            server[0] = new RingsideServer(runtime, webSocketServer, registry, rooms, live, agonesConfig);
            return server[0];
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
