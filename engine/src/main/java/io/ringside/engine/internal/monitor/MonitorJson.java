package io.ringside.engine.internal.monitor;

import io.ringside.engine.room.GameMetrics;
import io.ringside.engine.internal.RoomView;
import io.ringside.engine.room.ShardMetrics;
import io.ringside.engine.transport.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the monitor's state document: server totals and rates, shards, room types, and every room
 * with its players; and the JSON answers of the monitor's and the admin routes.
 *
 * <pre>{@code
 * {"timeMs":…,"connections":3,"bytesInPerSec":120.0,"bytesOutPerSec":5400.0,"viewers":1,
 *  "shards":[{"shard":0,"rooms":1,"tickP50Ms":0.05,"tickP99Ms":0.2,"overruns":0,"ringDepth":0}],
 *  "roomTypes":[{"roomType":"arena","rooms":1,"players":2}],
 *  "rooms":[{"id":"…","roomType":"arena","label":"","locked":false,"private":false,"capacity":8,"shard":0,
 *            "players":[{"id":"…","identity":null,"connected":true,"rttMs":0.4}]}]}
 * }</pre>
 */
final class MonitorJson {
    private static final double NANOS_PER_MS = 1e6;
    private static final String JSON = "application/json";

    private final StringBuilder out = new StringBuilder(1024);

    private MonitorJson() {
    }

    /** The whole document. */
    static String state(long timeMs, int connections, double bytesInPerSec, double bytesOutPerSec, int viewers,
            List<ShardMetrics> shards, List<GameMetrics.RoomTypeStats> types, List<RoomView> rooms) {
        MonitorJson json = new MonitorJson();
        StringBuilder o = json.out;
        o.append("{\"timeMs\":").append(timeMs).append(",\"connections\":").append(connections)
                .append(",\"bytesInPerSec\":").append(round(bytesInPerSec))
                .append(",\"bytesOutPerSec\":").append(round(bytesOutPerSec))
                .append(",\"viewers\":").append(viewers).append(",\"shards\":[");
        for (int i = 0; i < shards.size(); i++) {
            ShardMetrics s = shards.get(i);
            o.append(i == 0 ? "" : ",").append("{\"shard\":").append(s.shard()).append(",\"rooms\":").append(s.rooms())
                    .append(",\"tickP50Ms\":").append(round(s.tick().p50Ns() / NANOS_PER_MS))
                    .append(",\"tickP99Ms\":").append(round(s.tick().p99Ns() / NANOS_PER_MS))
                    .append(",\"overruns\":").append(s.tick().overruns())
                    .append(",\"ringDepth\":").append(s.ringDepth()).append('}');
        }
        o.append("],\"roomTypes\":[");
        for (int i = 0; i < types.size(); i++) {
            GameMetrics.RoomTypeStats t = types.get(i);
            o.append(i == 0 ? "" : ",").append("{\"roomType\":");
            json.string(t.roomType());
            o.append(",\"rooms\":").append(t.rooms()).append(",\"players\":").append(t.players()).append('}');
        }
        o.append("],\"rooms\":[");
        for (int i = 0; i < rooms.size(); i++) {
            o.append(i == 0 ? "" : ",");
            json.room(rooms.get(i));
        }
        return o.append("]}").toString();
    }

    /** An HTTP response of {@code status} whose body is the JSON document {@code body}. */
    static HttpResponse response(int status, String body) {
        return HttpResponse.of(status, JSON, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** An HTTP response of {@code status} whose body is {@code {"error": message}}. */
    static HttpResponse error(int status, String message) {
        return response(status, field("error", message));
    }

    /** A one-field answer, e.g. {@code {"error":"…"}}. */
    static String field(String name, String value) {
        MonitorJson json = new MonitorJson();
        json.out.append('{');
        json.string(name);
        json.out.append(':');
        json.string(value);
        return json.out.append('}').toString();
    }

    private void room(RoomView room) {
        out.append("{\"id\":");
        string(room.id());
        out.append(",\"roomType\":");
        string(room.roomType());
        out.append(",\"label\":");
        string(room.label());
        out.append(",\"locked\":").append(room.locked()).append(",\"private\":").append(room.privateRoom())
                .append(",\"capacity\":").append(room.capacity()).append(",\"shard\":").append(room.shard())
                .append(",\"players\":[");
        List<RoomView.PlayerView> players = room.players();
        for (int i = 0; i < players.size(); i++) {
            RoomView.PlayerView p = players.get(i);
            out.append(i == 0 ? "" : ",").append("{\"id\":");
            string(p.sessionId());
            out.append(",\"identity\":");
            string(p.identity());
            out.append(",\"connected\":").append(p.connected()).append(",\"rttMs\":");
            if (p.rttNs() < 0) {
                out.append("null");
            } else {
                out.append(round(p.rttNs() / NANOS_PER_MS));
            }
            out.append('}');
        }
        out.append("]}");
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** A JSON string (RFC 8259 §7), or {@code null}. */
    private void string(String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
