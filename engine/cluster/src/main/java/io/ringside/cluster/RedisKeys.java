package io.ringside.cluster;

/** Names of the registry's Redis keys: one hash per node and one per room, each with a TTL. */
final class RedisKeys {
    static final String NODE_PREFIX = "ringside:node:";
    static final String ROOM_PREFIX = "ringside:room:";
    static final String ROOM_PATTERN = ROOM_PREFIX + "*";
    static final String NODE_PATTERN = NODE_PREFIX + "*";

    private RedisKeys() {
    }

    static String node(String nodeId) {
        return NODE_PREFIX + nodeId;
    }

    static String room(String roomId) {
        return ROOM_PREFIX + roomId;
    }
}
