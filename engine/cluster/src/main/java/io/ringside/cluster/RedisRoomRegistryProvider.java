package io.ringside.cluster;

import io.ringside.engine.room.ClusterConfig;
import io.ringside.engine.room.RoomRegistry;
import io.ringside.engine.room.RoomRegistryProvider;

/**
 * Gives {@code RingsideServer} a {@link RedisRoomRegistry} when {@code cluster.redis-uri} is set;
 * found by {@link java.util.ServiceLoader} when this module is on the class path.
 */
public final class RedisRoomRegistryProvider implements RoomRegistryProvider {
    /** For {@link java.util.ServiceLoader}. */
    public RedisRoomRegistryProvider() {
    }

    @Override
    public RoomRegistry create(ClusterConfig config) {
        return new RedisRoomRegistry(config);
    }
}
