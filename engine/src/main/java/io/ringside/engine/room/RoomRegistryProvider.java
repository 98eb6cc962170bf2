package io.ringside.engine.room;

/**
 * Makes the {@link RoomRegistry} a {@link ClusterConfig} asks for; found with
 * {@link java.util.ServiceLoader}, so that putting {@code ringside-cluster} on the class path is
 * all a server needs for {@code cluster.redis-uri} to work.
 */
public interface RoomRegistryProvider {
    /** A registry for {@code config} (whose {@link ClusterConfig#redisUri()} is set); nothing connects yet. */
    RoomRegistry create(ClusterConfig config);
}
