package io.ringside.cluster;

/**
 * Time in the registry's scripts comes from Redis' clock, never a node's, so a node with a stale
 * clock still expires and counts correctly.
 */
final class RedisClock {
    /** Lua that sets {@code now} to Redis' time in milliseconds; the start of a script that needs it. */
    static final String NOW = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            """;

    private RedisClock() {
    }
}
