package io.ringside.cluster;

import io.ringside.protocol.envelope.RoomInfo;
import io.ringside.protocol.envelope.RoomList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** Reads every node's room entries from Redis into listings by room type: public, unlocked rooms only. */
final class RoomListings {
    private static final int SCAN_COUNT = 1_000;

    private RoomListings() {
    }

    static Map<String, RoomList> read(Jedis jedis) {
        List<String> keys = new ArrayList<>();
        ScanParams params = new ScanParams().match(RedisKeys.ROOM_PATTERN).count(SCAN_COUNT);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = jedis.scan(cursor, params);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        Pipeline pipeline = jedis.pipelined();
        List<Response<Map<String, String>>> entries = new ArrayList<>(keys.size());
        for (String key : keys) {
            entries.add(pipeline.hgetAll(key));
        }
        pipeline.sync();
        Map<String, RoomList.Builder> byType = new HashMap<>();
        for (Response<Map<String, String>> response : entries) {
            Map<String, String> room = response.get();
            // an entry that expired between SCAN and HGETALL, or a seat reservation on a vanished room
            if (room.get("type") == null || room.get("capacity") == null) {
                continue;
            }
            if ("1".equals(room.get("private")) || "1".equals(room.get("locked"))) {
                continue;
            }
            String type = room.get("type");
            byType.computeIfAbsent(type, t -> RoomList.newBuilder().setRoomType(t))
                    .addRooms(RoomInfo.newBuilder().setRoomId(room.get("id")).setRoomType(type)
                            .setPlayers(Integer.parseInt(room.getOrDefault("players", "0")))
                            .setCapacity(Integer.parseInt(room.get("capacity")))
                            .setLabel(room.getOrDefault("label", "")));
        }
        Map<String, RoomList> listings = new HashMap<>();
        byType.forEach((type, list) -> listings.put(type, list.build()));
        return Map.copyOf(listings);
    }
}
