package io.ringside.cluster;

import java.util.List;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.commands.ScriptingKeyCommands;

/**
 * The index of live nodes: the sorted set {@code ringside:nodes}, each node id scored by when its
 * registration expires on Redis' clock. A node renews its member at every full heartbeat, as it
 * renews its hash's TTL, so readers find every node with one script instead of scanning the keyspace;
 * members past their score are dropped by the next read. The set's own TTL is the longest node TTL
 * that renewed it, so it vanishes when every node is gone.
 */
final class LiveNodes {
    private static final String REGISTER = RedisClock.NOW + """
            local ttl = tonumber(ARGV[2])
            redis.call('ZADD', KEYS[1], now + ttl, ARGV[1])
            if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
            return 1
            """;
    private static final String READ = RedisClock.NOW + """
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            return redis.call('ZRANGE', KEYS[1], 0, -1)
            """;

    private LiveNodes() {
    }

    /** Queues the renewal of node {@code nodeId}'s member for {@code ttlMs} from now (Redis' clock). */
    static void register(Pipeline pipeline, String nodeId, long ttlMs) {
        pipeline.eval(REGISTER, List.of(RedisKeys.NODES), List.of(nodeId, Long.toString(ttlMs)));
    }

    /** Queues the removal of node {@code nodeId}'s member (a clean shutdown). */
    static void remove(Pipeline pipeline, String nodeId) {
        pipeline.zrem(RedisKeys.NODES, nodeId);
    }

    /** The ids of the nodes whose registration has not expired; drops the others. One round trip. */
    @SuppressWarnings("unchecked")
    static List<String> read(ScriptingKeyCommands redis) {
        return (List<String>) redis.eval(READ, List.of(RedisKeys.NODES), List.of());
    }
}
