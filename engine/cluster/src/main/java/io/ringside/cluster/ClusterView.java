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
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * What the registry held at one read: every node and every room entry, and the room listings by
 * type (public, unlocked rooms of live nodes that are not draining). Immutable; the heartbeat reads
 * a new one at each beat, and listings and placement answer from the last one without touching
 * Redis. Between reads, the heartbeat patches this node's own rooms into it ({@link #withOwnRooms}),
 * which leaves its {@link #read} (what placement counts views by) as it was.
 */
final class ClusterView {
    static final ClusterView EMPTY = new ClusterView(new Object(), Map.of(), Map.of(), Map.of());
    private static final int SCAN_COUNT = 1_000;

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

    static ClusterView read(Jedis jedis) {
        Map<String, NodeLoad> nodes = new HashMap<>();
        for (Map<String, String> node : hashes(jedis, RedisKeys.NODE_PATTERN)) {
            if (node.get("id") != null && node.get("address") != null) {
                nodes.put(node.get("id"), new NodeLoad(node.get("id"), node.get("address"), number(node, "load"),
                        number(node, "rooms"), "1".equals(node.get("draining"))));
            }
        }
        Map<String, RoomEntry> rooms = new HashMap<>();
        for (Map<String, String> room : hashes(jedis, RedisKeys.ROOM_PATTERN)) {
            // an entry that expired between SCAN and HGETALL, or one a seat reservation touched after it expired
            if (room.get("id") == null || room.get("type") == null || room.get("capacity") == null) {
                continue;
            }
            RoomEntry entry = new RoomEntry(room.get("id"), room.get("type"), room.getOrDefault("node", ""),
                    room.getOrDefault("address", ""), number(room, "players"),
                    (room.containsKey("seats") ? number(room, "seats") : number(room, "players"))
                            + (room.containsKey("redeemed") ? number(room, "redeemed") : 0),
                    number(room, "capacity"), "1".equals(room.get("locked")), "1".equals(room.get("private")),
                    room.getOrDefault("label", ""));
            rooms.put(entry.id(), entry);
        }
        return new ClusterView(new Object(), Map.copyOf(nodes), Map.copyOf(rooms), listings(nodes, rooms.values()));
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

    private static List<Map<String, String>> hashes(Jedis jedis, String pattern) {
        List<String> keys = new ArrayList<>();
        ScanParams params = new ScanParams().match(pattern).count(SCAN_COUNT);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = jedis.scan(cursor, params);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        Pipeline pipeline = jedis.pipelined();
        List<Response<Map<String, String>>> responses = new ArrayList<>(keys.size());
        for (String key : keys) {
            responses.add(pipeline.hgetAll(key));
        }
        pipeline.sync();
        List<Map<String, String>> hashes = new ArrayList<>(responses.size());
        for (Response<Map<String, String>> response : responses) {
            hashes.add(response.get());
        }
        return hashes;
    }

    private static int number(Map<String, String> hash, String field) {
        try {
            return Integer.parseInt(hash.getOrDefault(field, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
