package io.ringside.cluster;

import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * Reserves seats in registered rooms atomically, across every node: one Lua script reads a room's
 * capacity, players, reserved seats and lock and takes a seat only if one is free, so concurrent
 * reservations from any number of nodes never overfill a room.
 */
final class SeatReservations {
    /** What a reservation attempt came to. */
    enum Outcome { RESERVED, FULL, LOCKED, NO_ROOM }

    private static final String RESERVE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
            local f = redis.call('HMGET', KEYS[1], 'capacity', 'players', 'reserved', 'locked')
            if not f[1] then return -1 end
            if f[4] == '1' then return -2 end
            local used = tonumber(f[2] or '0') + tonumber(f[3] or '0')
            if used >= tonumber(f[1]) then return 0 end
            redis.call('HINCRBY', KEYS[1], 'reserved', 1)
            return 1
            """;
    private static final String RELEASE = """
            local reserved = tonumber(redis.call('HGET', KEYS[1], 'reserved') or '0')
            if reserved <= 0 then return 0 end
            redis.call('HINCRBY', KEYS[1], 'reserved', -1)
            return 1
            """;

    private final UnifiedJedis redis;

    SeatReservations(UnifiedJedis redis) {
        this.redis = redis;
    }

    /** Takes a seat in room {@code roomId} if it is registered, unlocked and not full. Any thread. */
    Outcome reserve(String roomId) {
        long result = (Long) redis.eval(RESERVE, List.of(RedisKeys.room(roomId)), List.of());
        if (result == 1) {
            return Outcome.RESERVED;
        }
        if (result == 0) {
            return Outcome.FULL;
        }
        return result == -2 ? Outcome.LOCKED : Outcome.NO_ROOM;
    }

    /** Gives back a seat reserved in room {@code roomId}; {@code false} if none was. Any thread. */
    boolean release(String roomId) {
        return (Long) redis.eval(RELEASE, List.of(RedisKeys.room(roomId)), List.of()) == 1;
    }
}
