package io.ringside.engine;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.ringside.engine.room.GameMetrics;
import io.ringside.engine.room.ShardMetrics;
import io.ringside.engine.tick.TickMetrics;
import io.ringside.engine.transport.TransportMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Exports a server's figures to a Prometheus registry. It keeps no state: at each scrape it reads the
 * plain counters the I/O and tick threads keep for themselves ({@link TransportMetrics},
 * {@link GameMetrics}), so counting costs those threads no allocation and no lock. Register it with
 * {@code registry.register(collector)}; {@code RingsideServer} does so for its own {@code /metrics}.
 *
 * <p>Families (counters end in {@code _total} in the text format; time in seconds, sizes in bytes):
 * connections open, accepted and refused by reason; handshakes and plain HTTP responses by status;
 * WebSocket closes by code; bytes and messages in, frames out; outbound backlog overflows and
 * replaced latest-only frames; per shard ({@code shard} label) the tick duration histogram, overruns,
 * skipped ticks, inbound ring depth and capacity, backpressure pauses, inbound events, outbound
 * messages and bytes, malformed messages, room failures, game messages over a rate limit by action
 * ({@code action}: dropped, error, kick) and frame-pool use; per room type
 * ({@code room_type}) rooms, players and messages; joins by room type and outcome ({@code room_type},
 * {@code outcome}: accepted, refused by the room or by reason, timed out); reconnects by outcome.
 */
final class RingsideCollector implements MultiCollector {
    private static final double NANOS_PER_SECOND = 1e9;

    private final TransportMetrics transport;
    private final GameMetrics game;

    /** A collector reading {@code transport} and {@code game}. */
    RingsideCollector(TransportMetrics transport, GameMetrics game) {
        this.transport = transport;
        this.game = game;
    }

    @Override
    public MetricSnapshots collect() {
        List<MetricSnapshot> out = new ArrayList<>();
        Families f = new Families(out);
        transport(f);
        shards(f, out);
        rooms(f);
        return new MetricSnapshots(out);
    }

    private void transport(Families f) {
        f.gauge("ringside_connections_open", "Open WebSocket connections (upgraded, not yet closed)",
                transport.connectionsOpen());
        f.counter("ringside_connections_accepted", "TCP connections accepted within the connection limit",
                transport.connectionsAccepted());
        f.counter("ringside_connections_refused", "Connections turned away before the upgrade, by reason", "reason",
                transport.refusedByReason());
        f.counter("ringside_handshakes", "WebSocket upgrade requests answered, by HTTP status", "status",
                transport.handshakesByStatus());
        f.counter("ringside_http_responses", "Plain HTTP requests answered, by status", "status",
                transport.httpResponsesByStatus());
        f.counter("ringside_websocket_closes", "WebSocket connections closed, by close code", "code",
                transport.closesByCode());
        f.counter("ringside_received_bytes", "Bytes read from sockets", transport.bytesReceived());
        f.counter("ringside_sent_bytes", "Bytes written to sockets", transport.bytesSent());
        f.counter("ringside_websocket_messages_received", "WebSocket data messages received",
                transport.messagesReceived());
        f.counter("ringside_websocket_frames_received", "WebSocket frames received, data and control",
                transport.framesReceived());
        f.counter("ringside_websocket_frames_sent", "WebSocket frames queued for sending, close frames excepted",
                transport.framesSent());
        f.counter("ringside_outbound_backlog_overflows",
                "Connections closed (1008) for an outbound backlog over the limit", transport.backlogOverflows());
        f.counter("ringside_outbound_latest_replaced", "Latest-only frames dropped for a newer one before being sent",
                transport.latestOnlyReplaced());
    }

    private void shards(Families f, List<MetricSnapshot> out) {
        List<ShardMetrics> shards = game.shards();
        List<TickMetrics> ticks = game.ticks();
        out.add(tickHistogram(ticks));
        f.counter("ringside_tick_overruns", "Ticks that took longer than the tick interval", "shard",
                byShard(shards, s -> s.tick().overruns()));
        f.counter("ringside_ticks_skipped", "Ticks skipped after falling behind", "shard",
                byShard(shards, s -> s.tick().skippedTicks()));
        f.gauge("ringside_inbound_ring_depth", "Inbound events published and not yet drained", "shard",
                byShard(shards, ShardMetrics::ringDepth));
        f.gauge("ringside_inbound_ring_capacity", "Inbound ring slots", "shard",
                byShard(shards, s -> (long) s.ringCapacity()));
        f.counter("ringside_inbound_backpressure_pauses",
                "Times a full inbound ring, or a connection over its slots per tick, paused a connection", "shard",
                byShard(shards, ShardMetrics::backpressureEvents));
        f.counter("ringside_inbound_events", "Inbound events dispatched (joins, game messages, pings, leaves)",
                "shard", byShard(shards, ShardMetrics::messagesIn));
        f.counter("ringside_outbound_messages", "Frames rooms handed to connections", "shard",
                byShard(shards, ShardMetrics::messagesOut));
        f.counter("ringside_outbound_message_bytes", "Bytes of frames rooms handed to connections, per recipient",
                "shard", byShard(shards, ShardMetrics::bytesOut));
        f.counter("ringside_malformed_messages", "Messages answered with a malformed-message error", "shard",
                byShard(shards, ShardMetrics::malformedMessages));
        f.counter("ringside_room_failures", "Rooms disposed because their code threw", "shard",
                byShard(shards, ShardMetrics::roomFailures));
        f.counter("ringside_rate_limited_messages", "Game messages over their type's rate limit, by the action taken"
                + " (dropped, error, kick)", "shard", "action", rateLimited(shards));
        f.counter("ringside_inputs", "Player inputs by outcome: taken by the room, dropped from a full queue by"
                + " a newer one, refused as malformed", "shard", "outcome", inputs(shards));
        f.counter("ringside_frame_pool_created", "Outbound frames allocated because no pooled one was idle", "shard",
                byShard(shards, ShardMetrics::framesCreated));
        f.counter("ringside_frame_pool_reused", "Outbound frames taken from the pool again", "shard",
                byShard(shards, ShardMetrics::framesReused));
    }

    private void rooms(Families f) {
        Map<String, Long> rooms = new LinkedHashMap<>();
        Map<String, Long> players = new LinkedHashMap<>();
        Map<String, Long> messages = new LinkedHashMap<>();
        for (GameMetrics.RoomTypeStats type : game.roomTypes()) {
            rooms.put(type.roomType(), (long) type.rooms());
            players.put(type.roomType(), (long) type.players());
            messages.put(type.roomType(), type.messages());
        }
        f.gauge("ringside_rooms", "Live rooms", "room_type", rooms);
        f.gauge("ringside_players", "Players in rooms (held seats included)", "room_type", players);
        f.counter("ringside_room_messages", "Game messages dispatched to rooms", "room_type", messages);
        f.counter("ringside_joins", "Joins by room type and outcome (room_type is empty for joins naming no known"
                + " type or room)", "room_type", "outcome", game.joinsByRoomType());
        f.counter("ringside_reconnects", "Joins with a reconnect token, by outcome", "outcome",
                Map.of("accepted", game.reconnects(true), "rejected", game.reconnects(false)));
        f.counter("ringside_malformed_envelopes", "Messages answered as malformed before they reached a room (no"
                + " client envelope, a join without a target or over its size)", game.malformedEnvelopes());
    }

    private static HistogramSnapshot tickHistogram(List<TickMetrics> ticks) {
        long[] boundsNs = TickMetrics.bucketBoundsNs();
        double[] bounds = new double[boundsNs.length + 1];
        for (int i = 0; i < boundsNs.length; i++) {
            bounds[i] = boundsNs[i] / NANOS_PER_SECOND;
        }
        bounds[boundsNs.length] = Double.POSITIVE_INFINITY;
        HistogramSnapshot.Builder family = HistogramSnapshot.builder().name("ringside_tick_duration_seconds")
                .help("How long ticks took, per shard");
        for (int shard = 0; shard < ticks.size(); shard++) {
            TickMetrics tick = ticks.get(shard);
            family.dataPoint(HistogramDataPointSnapshot.builder()
                    .labels(Labels.of("shard", Integer.toString(shard)))
                    .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, tick.bucketCounts()))
                    .sum(tick.durationSumNs() / NANOS_PER_SECOND).build());
        }
        return family.build();
    }

    private static Map<String, Map<String, Long>> rateLimited(List<ShardMetrics> shards) {
        Map<String, Map<String, Long>> byShard = new LinkedHashMap<>();
        for (ShardMetrics shard : shards) {
            Map<String, Long> byAction = new LinkedHashMap<>();
            byAction.put("dropped", shard.rateLimitedDropped());
            byAction.put("error", shard.rateLimitedErrored());
            byAction.put("kick", shard.rateLimitedKicked());
            byShard.put(Integer.toString(shard.shard()), byAction);
        }
        return byShard;
    }

    private static Map<String, Map<String, Long>> inputs(List<ShardMetrics> shards) {
        Map<String, Map<String, Long>> byShard = new LinkedHashMap<>();
        for (ShardMetrics shard : shards) {
            Map<String, Long> byOutcome = new LinkedHashMap<>();
            byOutcome.put("taken", shard.inputsTaken());
            byOutcome.put("dropped", shard.inputsDropped());
            byOutcome.put("refused", shard.inputsRefused());
            byShard.put(Integer.toString(shard.shard()), byOutcome);
        }
        return byShard;
    }

    private static Map<Integer, Long> byShard(List<ShardMetrics> shards,
                                              ToLongFunction<ShardMetrics> value) {
        Map<Integer, Long> byShard = new LinkedHashMap<>();
        for (ShardMetrics shard : shards) {
            byShard.put(shard.shard(), value.applyAsLong(shard));
        }
        return byShard;
    }
}
