package io.ringside.engine.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Message;
import io.ringside.protocol.envelope.StatePatch;
import io.ringside.protocol.envelope.StateType;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A client's copy of the replicated state in its view: applies each {@code StatePatch} the server
 * sends ({@code ringside/v1/state.proto}) and keeps the entities by id and by type, with
 * add/change/remove callbacks. Entity types are known from their protobuf messages, registered
 * with {@link #register}: the field list and options come from the descriptors, nothing is
 * generated for the client.
 *
 * <p>Not thread-safe: apply patches and read on one thread (a {@link GameClient} applies them on
 * its delivery thread).
 */
public final class StateMirror {
    private static final int CHANGE = 0;
    private static final int ENTER = 1;
    private static final int LEAVE = 2;
    private static final int RESYNC = 3;

    private final Map<String, MirrorType> typesByName = new HashMap<>();
    private final Map<Integer, MirrorType> typesById = new HashMap<>();
    private final Map<Integer, MirrorEntity> entities = new LinkedHashMap<>();
    private final Map<String, Map<Integer, MirrorEntity>> byType = new HashMap<>();
    private StateListener listener = new StateListener() { };
    private int patchNumber;
    private long tick;
    private int inputAck;

    /** A mirror of no entity types yet. */
    public StateMirror() {
    }

    /**
     * Makes the entity type of {@code prototype} (e.g. {@code Fighter.getDefaultInstance()})
     * decodable; entities of it come out as that message class.
     */
    public StateMirror register(Message prototype) {
        MirrorType type = new MirrorType(prototype);
        typesByName.put(type.descriptor.getFullName(), type);
        return this;
    }

    /** Sets the callbacks. */
    public StateMirror listener(StateListener stateListener) {
        this.listener = Objects.requireNonNull(stateListener, "listener");
        return this;
    }

    /** The entity with {@code id}, or {@code null}. */
    public MirrorEntity get(int id) {
        return entities.get(id);
    }

    /** Every entity in the view. */
    public Collection<MirrorEntity> entities() {
        return Collections.unmodifiableCollection(entities.values());
    }

    /** The entities of the type named {@code typeName} (protobuf full name), by id. */
    public Map<Integer, MirrorEntity> entitiesOf(String typeName) {
        Map<Integer, MirrorEntity> map = byType.get(typeName);
        return map == null ? Collections.emptyMap() : Collections.unmodifiableMap(map);
    }

    /** The server tick of the last patch applied. */
    public long tick() {
        return tick;
    }

    /** The last input seq the server acknowledged (0: none yet on this seat, or since a reconnect). */
    public int inputAck() {
        return inputAck;
    }

    /**
     * Applies one patch. A mirror with no entity type registered keeps only the tick and the input
     * ack (a bot that never looks at the state costs nothing decoding it) and still tells its
     * listener about each patch.
     *
     * @throws IllegalStateException when the patch does not fit the mirror (an unknown entity type
     *     or id, ids out of order, truncated records); the mirror is then unreliable until a reset
     */
    public void apply(StatePatch patch) {
        patchNumber++;
        tick = patch.getTick();
        // sent in every patch once non-zero; a reset patch without one starts a new input sequence
        inputAck = patch.getInputAck();
        if (typesByName.isEmpty()) {
            listener.onPatch(patch);
            return;
        }
        if (patch.getReset()) {
            for (MirrorEntity entity : entities.values().toArray(new MirrorEntity[0])) {
                remove(entity);
            }
            typesById.clear();
        }
        for (StateType type : patch.getTypesList()) {
            MirrorType known = typesByName.get(type.getName());
            if (known == null) {
                throw new IllegalStateException("entity type " + type.getName() + " (type_id " + type.getTypeId()
                        + ") is not registered with the mirror");
            }
            typesById.put(type.getTypeId(), known);
        }
        try {
            applyRecords(patch.getRecords());
        } catch (IOException e) {
            throw new IllegalStateException("malformed state records: " + e.getMessage(), e);
        }
        extrapolate();
        listener.onPatch(patch);
    }

    private void applyRecords(ByteString records) throws IOException {
        CodedInputStream in = records.newCodedInput();
        long prevId = 0;
        while (!in.isAtEnd()) {
            int header = in.readUInt32();
            long id = prevId + (header >>> 2) + 1;
            if (id > Integer.MAX_VALUE) {
                throw new IllegalStateException("entity id out of range: " + id);
            }
            prevId = id;
            int kind = header & 3;
            MirrorEntity entity = entities.get((int) id);
            if (kind == ENTER) {
                if (entity != null) {
                    throw new IllegalStateException("ENTER of entity " + id + " already in the mirror");
                }
                entity = new MirrorEntity(type(in.readUInt32()), (int) id);
                readFull(in, entity);
                entity.lastPatch = patchNumber;
                entities.put(entity.id(), entity);
                byType.computeIfAbsent(entity.typeName(), k -> new LinkedHashMap<>()).put(entity.id(), entity);
                listener.onAdd(entity);
                continue;
            }
            if (entity == null) {
                throw new IllegalStateException("record kind " + kind + " for entity " + id + " not in the mirror");
            }
            entity.lastPatch = patchNumber;
            if (kind == LEAVE) {
                remove(entity);
            } else if (kind == RESYNC) {
                if (type(in.readUInt32()) != entity.type) {
                    throw new IllegalStateException("RESYNC of entity " + id + " with another type");
                }
                long[] before = entity.values.clone();
                ByteString[] beforeBytes = entity.bytes.clone();
                readFull(in, entity);
                int changed = 0;
                for (int i = 0; i < before.length; i++) {
                    if (before[i] != entity.values[i] || !beforeBytes[i].equals(entity.bytes[i])) {
                        changed |= 1 << i;
                    }
                }
                if (changed != 0) {
                    listener.onChange(entity, changed);
                }
            } else {
                int mask = readChange(in, entity);
                if (mask != 0) {
                    listener.onChange(entity, mask);
                }
            }
        }
    }

    private MirrorType type(int typeId) {
        MirrorType type = typesById.get(typeId);
        if (type == null) {
            throw new IllegalStateException("unknown entity type_id " + typeId);
        }
        return type;
    }

    private static void readFull(CodedInputStream in, MirrorEntity entity) throws IOException {
        entity.clear();
        int mask = in.readUInt32();
        MirrorField[] fields = entity.type.fields;
        checkMask(mask, fields.length);
        for (int i = 0; i < fields.length; i++) {
            if ((mask & (1 << i)) == 0) {
                continue;
            }
            MirrorField f = fields[i];
            switch (f.kind) {
                case MirrorField.FLOAT:
                    entity.values[i] = Float.floatToRawIntBits(in.readFloat());
                    break;
                case MirrorField.DOUBLE:
                    entity.values[i] = Double.doubleToRawLongBits(in.readDouble());
                    break;
                case MirrorField.BOOL:
                    entity.values[i] = 1;
                    break;
                case MirrorField.STRING:
                case MirrorField.BYTES:
                    entity.bytes[i] = in.readBytes();
                    break;
                default:
                    entity.values[i] = f.wide() ? in.readSInt64() : in.readSInt32();
                    if (f.linear) {
                        entity.steps[i] = f.wide() ? in.readSInt64() : in.readSInt32();
                    }
            }
        }
    }

    private static int readChange(CodedInputStream in, MirrorEntity entity) throws IOException {
        int mask = in.readUInt32();
        MirrorField[] fields = entity.type.fields;
        checkMask(mask, fields.length);
        if (mask == 0) {
            throw new IllegalStateException("CHANGE of entity " + entity.id() + " with an empty mask");
        }
        int changed = mask;
        for (int i = 0; i < fields.length; i++) {
            MirrorField f = fields[i];
            boolean present = (mask & (1 << i)) != 0;
            if (!present) {
                if (f.linear && entity.steps[i] != 0) {
                    entity.values[i] = advance(f, entity.values[i], entity.steps[i]);
                    changed |= 1 << i;
                }
                continue;
            }
            switch (f.kind) {
                case MirrorField.FLOAT:
                    entity.values[i] = Float.floatToRawIntBits(in.readFloat());
                    break;
                case MirrorField.DOUBLE:
                    entity.values[i] = Double.doubleToRawLongBits(in.readDouble());
                    break;
                case MirrorField.BOOL:
                    entity.values[i] ^= 1;
                    break;
                case MirrorField.STRING:
                case MirrorField.BYTES:
                    entity.bytes[i] = in.readBytes();
                    break;
                default:
                    long d = f.wide() ? in.readSInt64() : in.readSInt32();
                    if (f.linear) {
                        entity.values[i] = advance(f, entity.values[i], entity.steps[i] + d);
                        entity.steps[i] = f.wide() ? entity.steps[i] + d : (int) (entity.steps[i] + d);
                    } else {
                        entity.values[i] = advance(f, entity.values[i], d);
                    }
            }
        }
        return changed;
    }

    private static long advance(MirrorField f, long value, long delta) {
        return f.wide() ? value + delta : (int) (value + delta);
    }

    private static void checkMask(int mask, int fieldCount) {
        if (fieldCount < 32 && (mask >>> fieldCount) != 0) {
            throw new IllegalStateException("field mask " + Integer.toHexString(mask) + " names fields past "
                    + fieldCount);
        }
    }

    private void extrapolate() {
        for (MirrorEntity entity : entities.values()) {
            if (entity.lastPatch == patchNumber) {
                continue;
            }
            int moved = 0;
            MirrorField[] fields = entity.type.fields;
            for (int i = 0; i < fields.length; i++) {
                if (fields[i].linear && entity.steps[i] != 0) {
                    entity.values[i] = advance(fields[i], entity.values[i], entity.steps[i]);
                    moved |= 1 << i;
                }
            }
            if (moved != 0) {
                listener.onChange(entity, moved);
            }
        }
    }

    private void remove(MirrorEntity entity) {
        entities.remove(entity.id());
        Map<Integer, MirrorEntity> ofType = byType.get(entity.typeName());
        if (ofType != null) {
            ofType.remove(entity.id());
        }
        listener.onRemove(entity);
    }
}
