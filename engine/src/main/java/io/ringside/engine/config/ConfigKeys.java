package io.ringside.engine.config;

import static io.ringside.engine.config.ConfigKey.bool;
import static io.ringside.engine.config.ConfigKey.bytes;
import static io.ringside.engine.config.ConfigKey.bytesInt;
import static io.ringside.engine.config.ConfigKey.durationMs;
import static io.ringside.engine.config.ConfigKey.integer;
import static io.ringside.engine.config.ConfigKey.secret;
import static io.ringside.engine.config.ConfigKey.string;
import static io.ringside.engine.config.ConfigKey.strings;

import java.nio.file.Path;
import java.util.List;

/**
 * Every key a configuration file or the environment may set, one line each: name (under
 * {@code ringside.}), type, and the builder call it makes. An option added to a builder becomes
 * configurable from outside with one more line here. Defaults are the builders' own.
 */
public final class ConfigKeys {
    private static final List<ConfigKey<?>> ALL = List.of(
            integer("transport.port", (b, v) -> b.transport(t -> t.port(v))).envAlias("PORT"),
            string("transport.bind-address", (b, v) -> b.transport(t -> t.bindAddress(v))).envAlias("BIND_ADDRESS"),
            integer("transport.io-loops", (b, v) -> b.transport(t -> t.ioLoops(v))),
            integer("transport.max-connections", (b, v) -> b.transport(t -> t.maxConnections(v))),
            integer("transport.max-handshakes", (b, v) -> b.transport(t -> t.maxHandshakes(v))),
            integer("transport.max-connections-per-address", (b, v) -> b.transport(t -> t.maxConnectionsPerAddress(v))),
            integer("transport.max-handshakes-per-address", (b, v) -> b.transport(t -> t.maxHandshakesPerAddress(v))),
            bytes("transport.max-bytes-per-address", (b, v) -> b.transport(t -> t.maxBytesPerAddress(v))),
            bool("transport.address-limits-on-loopback", (b, v) -> b.transport(t -> t.addressLimitsOnLoopback(v))),
            bytes("transport.memory-budget-bytes", (b, v) -> b.transport(t -> t.memoryBudgetBytes(v))),
            bytes("transport.message-pool-bytes", (b, v) -> b.transport(t -> t.messagePoolBytes(v))),
            durationMs("transport.handshake-timeout", (b, v) -> b.transport(t -> t.handshakeTimeoutMs(v))),
            durationMs("transport.auth-timeout", (b, v) -> b.transport(t -> t.authTimeoutMs(v))),
            durationMs("transport.heartbeat-interval", (b, v) -> b.transport(t -> t.heartbeatIntervalMs(v))),
            durationMs("transport.heartbeat-timeout", (b, v) -> b.transport(t -> t.heartbeatTimeoutMs(v))),
            durationMs("transport.close-timeout", (b, v) -> b.transport(t -> t.closeTimeoutMs(v))),
            durationMs("transport.shutdown-timeout", (b, v) -> b.transport(t -> t.shutdownTimeoutMs(v))),
            bytes("transport.max-outbound-backlog-bytes", (b, v) -> b.transport(t -> t.maxOutboundBacklogBytes(v))),
            integer("transport.command-queue-capacity", (b, v) -> b.transport(t -> t.commandQueueCapacity(v))),
            bytesInt("transport.read-buffer-bytes", (b, v) -> b.transport(t -> t.readBufferBytes(v))),
            integer("transport.read-coalesce-us", (b, v) -> b.transport(t -> t.readCoalesceUs(v))),
            integer("transport.read-before-tick-us", (b, v) -> b.transport(t -> t.readBeforeTickUs(v))),
            bytesInt("transport.decoder.max-message-bytes",
                    (b, v) -> b.transport(t -> t.decoder(d -> d.maxMessageBytes(v)))),
            bytes("transport.decoder.max-frame-payload-bytes",
                    (b, v) -> b.transport(t -> t.decoder(d -> d.maxFramePayloadBytes(v)))),
            bytesInt("transport.handshake.max-head-bytes",
                    (b, v) -> b.transport(t -> t.handshakeLimits(h -> h.maxHeadBytes(v)))),
            integer("transport.handshake.max-header-count",
                    (b, v) -> b.transport(t -> t.handshakeLimits(h -> h.maxHeaderCount(v)))),
            bytesInt("transport.handshake.max-request-line-bytes",
                    (b, v) -> b.transport(t -> t.handshakeLimits(h -> h.maxRequestLineBytes(v)))),
            string("transport.tls.certificate-chain",
                    (b, v) -> b.transport(t -> t.tls(x -> x.certificateChain(Path.of(v))))),
            string("transport.tls.private-key", (b, v) -> b.transport(t -> t.tls(x -> x.privateKey(Path.of(v))))),
            string("transport.tls.key-store", (b, v) -> b.transport(t -> t.tls(x -> x.keyStore(Path.of(v),
                    x.keyStorePassword())))),
            string("transport.tls.key-store-password",
                    (b, v) -> b.transport(t -> t.tls(x -> x.keyStorePassword(v)))),
            integer("transport.tls.port", (b, v) -> b.transport(t -> t.tls(x -> x.port(v)))),
            strings("transport.tls.protocols", (b, v) -> b.transport(t -> t.tls(x -> x.protocols(v)))),
            strings("transport.tls.cipher-suites", (b, v) -> b.transport(t -> t.tls(x -> x.cipherSuites(v)))),
            bool("transport.tls.session-resumption",
                    (b, v) -> b.transport(t -> t.tls(x -> x.sessionResumption(v)))),
            durationMs("transport.tls.reload-check", (b, v) -> b.transport(t -> t.tls(x -> x.reloadCheckMs(v)))),
            integer("game.shards", (b, v) -> b.game(g -> g.shards(v))),
            integer("game.tick-rate-hz", (b, v) -> b.game(g -> g.tickRateHz(v))),
            integer("game.max-catch-up-ticks", (b, v) -> b.game(g -> g.maxCatchUpTicks(v))),
            integer("game.ring-capacity", (b, v) -> b.game(g -> g.ringCapacity(v))),
            bytesInt("game.slot-bytes", (b, v) -> b.game(g -> g.slotBytes(v))),
            bytes("game.frame-pool-bytes", (b, v) -> b.game(g -> g.framePoolBytes(v))),
            integer("game.max-events-per-tick", (b, v) -> b.game(g -> g.maxEventsPerTick(v))),
            integer("game.slots-per-session-per-tick", (b, v) -> b.game(g -> g.slotsPerSessionPerTick(v))),
            integer("game.max-malformed-messages", (b, v) -> b.game(g -> g.maxMalformedMessages(v))),
            integer("game.post-queue-capacity", (b, v) -> b.game(g -> g.postQueueCapacity(v))),
            bytesInt("game.max-join-request-bytes", (b, v) -> b.game(g -> g.maxJoinRequestBytes(v))),
            integer("game.max-refused-requests", (b, v) -> b.game(g -> g.maxRefusedRequests(v))),
            integer("game.max-rooms", (b, v) -> b.game(g -> g.maxRooms(v))),
            integer("game.max-rooms-per-client", (b, v) -> b.game(g -> g.maxRoomsPerClient(v))),
            integer("game.input-queue-capacity", (b, v) -> b.game(g -> g.inputQueueCapacity(v))),
            bytesInt("game.max-input-bytes", (b, v) -> b.game(g -> g.maxInputBytes(v))),
            integer("game.max-input-seq-gap", (b, v) -> b.game(g -> g.maxInputSeqGap(v))),
            strings("game.handshake-headers", (b, v) -> b.game(g -> g.handshakeHeaders(v))),
            durationMs("game.drain-deadline", (b, v) -> b.game(g -> g.drainDeadlineMs(v))),
            string("endpoint.path", (b, v) -> b.endpoint(e -> e.path(v))),
            strings("endpoint.allowed-origins", (b, v) -> b.endpoint(e -> e.allowedOrigins(v.toArray(new String[0])))),
            bool("endpoint.any-origin", (b, v) -> b.endpoint(e -> e.anyOrigin(v))),
            bytesInt("endpoint.send-buffer-bytes", (b, v) -> b.endpoint(e -> e.sendBufferBytes(v))),
            string("metrics.path", ConfigTarget::metricsPath),
            bool("metrics.enabled", (b, v) -> {
                if (!v) {
                    b.metricsPath(null);
                }
            }),
            bool("endpoint.deflate.enabled", (b, v) -> b.endpoint(e -> e.deflateEnabled(v))),
            integer("endpoint.deflate.level", (b, v) -> b.endpoint(e -> e.deflate(d -> d.level(v)))),
            bytesInt("endpoint.deflate.min-message-bytes",
                    (b, v) -> b.endpoint(e -> e.deflate(d -> d.minMessageBytes(v)))),
            bool("endpoint.deflate.server-context-takeover",
                    (b, v) -> b.endpoint(e -> e.deflate(d -> d.serverContextTakeover(v)))),
            bool("endpoint.deflate.client-context-takeover",
                    (b, v) -> b.endpoint(e -> e.deflate(d -> d.clientContextTakeover(v)))),
            integer("endpoint.deflate.client-max-window-bits",
                    (b, v) -> b.endpoint(e -> e.deflate(d -> d.clientMaxWindowBits(v)))),
            bytes("endpoint.deflate.max-context-bytes-per-connection",
                    (b, v) -> b.endpoint(e -> e.deflate(d -> d.maxContextBytesPerConnection(v)))),
            string("cluster.redis-uri", (b, v) -> b.cluster(c -> c.redisUri(v))).envAlias("REDIS"),
            durationMs("cluster.node-ttl", (b, v) -> b.cluster(c -> c.nodeTtlMs(v))),
            durationMs("cluster.connect-timeout", (b, v) -> b.cluster(c -> c.connectTimeoutMs(Math.toIntExact(v)))),
            string("cluster.public-address", (b, v) -> b.cluster(c -> c.publicAddress(v))),
            string("cluster.node-id", (b, v) -> b.cluster(c -> c.nodeId(v))),
            bool("monitor.enabled", (b, v) -> b.monitor(m -> m.enabled(v))).envAlias("MONITOR"),
            string("monitor.path", (b, v) -> b.monitor(m -> m.path(v))),
            secret("monitor.token", (b, v) -> b.monitor(m -> m.token(v))),
            durationMs("monitor.refresh-interval", (b, v) -> b.monitor(m -> m.refreshMs(v))),
            integer("monitor.max-viewers", (b, v) -> b.monitor(m -> m.maxViewers(v))),
            durationMs("monitor.rtt-probe-interval", (b, v) -> b.monitor(m -> m.rttProbeIntervalMs(v))),
            string("admin.path", (b, v) -> b.admin(a -> a.path(v))),
            secret("admin.token", (b, v) -> b.admin(a -> a.token(v))),
            string("cluster.placement", (b, v) -> b.cluster(c -> c.placement(v))),
            integer("cluster.max-rooms-per-node", (b, v) -> b.cluster(c -> c.maxRoomsPerNode(v))),
            durationMs("cluster.seat-ttl", (b, v) -> b.cluster(c -> c.seatTtlMs(v))),
            string("agones.sidecar-host", (b, v) -> b.agones(a -> a.sidecarHost(v))),
            integer("agones.sidecar-port", (b, v) -> b.agones(a -> a.sidecarPort(v))),
            durationMs("agones.health-interval", (b, v) -> b.agones(a -> a.healthIntervalMs(v))),
            integer("agones.ready-attempts", (b, v) -> b.agones(a -> a.readyAttempts(v))),
            durationMs("agones.retry-delay", (b, v) -> b.agones(a -> a.retryDelayMs(v))),
            durationMs("agones.request-timeout", (b, v) -> b.agones(a -> a.requestTimeoutMs(v))));

    private ConfigKeys() {
    }

    /** Every key, in the order of the table. */
    public static List<ConfigKey<?>> all() {
        return ALL;
    }
}
