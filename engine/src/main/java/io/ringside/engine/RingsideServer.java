package io.ringside.engine;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.ringside.engine.metrics.PrometheusHandler;
import io.ringside.engine.metrics.RingsideCollector;
import io.ringside.engine.room.GameConfig;
import io.ringside.engine.room.Room;
import io.ringside.engine.room.RoomOptions;
import io.ringside.engine.room.RoomRuntime;
import io.ringside.engine.room.ShardMetrics;
import io.ringside.engine.tick.NanoClock;
import io.ringside.engine.transport.AuthHandler;
import io.ringside.engine.transport.HttpHandler;
import io.ringside.engine.transport.HttpResponse;
import io.ringside.engine.transport.StaticResourceHandler;
import io.ringside.engine.transport.TransportMetrics;
import io.ringside.engine.transport.WebSocketServer;
import io.ringside.protocol.websocket.DecoderConfig;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * A Ringside game server: WebSocket transport, sharded tick loops and the rooms game developers write.
 *
 * <pre>{@code
 * RingsideServer server = RingsideServer.builder()
 *         .port(9000).tickRateHz(30)
 *         .room("arena", ArenaRoom::new, RoomOptions.builder().capacity(8).build())
 *         .build().start();
 * }</pre>
 * Clients speak the {@code ringside.v1} envelope (binary frames) on the endpoint path, default
 * {@code /ws}. {@link #close()} disposes every room (players are told ROOM_CLOSED) and then closes
 * every connection with 1001.
 *
 * <p>On the same port it answers {@code GET /healthz} (200 while the process serves),
 * {@code GET /readyz} (200 while it takes new players: not before {@link #start()}, nor after
 * {@link #drain()} or {@link #close()}) and {@code GET /metrics} (Prometheus text format, see
 * {@link RingsideCollector}).
 */
public final class RingsideServer implements AutoCloseable {
    /** The default WebSocket endpoint path. */
    public static final String DEFAULT_ENDPOINT_PATH = "/ws";
    /** The default path of the Prometheus metrics route. */
    public static final String DEFAULT_METRICS_PATH = "/metrics";

    private final RoomRuntime runtime;
    private final WebSocketServer transport;
    private final PrometheusRegistry registry;
    private final RingsideCollector collector;
    private volatile boolean started;
    private volatile boolean closed;

    private RingsideServer(RoomRuntime runtime, WebSocketServer transport, PrometheusRegistry registry) {
        this.runtime = runtime;
        this.transport = transport;
        this.registry = registry;
        this.collector = new RingsideCollector(transport.metrics(), runtime.gameMetrics());
        registry.register(collector);
    }

    /** A builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts the tick threads, binds the port and starts accepting; returns this server. */
    public RingsideServer start() throws IOException {
        runtime.start();
        try {
            transport.start();
        } catch (IOException | RuntimeException e) {
            runtime.close();
            throw e;
        }
        started = true;
        return this;
    }

    /**
     * Stops taking new players: joins without a reconnect token (and new rooms) are refused with
     * {@code ERROR_CODE_SERVER_DRAINING}, and {@code /readyz} answers 503, so a load balancer or
     * Kubernetes sends new players elsewhere. Rooms and their players carry on, and held seats can
     * still be taken back; {@link #close()} ends them. Not undone; idempotent; any thread.
     */
    public void drain() {
        runtime.drain();
    }

    /** Whether {@link #drain()} was called. */
    public boolean isDraining() {
        return runtime.isDraining();
    }

    /** Whether the server takes new players: started, not draining, not closed (what {@code /readyz} says). */
    public boolean isReady() {
        return started && !closed && !runtime.isDraining();
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
        registry.unregister(collector);
        runtime.close();
        transport.close();
    }

    /** Builds a {@link RingsideServer}; {@link #build()} checks every value and names a bad one. */
    public static final class Builder {
        private final GameConfig.Builder game = GameConfig.builder();
        private final WebSocketServer.Builder transport = WebSocketServer.builder();
        private String endpointPath = DEFAULT_ENDPOINT_PATH;
        private int maxMessageBytes = DecoderConfig.DEFAULT_MAX_MESSAGE_BYTES;
        private String staticResources;
        private HttpHandler httpHandler;
        private String metricsPath = DEFAULT_METRICS_PATH;
        private PrometheusRegistry metricsRegistry;

        private Builder() {
        }

        /** TCP port; 0 picks a free one. Default 8080. */
        public Builder port(int port) {
            transport.port(port);
            return this;
        }

        /** I/O loop threads. Default: available processors. */
        public Builder ioLoops(int loops) {
            transport.ioLoops(loops);
            return this;
        }

        /** Shards (tick threads). Default: half the available processors, at least 1. */
        public Builder shards(int shards) {
            game.shards(shards);
            return this;
        }

        /** Ticks per second, 1 to 128. Default 30. */
        public Builder tickRateHz(int hz) {
            game.tickRateHz(hz);
            return this;
        }

        /** Overdue ticks run back to back after an overrun; older ones are skipped and counted. Default 3. */
        public Builder maxCatchUpTicks(int ticks) {
            game.maxCatchUpTicks(ticks);
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

        /** Inbound ring slots per shard, a power of two. Default 16 384. */
        public Builder ringCapacity(int slots) {
            game.ringCapacity(slots);
            return this;
        }

        /** Bytes a ring slot holds without allocating. Default 512. */
        public Builder slotBytes(int bytes) {
            game.slotBytes(bytes);
            return this;
        }

        /** Bytes of idle outbound frames each shard keeps for reuse. Default 8 MiB. */
        public Builder framePoolBytes(long bytes) {
            game.framePoolBytes(bytes);
            return this;
        }

        /** Largest inbound message in bytes (close 1009 beyond). Default 1 MiB. */
        public Builder maxMessageBytes(int bytes) {
            this.maxMessageBytes = bytes;
            return this;
        }

        /** Malformed messages tolerated per connection before close 1007. Default 10. */
        public Builder maxMalformedMessages(int count) {
            game.maxMalformedMessages(count);
            return this;
        }

        /** Most inbound events a shard dispatches per tick. Default 16 384. */
        public Builder maxEventsPerTick(int events) {
            game.maxEventsPerTick(events);
            return this;
        }

        /** Queued outbound bytes per connection before it is closed with 1008. Default 4 MiB. */
        public Builder maxOutboundBacklogBytes(long bytes) {
            transport.maxOutboundBacklogBytes(bytes);
            return this;
        }

        /** Handshake header fields kept for the rooms' auth hooks. */
        public Builder handshakeHeaders(String... names) {
            game.handshakeHeaders(List.of(names));
            return this;
        }

        /** The WebSocket endpoint path. Default {@code /ws}. */
        public Builder endpointPath(String path) {
            this.endpointPath = path;
            return this;
        }

        /** Serves plain HTTP GETs from this classpath root (e.g. {@code "web"}). Default: none. */
        public Builder staticResources(String classpathRoot) {
            this.staticResources = classpathRoot;
            return this;
        }

        /**
         * Decides every upgrade on the game endpoint before the WebSocket opens: accept with an
         * identity (rooms see it as {@code Player.identity()} and {@code JoinRequest.identity()}) or
         * refuse with 401/403; it may answer later through a {@code CompletableFuture}. See
         * {@link AuthHandler}. Default: none.
         */
        public Builder authHandler(AuthHandler handler) {
            transport.authHandler(handler);
            return this;
        }

        /** How long the auth handler may take before the upgrade is answered 503, in ms. Default 5 s. */
        public Builder authTimeoutMs(long ms) {
            transport.authTimeoutMs(ms);
            return this;
        }

        /**
         * Answers plain HTTP requests (e.g. a {@code /token} route) after the server's own routes
         * ({@code /healthz}, {@code /readyz}, {@code /metrics}) and before {@link #staticResources};
         * {@code null} from it passes the request on. Runs on an I/O loop: it must not block.
         */
        public Builder httpHandler(HttpHandler handler) {
            this.httpHandler = handler;
            return this;
        }

        /** Path of the Prometheus metrics route; {@code null} turns the route off. Default {@code /metrics}. */
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

        /** Heartbeat ping interval in ms; 0 disables. Default 30 s. */
        public Builder heartbeatIntervalMs(long ms) {
            transport.heartbeatIntervalMs(ms);
            return this;
        }

        /** How long shutdown waits for clients' close replies, in ms. Default 5 s. */
        public Builder shutdownTimeoutMs(long ms) {
            transport.shutdownTimeoutMs(ms);
            return this;
        }

        Builder clock(NanoClock clock) {
            game.clock(clock);
            return this;
        }

        /** Checks every value and builds an unstarted server. */
        public RingsideServer build() {
            if (endpointPath == null || !endpointPath.startsWith("/")) {
                throw new IllegalArgumentException("endpointPath=" + endpointPath + " (must start with /)");
            }
            if (maxMessageBytes < 1) {
                throw new IllegalArgumentException("maxMessageBytes=" + maxMessageBytes + " (minimum 1)");
            }
            GameConfig config = game.build();
            transport.decoderConfig(DecoderConfig.builder().maxMessageBytes(maxMessageBytes)
                    .maxFramePayloadBytes(maxMessageBytes).build());
            if (metricsPath != null && !metricsPath.startsWith("/")) {
                throw new IllegalArgumentException("metricsPath=" + metricsPath + " (must start with /)");
            }
            RoomRuntime runtime = new RoomRuntime(config);
            transport.endpoint(endpointPath, runtime.endpoint());
            PrometheusRegistry registry = metricsRegistry != null ? metricsRegistry : new PrometheusRegistry();
            RingsideServer[] server = new RingsideServer[1];
            HttpHandler statics = staticResources == null ? null : StaticResourceHandler.fromClasspath(staticResources);
            HttpHandler next = httpHandler == null ? statics : statics == null ? httpHandler : request -> {
                HttpResponse response = httpHandler.handle(request);
                return response != null ? response : statics.handle(request);
            };
            HttpHandler metrics = metricsPath == null ? null : new PrometheusHandler(metricsPath, registry);
            transport.httpHandler(new OpsRoutes(() -> server[0] != null && server[0].isReady(), metrics, next));
            server[0] = new RingsideServer(runtime, transport.build(), registry);
            return server[0];
        }
    }
}
