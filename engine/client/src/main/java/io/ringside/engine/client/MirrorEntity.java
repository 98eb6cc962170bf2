package io.ringside.engine.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

/**
 * One entity in a {@link StateMirror}: its id, type and current field values as the server sent
 * them (quantized numbers as every client sees them, LINEAR fields extrapolated).
 *
 * <p>Read on the thread that applies patches to the mirror.
 */
public final class MirrorEntity {
    final MirrorType type;
    private final int id;
    /** Integer kinds and QUANT steps; FLOAT/DOUBLE raw bits; BOOL 0 or 1. */
    final long[] values;
    final long[] steps;
    final ByteString[] bytes;
    int lastPatch;

    MirrorEntity(MirrorType type, int id) {
        this.type = type;
        this.id = id;
        this.values = new long[type.fields.length];
        this.steps = new long[type.fields.length];
        this.bytes = new ByteString[type.fields.length];
        clear();
    }

    void clear() {
        for (int i = 0; i < values.length; i++) {
            values[i] = 0;
            steps[i] = 0;
            bytes[i] = ByteString.EMPTY;
        }
    }

    /** The entity's id (unique in its room). */
    public int id() {
        return id;
    }

    /** The protobuf full name of the entity's type. */
    public String typeName() {
        return type.descriptor.getFullName();
    }

    /** The field at {@code index} (field-index order: by field number). */
    public FieldDescriptor field(int index) {
        return type.fields[index].descriptor;
    }

    /** The value of {@code fieldName} as protobuf-java holds it (Integer, Long, Float, String, ByteString...). */
    public Object get(String fieldName) {
        for (int i = 0; i < type.fields.length; i++) {
            if (type.fields[i].descriptor.getName().equals(fieldName)) {
                return value(i);
            }
        }
        throw new IllegalArgumentException(typeName() + " has no field " + fieldName);
    }

    /** The entity as its protobuf message (a new message each call). */
    public Message toMessage() {
        Message.Builder builder = type.prototype.newBuilderForType();
        for (int i = 0; i < type.fields.length; i++) {
            FieldDescriptor fd = type.fields[i].descriptor;
            Object value = value(i);
            if (fd.getType() == FieldDescriptor.Type.ENUM) {
                value = fd.getEnumType().findValueByNumberCreatingIfUnknown((Integer) value);
            }
            builder.setField(fd, value);
        }
        return builder.build();
    }

    Object value(int i) {
        MirrorField f = type.fields[i];
        long v = values[i];
        switch (f.kind) {
            case MirrorField.INT32:
            case MirrorField.UINT32:
                return (int) v;
            case MirrorField.INT64:
                return v;
            case MirrorField.QUANT:
                return f.descriptor.getType() == FieldDescriptor.Type.FLOAT
                        ? (Object) (float) ((int) v * f.scale) : (Object) ((int) v * f.scale);
            case MirrorField.FLOAT:
                return Float.intBitsToFloat((int) v);
            case MirrorField.DOUBLE:
                return Double.longBitsToDouble(v);
            case MirrorField.BOOL:
                return v != 0;
            case MirrorField.STRING:
                return bytes[i].toStringUtf8();
            default:
                return bytes[i];
        }
    }

    @Override
    public String toString() {
        return typeName() + "#" + id;
    }
}
