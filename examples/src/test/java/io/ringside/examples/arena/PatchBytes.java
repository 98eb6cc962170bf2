package io.ringside.examples.arena;

import com.google.protobuf.CodedInputStream;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the bytes a client receives go: every WebSocket payload is split into envelope and patch
 * framing, record headers, masks and type ids, and each field of each entity type (its values in
 * ENTER/RESYNC and CHANGE records, as laid out in {@code ringside/v1/state.proto}), plus payloads
 * that are not state. Knows the field kinds of arena.proto's Fighter and Projectile. Thread-safe.
 */
final class PatchBytes {
    /** Per type id: field names by field index, and which are varints (Q, ints), bools, strings; "L" marks LINEAR. */
    private static final String[][] FIELDS = {
        {},
        {"fighter.x:QL", "fighter.y:QL", "fighter.aim:QL", "fighter.health:V", "fighter.alive:B", "fighter.score:V",
            "fighter.deaths:V", "fighter.player_id:S", "fighter.name:S", "fighter.bot:B", "fighter.away:B",
            "fighter.last_input_seq:V"},
        {"projectile.x:QL", "projectile.y:QL", "projectile.vx:Q", "projectile.vy:Q", "projectile.owner:V"},
    };
    private final Map<String, Long> bytes = new TreeMap<>();
    private final Map<Integer, Integer> types = new TreeMap<>();

    /** Counts one whole WebSocket payload. */
    synchronized void count(byte[] payload) {
        ServerEnvelope envelope;
        try {
            envelope = ServerEnvelope.parseFrom(payload);
        } catch (IOException e) {
            add("unparsable", payload.length);
            return;
        }
        if (envelope.getBodyCase() != ServerEnvelope.BodyCase.STATE) {
            add("other message: " + envelope.getBodyCase(), payload.length);
            return;
        }
        byte[] records = envelope.getState().getRecords().toByteArray();
        add("framing: envelope + patch (tick, ack, types, records length)", payload.length - records.length);
        try {
            records(CodedInputStream.newInstance(records));
        } catch (IOException e) {
            add("unparsable records", records.length);
        }
    }

    private void records(CodedInputStream in) throws IOException {
        int prevId = 0;
        while (!in.isAtEnd()) {
            int at = in.getTotalBytesRead();
            int header = in.readUInt32();
            int kind = header & 3;
            int id = prevId + (header >>> 2) + 1;
            prevId = id;
            add("record header (" + new String[] {"CHANGE", "ENTER", "LEAVE", "RESYNC"}[kind] + ")",
                    in.getTotalBytesRead() - at);
            if (kind == 2) {
                types.remove(id);
                continue;
            }
            at = in.getTotalBytesRead();
            int type;
            if (kind == 0) {
                type = types.getOrDefault(id, 0);
            } else {
                type = in.readUInt32();
                types.put(id, type);
            }
            int mask = in.readUInt32();
            add("record type id + mask", in.getTotalBytesRead() - at);
            String[] fields = type < FIELDS.length ? FIELDS[type] : new String[0];
            for (int i = 0; i < fields.length; i++) {
                if ((mask & (1 << i)) == 0) {
                    continue;
                }
                at = in.getTotalBytesRead();
                String[] field = fields[i].split(":");
                char k = field[1].charAt(0);
                if (k == 'Q' || k == 'V') {
                    in.readSInt32();
                    if (kind != 0 && field[1].endsWith("L")) {
                        in.readSInt32();
                    }
                } else if (k == 'S') {
                    in.readBytes();
                }
                add(field[0] + (kind == 0 ? " (change)" : " (enter)"), in.getTotalBytesRead() - at);
            }
        }
    }

    private void add(String what, long count) {
        bytes.merge(what, count, Long::sum);
    }

    /** Bytes by part so far. */
    synchronized Map<String, Long> snapshot() {
        return new TreeMap<>(bytes);
    }
}
