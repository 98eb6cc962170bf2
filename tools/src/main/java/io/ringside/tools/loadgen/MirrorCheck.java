package io.ringside.tools.loadgen;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.ringside.engine.client.MirrorEntity;
import io.ringside.engine.client.StateMirror;
import io.ringside.protocol.envelope.StateProto;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Game mode's {@code --check-mirrors}: every bot keeps a state mirror, and after each patch it
 * applied reports what the mirror holds at that server tick. Entities that two bots in the same room
 * both hold at the same tick must agree field for field (fields declared {@code owner_only} aside:
 * only the owner is sent those); each entity that does not is a mismatch. A patch that says some
 * records were {@code deferred} (over the byte budget) is not reported: that bot's mirror is
 * knowingly behind until a later patch.
 *
 * <p>Thread-safe: bots report from the client's I/O threads. Only the last {@value #TICKS_KEPT}
 * ticks of each room are kept.
 */
final class MirrorCheck {
    /** Ticks per room kept for comparison: bots' patches of one tick arrive within this many ticks. */
    static final int TICKS_KEPT = 64;
    /** Mismatches described in the summary. */
    static final int EXAMPLES_KEPT = 5;

    private final List<Message> types;
    private final Map<String, RoomTicks> rooms = new ConcurrentHashMap<>();
    private final Map<Descriptor, List<FieldDescriptor>> ownerOnly = new HashMap<>();
    private final LongAdder reports = new LongAdder();
    private final LongAdder compared = new LongAdder();
    private final LongAdder mismatches = new LongAdder();
    private final List<String> examples = new ArrayList<>();

    /** A check of mirrors that know the entity types {@code types} (their default instances). */
    MirrorCheck(List<Message> types) {
        this.types = List.copyOf(types);
        for (Message type : types) {
            List<FieldDescriptor> fields = new ArrayList<>();
            for (FieldDescriptor field : type.getDescriptorForType().getFields()) {
                if (field.getOptions().getExtension(StateProto.field).getOwnerOnly()) {
                    fields.add(field);
                }
            }
            ownerOnly.put(type.getDescriptorForType(), fields);
        }
    }

    /** Registers the entity types with {@code mirror}. */
    void register(StateMirror mirror) {
        types.forEach(mirror::register);
    }

    /** Records what {@code bot}'s mirror holds at server tick {@code tick} in room {@code roomId}. */
    void report(String roomId, int bot, long tick, StateMirror mirror) {
        Map<Integer, Message> view = new HashMap<>();
        for (MirrorEntity entity : mirror.entities()) {
            Message message = entity.toMessage();
            List<FieldDescriptor> hidden = ownerOnly.getOrDefault(message.getDescriptorForType(), List.of());
            if (!hidden.isEmpty()) {
                Message.Builder builder = message.toBuilder();
                hidden.forEach(builder::clearField);
                message = builder.build();
            }
            view.put(entity.id(), message);
        }
        reports.increment();
        rooms.computeIfAbsent(roomId, k -> new RoomTicks()).report(roomId, bot, tick, view);
    }

    /** Views reported. */
    long reports() {
        return reports.sum();
    }

    /** Entities compared between two bots at the same tick. */
    long compared() {
        return compared.sum();
    }

    /** Entities that two bots held differently at the same tick. */
    long mismatches() {
        return mismatches.sum();
    }

    /** The first few mismatches, described. */
    synchronized List<String> examples() {
        return List.copyOf(examples);
    }

    /** The summary lines printed after the run. */
    String summary() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "mirror check         %d views reported, %d entities compared across bots, %d mismatches%n",
                reports(), compared(), mismatches()));
        for (String example : examples()) {
            out.append("  mismatch: ").append(example).append(System.lineSeparator());
        }
        return out.toString();
    }

    /** Why the run fails, or {@code null} when the mirrors agreed. */
    String failure() {
        if (mismatches() > 0) {
            return "mirrors disagree: " + mismatches() + " entities held differently by bots in one room at the"
                    + " same tick (" + String.join("; ", examples()) + ")";
        }
        if (compared() == 0) {
            return "mirror check compared nothing: no two bots in one room held an entity at the same tick ("
                    + reports() + " views reported); run more bots than rooms";
        }
        return null;
    }

    private synchronized void mismatch(String description) {
        mismatches.increment();
        if (examples.size() < EXAMPLES_KEPT) {
            examples.add(description);
        }
    }

    /** One room's views by tick: the first bot to report an entity at a tick sets what the others must hold. */
    private final class RoomTicks {
        private final Map<Long, Map<Integer, Seen>> ticks = new HashMap<>();
        private final ArrayDeque<Long> order = new ArrayDeque<>();

        synchronized void report(String roomId, int bot, long tick, Map<Integer, Message> view) {
            Map<Integer, Seen> seen = ticks.get(tick);
            if (seen == null) {
                seen = new HashMap<>();
                ticks.put(tick, seen);
                order.addLast(tick);
                if (order.size() > TICKS_KEPT) {
                    ticks.remove(order.removeFirst());
                }
            }
            for (Map.Entry<Integer, Message> entry : view.entrySet()) {
                Seen first = seen.putIfAbsent(entry.getKey(), new Seen(bot, entry.getValue()));
                if (first == null || first.bot == bot) {
                    continue;
                }
                compared.increment();
                if (!first.message.equals(entry.getValue())) {
                    mismatch("room " + roomId + " tick " + tick + " entity " + entry.getKey() + ": bot " + first.bot
                            + " has {" + oneLine(first.message) + "}, bot " + bot + " has {"
                            + oneLine(entry.getValue()) + "}");
                }
            }
        }
    }

    private static String oneLine(Message message) {
        return message.toString().strip().replace('\n', ' ');
    }

    private record Seen(int bot, Message message) {
    }
}
