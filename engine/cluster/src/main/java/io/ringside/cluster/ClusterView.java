package io.ringside.cluster;

import io.ringside.engine.room.RoomSnapshot;
import io.ringside.protocol.envelope.RoomInfo;
import io.ringside.protocol.envelope.RoomList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * What the registry held at one read: every live node and its rooms' entries, and the room listings by
 * type (public, unlocked rooms of live nodes that are not draining). Immutable; the heartbeat reads
 * a new one at each beat, and listings and placement answer from the last one without touching
 * Redis. Between reads, the heartbeat patches this node's own rooms into it ({@link #withOwnRooms}),
 * which leaves its {@link #read} (what placement counts views by) as it was.
 */
final class ClusterView {
    static final ClusterView EMPTY = new ClusterView(new Object(), Map.of(), Map.of(), Map.of());
    private static final String ROOM_FIELD = "room:";

    /** One room entry. {@code seats} counts players, held seats and joins being decided. */
    record RoomEntry(String id, String type, String node, String address, int players, int seats, int capacity,
                     boolean locked, boolean privateRoom, String label) {
    }

    /** The Redis read this view comes from: the same object for a view and its patches. */
    final Object read;
    final Map<String, NodeLoad> nodes;
    final Map<String, RoomEntry> rooms;
    final Map<String, RoomList> listings;

    private ClusterView(Object read, Map<String, NodeLoad> nodes, Map<String, RoomEntry> rooms,
                        Map<String, RoomList> listings) {
        this.read = read;
        this.nodes = nodes;
        this.rooms = rooms;
        this.listings = listings;
    }

    /** A view holding what this one holds, as another read would (a distinct instance and read). */
    ClusterView copy() {
        return new ClusterView(new Object(), nodes, rooms, listings);
    }

    /**
     * This view with node {@code nodeId}'s rooms (at {@code address}) replaced by {@code mine}, as it
     * would publish them, and its draining flag by {@code draining}; its load figures, the other
     * nodes' entries and the read stay as they were (placement compares this node's figures as old
     * as the others'). No Redis call.
     */
    ClusterView withOwnRooms(String nodeId, String address, List<RoomSnapshot> mine, boolean draining) {
        Map<String, RoomEntry> merged = new HashMap<>();
        for (RoomEntry room : rooms.values()) {
            if (!room.node().equals(nodeId)) {
                merged.put(room.id(), room);
            }
        }
        for (RoomSnapshot room : mine) {
            merged.put(room.id(), new RoomEntry(room.id(), room.type(), nodeId, address, room.players(),
                    room.seatsTaken(), room.capacity(), room.locked(), room.privateRoom(), room.label()));
        }
        Map<String, NodeLoad> patched = nodes;
        NodeLoad self = nodes.get(nodeId);
        if (self != null && self.draining() != draining) {
            Map<String, NodeLoad> copy = new HashMap<>(nodes);
            copy.put(nodeId, new NodeLoad(nodeId, self.address(), self.players(), self.rooms(), draining));
            patched = Map.copyOf(copy);
        }
        return new ClusterView(read, patched, Map.copyOf(merged), listings(patched, merged.values()));
    }

    /**
     * Reads the registry: the live nodes' ids ({@link LiveNodes}), then every live node's hash with its
     * rooms' entries in one pipeline. Two round trips and one command per node, however many rooms
     * the cluster holds.
     */
    static ClusterView read(Jedis jedis) {
        List<String> ids = LiveNodes.read(jedis);
        Pipeline pipeline = jedis.pipelined();
        List<Response<Map<String, String>>> responses = new ArrayList<>(ids.size());
        for (String id : ids) {
            responses.add(pipeline.hgetAll(RedisKeys.node(id)));
        }
        pipeline.sync();
        Map<String, NodeLoad> nodes = new HashMap<>();
        Map<String, RoomEntry> rooms = new HashMap<>();
        for (Response<Map<String, String>> response : responses) {
            Map<String, String> node = response.get();
            String id = node.get("id");
            String address = node.get("address");
            // a node whose hash expired between the two reads
            if (id == null || address == null) {
                continue;
            }
            nodes.put(id, new NodeLoad(id, address, number(node, "load"), number(node, "rooms"),
                    "1".equals(node.get("draining"))));
            node.forEach((field, value) -> {
                if (field.startsWith(ROOM_FIELD)) {
                    RoomEntry entry = entry(field.substring(ROOM_FIELD.length()), id, address, value);
                    if (entry != null) {
                        rooms.put(entry.id(), entry);
                    }
                }
            });
        }
        return new ClusterView(new Object(), Map.copyOf(nodes), Map.copyOf(rooms), listings(nodes, rooms.values()));
    }

    /** The field of a node's hash that holds the listing entry of its room {@code roomId}. */
    static String roomField(String roomId) {
        return ROOM_FIELD + roomId;
    }

    /**
     * A room's listing entry as its node's hash holds it: players, seats, capacity, locked, private,
     * the type's length, each followed by a space, then the type and the label, so neither needs
     * escaping.
     */
    static String entryValue(RoomSnapshot room) {
        return room.players() + " " + room.seatsTaken() + " " + room.capacity() + " " + flag(room.locked()) + " "
                + flag(room.privateRoom()) + " " + room.type().length() + " " + room.type() + room.label();
    }

    /** The entry {@link #entryValue} wrote, or {@code null} if {@code value} is not one. */
    static RoomEntry entry(String roomId, String nodeId, String address, String value) {
        int[] numbers = new int[6];
        int at = 0;
        for (int i = 0; i < numbers.length; i++) {
            int space = value.indexOf(' ', at);
            if (space < 0) {
                return null;
            }
            try {
                numbers[i] = Integer.parseInt(value, at, space, 10);
            } catch (NumberFormatException e) {
                return null;
            }
            at = space + 1;
        }
        int typeEnd = at + numbers[5];
        if (numbers[5] <= 0 || typeEnd > value.length()) {
            return null;
        }
        return new RoomEntry(roomId, value.substring(at, typeEnd), nodeId, address, numbers[0], numbers[1],
                numbers[2], numbers[3] == 1, numbers[4] == 1, value.substring(typeEnd));
    }

    /** The public, unlocked rooms of {@code rooms} on live nodes that are not draining, by type. */
    private static Map<String, RoomList> listings(Map<String, NodeLoad> nodes, Collection<RoomEntry> rooms) {
        Map<String, RoomList.Builder> byType = new HashMap<>();
        for (RoomEntry entry : rooms) {
            NodeLoad node = nodes.get(entry.node());
            if (entry.privateRoom() || entry.locked() || node == null || node.draining()) {
                continue;
            }
            byType.computeIfAbsent(entry.type(), t -> RoomList.newBuilder().setRoomType(t))
                    .addRooms(RoomInfo.newBuilder().setRoomId(entry.id()).setRoomType(entry.type())
                            .setPlayers(entry.players()).setCapacity(entry.capacity()).setLabel(entry.label()));
        }
        Map<String, RoomList> listings = new HashMap<>();
        byType.forEach((type, list) -> listings.put(type, list.build()));
        return Map.copyOf(listings);
    }

    private static int number(Map<String, String> hash, String field) {
        try {
            return Integer.parseInt(hash.getOrDefault(field, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String flag(boolean value) {
        return value ? "1" : "0";
    }
}
