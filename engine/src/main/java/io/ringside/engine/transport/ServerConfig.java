package io.ringside.engine.transport;

import io.ringside.protocol.http.HandshakeLimits;
import io.ringside.protocol.http.UpgradeRequest;
import io.ringside.protocol.websocket.DecoderConfig;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.LongSupplier;

/** The checked, immutable settings of a {@link WebSocketServer}; see its builder for meanings. */
final class ServerConfig {
    static final String HEALTH_PATH = "/healthz";
    private static final long MIN_TIMER_TICK_NS = 5_000_000L;
    private static final long MAX_TIMER_TICK_NS = 250_000_000L;

    final InetSocketAddress bindAddress;
    final int ioLoops;
    final List<Endpoint> endpoints;
    final HttpHandler httpHandler;
    final HttpHandler serverRoutes;
    final AuthHandler authHandler;
    final long authTimeoutNs;
    final HandshakeLimits handshakeLimits;
    final DecoderConfig decoderConfig;
    final long handshakeTimeoutNs;
    final long heartbeatIntervalNs;
    final long heartbeatTimeoutNs;
    final long rttProbeIntervalNs;
    final long closeTimeoutNs;
    final long shutdownTimeoutNs;
    final long maxOutboundBacklogBytes;
    final long memoryBudgetBytes;
    final int maxConnections;
    final int maxHandshakes;
    final int maxConnectionsPerAddress;
    final int maxHandshakesPerAddress;
    final long maxBytesPerAddress;
    final boolean addressLimitsOnLoopback;
    /** Idle bytes each loop's pool of inbound message arrays keeps: as configured, at most budget / (8 x loops). */
    final long messagePoolBytes;
    final int commandQueueCapacity;
    final int readBufferBytes;
    final ErrorHandler errorHandler;
    final FatalErrorHandler fatalErrorHandler;
    final Runnable acceptHook;
    final LongSupplier nanoClock;
    final long timerTickNs;
    final long readCoalesceNs;
    final long readBeforeTickNs;
    /** Nanoseconds until the next tick of the server's tick loops; {@code null} without them. */
    final LongSupplier tickSchedule;
    /** TLS key material and settings, or {@code null} for plain only. */
    final ServerTls tls;

    ServerConfig(WebSocketServer.Builder b, InetSocketAddress bindAddress, HandshakeLimits handshakeLimits,
            DecoderConfig decoderConfig, ServerTls tls) {
        this.tls = tls;
        this.bindAddress = bindAddress;
        this.ioLoops = b.ioLoops;
        this.endpoints = List.copyOf(b.endpoints);
        this.httpHandler = b.httpHandler;
        this.serverRoutes = b.serverRoutes;
        this.authHandler = b.authHandler;
        this.authTimeoutNs = b.authTimeoutMs * 1_000_000L;
        this.handshakeLimits = handshakeLimits;
        this.decoderConfig = decoderConfig;
        this.handshakeTimeoutNs = b.handshakeTimeoutMs * 1_000_000L;
        this.heartbeatIntervalNs = b.heartbeatIntervalMs * 1_000_000L;
        this.heartbeatTimeoutNs = b.heartbeatTimeoutMs * 1_000_000L;
        this.rttProbeIntervalNs = b.rttProbeIntervalMs * 1_000_000L;
        this.closeTimeoutNs = b.closeTimeoutMs * 1_000_000L;
        this.shutdownTimeoutNs = b.shutdownTimeoutMs * 1_000_000L;
        this.maxOutboundBacklogBytes = b.maxOutboundBacklogBytes;
        this.memoryBudgetBytes = b.memoryBudgetBytes;
        this.maxConnections = b.maxConnections;
        this.maxHandshakes = b.maxHandshakes;
        this.maxConnectionsPerAddress = b.maxConnectionsPerAddress;
        this.maxHandshakesPerAddress = b.maxHandshakesPerAddress;
        this.maxBytesPerAddress = b.maxBytesPerAddress > 0 ? b.maxBytesPerAddress : b.memoryBudgetBytes / 8;
        this.addressLimitsOnLoopback = b.addressLimitsOnLoopback;
        this.messagePoolBytes = Math.min(b.messagePoolBytes, b.memoryBudgetBytes / (8L * b.ioLoops));
        this.commandQueueCapacity = b.commandQueueCapacity;
        this.readBufferBytes = b.readBufferBytes;
        this.errorHandler = b.errorHandler;
        this.fatalErrorHandler = b.fatalErrorHandler;
        this.acceptHook = b.acceptHook;
        this.nanoClock = b.nanoClock;
        this.readCoalesceNs = b.readCoalesceUs * 1_000L;
        this.readBeforeTickNs = b.readBeforeTickUs * 1_000L;
        this.tickSchedule = b.tickSchedule;
        long shortest = Math.min(handshakeTimeoutNs, closeTimeoutNs);
        if (heartbeatIntervalNs > 0) {
            shortest = Math.min(shortest, Math.min(heartbeatIntervalNs, heartbeatTimeoutNs));
        }
        if (rttProbeIntervalNs > 0) {
            shortest = Math.min(shortest, rttProbeIntervalNs);
        }
        this.timerTickNs = Math.max(MIN_TIMER_TICK_NS, Math.min(MAX_TIMER_TICK_NS, shortest / 4));
    }

    /** Fresh per-address counts under these limits (one set per server, shared by its loops). */
    AddressLimits addressLimits() {
        return new AddressLimits(maxConnectionsPerAddress, maxHandshakesPerAddress, maxBytesPerAddress,
                addressLimitsOnLoopback);
    }

    /** The endpoint whose path equals the request's, compared in place; {@code null} if none. */
    Endpoint endpointFor(UpgradeRequest request) {
        for (int i = 0; i < endpoints.size(); i++) {
            Endpoint endpoint = endpoints.get(i);
            if (request.pathEquals(endpoint.path)) {
                return endpoint;
            }
        }
        return null;
    }
}
