package io.ringside.engine;

import io.ringside.engine.room.GameConfig;
import io.ringside.engine.room.Room;
import io.ringside.engine.room.RoomOptions;
import io.ringside.engine.room.RoomRuntime;
import io.ringside.engine.room.ShardMetrics;
import io.ringside.engine.tick.NanoClock;
import io.ringside.engine.transport.StaticResourceHandler;
import io.ringside.engine.transport.WebSocketServer;
import io.ringside.protocol.deflate.DeflatePolicy;
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
 */
public final class RingsideServer implements AutoCloseable {
    /** The default WebSocket endpoint path. */
    public static final String DEFAULT_ENDPOINT_PATH = "/ws";

    private final RoomRuntime runtime;
    private final WebSocketServer transport;
    private boolean closed;

    private RingsideServer(RoomRuntime runtime, WebSocketServer transport) {
        this.runtime = runtime;
        this.transport = transport;
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
        transport.close();
    }

    /** Builds a {@link RingsideServer}; {@link #build()} checks every value and names a bad one. */
    public static final class Builder {
        private final GameConfig.Builder game = GameConfig.builder();
        private final WebSocketServer.Builder transport = WebSocketServer.builder();
        private String endpointPath = DEFAULT_ENDPOINT_PATH;
        private int maxMessageBytes = DecoderConfig.DEFAULT_MAX_MESSAGE_BYTES;
        private String staticResources;
        private DeflatePolicy deflate;

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

        /**
         * Accepts permessage-deflate (RFC 7692) on the game endpoint under {@code policy}; default
         * {@code null}: declined. Game messages are mostly small deltas that gain little and cost CPU
         * per message, so it is off unless chosen; see the README for its memory cost per connection.
         */
        public Builder deflate(DeflatePolicy policy) {
            this.deflate = policy;
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
            if (staticResources != null) {
                transport.httpHandler(StaticResourceHandler.fromClasspath(staticResources));
            }
            RoomRuntime runtime = new RoomRuntime(config);
            transport.endpoint(endpointPath, runtime.endpoint(), deflate);
            return new RingsideServer(runtime, transport.build());
        }
    }
}
