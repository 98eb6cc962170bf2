package io.ringside.cluster;

/**
 * Names of the registry's Redis keys: the sorted set of live nodes; one hash per node (which also
 * holds a copy of each of its rooms' listing entries) and one per room, each with a TTL; one hash
 * per seat reservation (its token), one sorted set per room of the reservations still open, and one
 * sorted set per node of its room slots under the room cap.
 */
final class RedisKeys {
    /** The live nodes' ids, scored by expiry: see {@link LiveNodes}. */
    static final String NODES = "ringside:nodes";
    static final String NODE_PREFIX = "ringside:node:";
    static final String ROOM_PREFIX = "ringside:room:";
    static final String SEAT_PREFIX = "ringside:seat:";
    static final String SEATS_PREFIX = "ringside:seats:";
    static final String SLOTS_PREFIX = "ringside:slots:";
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

    /** The reservation a seat token stands for: node, room (empty for a new room) and room type. */
    static String seat(String token) {
        return SEAT_PREFIX + token;
    }

    /** The room slots of a node under the room cap: see {@link RoomSlots}. */
    static String slots(String nodeId) {
        return SLOTS_PREFIX + nodeId;
    }

    /** The open reservations of a room: token scored by its expiry in Redis milliseconds. */
    static String seats(String roomId) {
        return SEATS_PREFIX + roomId;
    }
}
