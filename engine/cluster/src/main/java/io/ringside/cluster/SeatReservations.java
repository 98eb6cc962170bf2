package io.ringside.cluster;

import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Seat reservations in Redis, each made and used up by one Lua script, so they are atomic across
 * every node. A reservation in a registered room counts against its capacity with the seats its
 * node published ({@code seats}) and the other reservations still open, so concurrent reservations
 * from any number of nodes never overfill it. Each reservation is a token hash (node, room, type)
 * that expires after its TTL by Redis' clock, and is used up at most once by the node it names. The
 * owning node reads the open reservations of its rooms at every heartbeat ({@link #open}) and keeps
 * their seats free for them.
 */
final class SeatReservations {
    /** What a reservation attempt came to. */
    enum Outcome { RESERVED, FULL, LOCKED, NO_ROOM }

    private static final String RESERVE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
            local f = redis.call('HMGET', KEYS[1], 'capacity', 'seats', 'players', 'locked', 'node', 'id', 'type')
            if not f[1] then return -1 end
            if f[4] == '1' then return -2 end
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
            local used = tonumber(f[2] or f[3] or '0') + redis.call('ZCARD', KEYS[2])
            if used >= tonumber(f[1]) then return 0 end
            local ttl = tonumber(ARGV[2])
            redis.call('ZADD', KEYS[2], now + ttl, ARGV[1])
            redis.call('PEXPIRE', KEYS[2], ttl)
            redis.call('HSET', KEYS[3], 'node', f[5] or '', 'room', f[6] or '', 'type', f[7] or '')
            redis.call('PEXPIRE', KEYS[3], ttl)
            return 1
            """;
    private static final String RESERVE_NEW = """
            redis.call('HSET', KEYS[1], 'node', ARGV[1], 'room', '', 'type', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
            return 1
            """;
    private static final String REDEEM = """
            local h = redis.call('HMGET', KEYS[1], 'node', 'room', 'type')
            if not h[1] then return 0 end
            if h[1] ~= ARGV[2] or h[2] ~= ARGV[3] or h[3] ~= ARGV[4] then return -1 end
            redis.call('DEL', KEYS[1])
            if ARGV[3] ~= '' then
              redis.call('ZREM', KEYS[2], ARGV[1])
              if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('HINCRBY', KEYS[3], 'seats', 1) end
              local t = redis.call('TIME')
              redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000))
              return 1 + redis.call('ZCARD', KEYS[2])
            end
            return 1
            """;

    private static final String OPEN = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local open = {}
            for i, key in ipairs(KEYS) do
              redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
              open[i] = redis.call('ZCARD', key)
            end
            return open
            """;

    private final UnifiedJedis redis;

    SeatReservations(UnifiedJedis redis) {
        this.redis = redis;
    }

    /**
     * Reserves a seat in room {@code roomId} under {@code token} for {@code ttlMs}, if the room is
     * registered, unlocked and has a seat free. Any thread; one round trip.
     */
    Outcome reserve(String roomId, String token, long ttlMs) {
        long result = (Long) redis.eval(RESERVE, List.of(RedisKeys.room(roomId), RedisKeys.seats(roomId),
                RedisKeys.seat(token)), List.of(token, Long.toString(ttlMs)));
        if (result == 1) {
            return Outcome.RESERVED;
        }
        if (result == 0) {
            return Outcome.FULL;
        }
        return result == -2 ? Outcome.LOCKED : Outcome.NO_ROOM;
    }

    /** Issues {@code token} for a new room of {@code type} on node {@code nodeId}, valid {@code ttlMs}. Any thread. */
    void reserveNew(String nodeId, String type, String token, long ttlMs) {
        redis.eval(RESERVE_NEW, List.of(RedisKeys.seat(token)), List.of(nodeId, type, Long.toString(ttlMs)));
    }

    /**
     * Queues on {@code pipeline} the count of open (unused, unexpired) reservations of each room in
     * {@code roomIds}, in order, by Redis' clock: what the rooms' owner keeps free for them.
     */
    static Response<Object> open(Pipeline pipeline, List<String> roomIds) {
        List<String> keys = new ArrayList<>(roomIds.size());
        for (String id : roomIds) {
            keys.add(RedisKeys.seats(id));
        }
        return pipeline.eval(OPEN, keys, List.of());
    }

    /**
     * Uses up {@code token} on node {@code nodeId} for room {@code roomId} of {@code type} ({@code roomId}
     * empty: a new room of {@code type}); {@code false} if it is unknown, used, expired, or was issued
     * for another node, room or type (such a token stays valid for its own). Any thread.
     */
    boolean redeem(String token, String nodeId, String roomId, String type) {
        return redeemCounting(token, nodeId, roomId, type) >= 0;
    }

    /**
     * {@link #redeem}, answering -1 when refused, else how many reservations of room {@code roomId}
     * are still open after it (0 for a new room). Any thread; one round trip.
     */
    int redeemCounting(String token, String nodeId, String roomId, String type) {
        String room = roomId.isEmpty() ? "-" : roomId;
        long result = (Long) redis.eval(REDEEM, List.of(RedisKeys.seat(token), RedisKeys.seats(room),
                RedisKeys.room(room)), List.of(token, nodeId, roomId, type));
        return result >= 1 ? (int) (result - 1) : -1;
    }
}
