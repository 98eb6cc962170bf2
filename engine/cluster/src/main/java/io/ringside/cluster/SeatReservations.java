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
 *
 * <p>A redeemed reservation's seat goes from the open reservations to the room's {@code redeemed}
 * count, not to its {@code seats}: the owner publishes {@code seats} from a snapshot of its rooms
 * that may predate the redeem, and writing it would drop such a seat from the count until its next
 * heartbeat (another node could then reserve it again and its player would find the room full). The
 * owner takes a redeemed seat off {@code redeemed} only with a snapshot that counts it in
 * {@code seats} ({@link #settle}), so each seat counts at least once at every moment.
 *
 * <p>A player the owner seats directly in one of its rooms takes its seat the same way ({@link #take}):
 * one script makes the count a reservation makes and, if a seat is free, counts it in {@code redeemed}
 * until it is settled; so a direct join and a reservation never both take the last seat, whichever
 * comes first.
 */
final class SeatReservations {
    /** What a reservation attempt came to. */
    enum Outcome { RESERVED, FULL, LOCKED, NO_ROOM }

    private static final String RESERVE = RedisClock.NOW + """
            local f = redis.call('HMGET', KEYS[1], 'capacity', 'seats', 'players', 'locked', 'node', 'id', 'type',
              'redeemed')
            if not f[1] or not f[6] then return -1 end
            if f[4] == '1' then return -2 end
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
            local used = tonumber(f[2] or f[3] or '0') + tonumber(f[8] or '0') + redis.call('ZCARD', KEYS[2])
            if used >= tonumber(f[1]) then return 0 end
            local ttl = tonumber(ARGV[2])
            redis.call('ZADD', KEYS[2], now + ttl, ARGV[1])
            redis.call('PEXPIRE', KEYS[2], ttl)
            redis.call('HSET', KEYS[3], 'node', f[5] or '', 'room', f[6] or '', 'type', f[7] or '')
            redis.call('PEXPIRE', KEYS[3], ttl)
            if f[5] == ARGV[3] and redis.call('EXISTS', KEYS[4]) == 1 then
              redis.call('HINCRBY', KEYS[4], 'reserved', 1)
            end
            return 1
            """;
    private static final String RESERVE_NEW = """
            redis.call('HSET', KEYS[1], 'node', ARGV[1], 'room', '', 'type', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
            return 1
            """;
    private static final String TAKE = RedisClock.NOW + """
            local f = redis.call('HMGET', KEYS[1], 'seats', 'players', 'redeemed')
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
            local open = redis.call('ZCARD', KEYS[2])
            if tonumber(f[1] or f[2] or '0') + tonumber(f[3] or '0') + open >= tonumber(ARGV[1]) then return -open end
            redis.call('HINCRBY', KEYS[1], 'redeemed', 1)
            if not f[1] and not f[2] then redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2])) end
            return 1
            """;
    private static final String REDEEM = RedisClock.NOW + """
            local h = redis.call('HMGET', KEYS[1], 'node', 'room', 'type')
            if not h[1] then return {0, ''} end
            if h[1] ~= ARGV[2] or h[2] ~= ARGV[3] or (ARGV[4] ~= '' and h[3] ~= ARGV[4]) then return {-1, ''} end
            redis.call('DEL', KEYS[1])
            if ARGV[3] ~= '' then
              redis.call('ZREM', KEYS[2], ARGV[1])
              if ARGV[5] == '1' and redis.call('EXISTS', KEYS[3]) == 1 then
                redis.call('HINCRBY', KEYS[3], 'redeemed', 1)
              end
              redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
              return {1 + redis.call('ZCARD', KEYS[2]), h[3]}
            end
            return {1, h[3]}
            """;

    private static final String OPEN = RedisClock.NOW + """
            local open = {}
            for i, key in ipairs(KEYS) do
              redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
              open[i] = redis.call('ZCARD', key)
            end
            return open
            """;

    private static final String SETTLE = """
            local left = tonumber(redis.call('HGET', KEYS[1], 'redeemed') or '0') - tonumber(ARGV[1])
            if left > 0 then redis.call('HSET', KEYS[1], 'redeemed', tostring(left))
            else redis.call('HDEL', KEYS[1], 'redeemed') end
            return left
            """;

    private final UnifiedJedis redis;

    SeatReservations(UnifiedJedis redis) {
        this.redis = redis;
    }

    /**
     * Reserves a seat in room {@code roomId} of node {@code nodeId} under {@code token} for
     * {@code ttlMs}, if the room is registered, unlocked and has a seat free, and counts it in the
     * node's {@code reserved} field (which tells the node to read its rooms' open reservations, see
     * {@link #open}). Any thread; one round trip.
     */
    Outcome reserve(String nodeId, String roomId, String token, long ttlMs) {
        long result = (Long) redis.eval(RESERVE, List.of(RedisKeys.room(roomId), RedisKeys.seats(roomId),
                RedisKeys.seat(token), RedisKeys.node(nodeId)), List.of(token, Long.toString(ttlMs), nodeId));
        if (result == 1) {
            return Outcome.RESERVED;
        }
        if (result == 0) {
            return Outcome.FULL;
        }
        return result == -2 ? Outcome.LOCKED : Outcome.NO_ROOM;
    }

    /**
     * Takes a seat of room {@code roomId} (of {@code capacity}) for a player its owner seats directly,
     * if the same count a reservation makes ({@code seats} + {@code redeemed} + open reservations)
     * leaves one free: it then counts in {@code redeemed} as a redeemed reservation's seat does, until
     * the owner settles it ({@link #settle}). A room not registered yet counts only what was taken
     * since; its {@code redeemed} field then expires after {@code ttlMs} unless the owner registers the
     * room. Returns 1 when taken, else minus the room's open reservations (0 or less: full). Any thread;
     * one round trip.
     */
    long take(String roomId, int capacity, long ttlMs) {
        return (Long) redis.eval(TAKE, List.of(RedisKeys.room(roomId), RedisKeys.seats(roomId)),
                List.of(Integer.toString(capacity), Long.toString(ttlMs)));
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
     * Queues on {@code pipeline}, after the owner's {@code seats} of room {@code roomId} from a
     * snapshot that counts them, the removal of {@code count} redeemed seats from its {@code redeemed}.
     */
    static void settle(Pipeline pipeline, String roomId, int count) {
        pipeline.eval(SETTLE, List.of(RedisKeys.room(roomId)), List.of(Integer.toString(count)));
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
        if (type.isEmpty()) {
            return -1; // an empty type would match any token's
        }
        Used used = use(token, nodeId, roomId, type, true);
        return used == null ? -1 : used.open();
    }

    /**
     * Uses up {@code token}, issued on node {@code nodeId} for room {@code roomId} (not empty), for a
     * player who will not sit there (it has no seat left for it on arrival, or is gone): its seat
     * there is given back, not counted as taken. Answers {@code null} when refused (unknown, used,
     * expired, or issued for another node or room), else the room type the token was issued for, as
     * its record in Redis says, and the room's reservations still open. Any thread; one round trip.
     */
    Used forfeit(String token, String nodeId, String roomId) {
        return roomId.isEmpty() ? null : use(token, nodeId, roomId, "", false);
    }

    /** A token used up: the room type it was issued for, and its room's reservations still open after it. */
    record Used(String type, int open) {
    }

    private Used use(String token, String nodeId, String roomId, String type, boolean seated) {
        String room = roomId.isEmpty() ? "-" : roomId;
        List<?> result = (List<?>) redis.eval(REDEEM, List.of(RedisKeys.seat(token), RedisKeys.seats(room),
                RedisKeys.room(room)), List.of(token, nodeId, roomId, type, seated ? "1" : "0"));
        long code = (Long) result.get(0);
        return code >= 1 ? new Used(String.valueOf(result.get(1)), (int) (code - 1)) : null;
    }
}
