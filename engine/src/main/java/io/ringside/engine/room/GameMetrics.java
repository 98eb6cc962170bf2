package io.ringside.engine.room;

import io.ringside.engine.tick.TickMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The game side's figures, read at any moment from any thread (a metrics scrape): each shard's
 * {@link ShardMetrics} and tick timing, rooms, players and messages per room type, join outcomes and
 * reconnects. The counters behind it are kept by the tick and I/O threads without allocating; the
 * getters here allocate.
 */
public final class GameMetrics {
    private final Shard[] shards;
    private final RoomDirectory directory;

    GameMetrics(Shard[] shards, RoomDirectory directory) {
        this.shards = shards;
        this.directory = directory;
    }

    /**
     * One room type's figures.
     *
     * @param roomType the type's name
     * @param rooms    live rooms of the type
     * @param players  players in them (held seats included)
     * @param messages game messages dispatched to rooms of the type since start
     */
    public record RoomTypeStats(String roomType, int rooms, int players, long messages) {
    }

    /** Each shard's figures now, by shard index. */
    public List<ShardMetrics> shards() {
        List<ShardMetrics> metrics = new ArrayList<>(shards.length);
        for (Shard shard : shards) {
            metrics.add(shard.metrics());
        }
        return metrics;
    }

    /** Each shard's tick timing (histogram buckets, overruns), by shard index. */
    public List<TickMetrics> ticks() {
        List<TickMetrics> ticks = new ArrayList<>(shards.length);
        for (Shard shard : shards) {
            ticks.add(shard.loop.metrics());
        }
        return ticks;
    }

    /** Every registered room type with its rooms, players and messages, in registration order. */
    public List<RoomTypeStats> roomTypes() {
        int[][] counts = directory.roomsAndPlayersByType();
        RoomType[] types = directory.types();
        List<RoomTypeStats> stats = new ArrayList<>(types.length);
        for (RoomType type : types) {
            long messages = 0;
            for (Shard shard : shards) {
                messages += shard.messages(type.index);
            }
            stats.add(new RoomTypeStats(type.name, counts[0][type.index], counts[1][type.index], messages));
        }
        return stats;
    }

    /**
     * Joins by outcome since start, every outcome present: {@code accepted}, {@code rejected} (by the
     * room), {@code full}, {@code locked}, {@code not_found}, {@code unknown_type}, {@code draining},
     * {@code timeout} (an asynchronous decision came too late), {@code error} (the room threw),
     * {@code redirected} (cluster mode: answered with a seat reservation on another node),
     * {@code room_limit} (a new room would be over {@link GameConfig#maxRooms()} or
     * {@link GameConfig#maxRoomsPerClient()}). Reconnects are counted apart ({@link #reconnects}).
     */
    public Map<String, Long> joinsByOutcome() {
        return directory.counters.joinsByOutcome();
    }

    /**
     * Joins by room type and outcome since start (outcomes as {@link #joinsByOutcome()}), every
     * registered type and outcome present; joins that named no known room type or room (unknown
     * type, unknown room id) count under type {@code ""}.
     */
    public Map<String, Map<String, Long>> joinsByRoomType() {
        return directory.counters.joinsByTypeAndOutcome(directory.types());
    }

    /** Reconnects (joins with a reconnect token) that took their seat back ({@code true}) or were refused. */
    public long reconnects(boolean accepted) {
        return directory.counters.reconnects(accepted);
    }

    /**
     * Messages the game endpoint answered MALFORMED_MESSAGE before they reached a room, since start:
     * binary messages that are no client envelope or do not parse, joins naming no room type or id,
     * joins over {@link GameConfig#maxJoinRequestBytes()}. What rooms refuse (a payload that does
     * not parse, an unknown message type) counts per shard in {@link ShardMetrics#malformedMessages()}.
     */
    public long malformedEnvelopes() {
        return directory.counters.malformedEnvelopes();
    }
}
