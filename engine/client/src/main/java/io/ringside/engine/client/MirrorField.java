package io.ringside.engine.client;

import com.google.protobuf.Descriptors.FieldDescriptor;
import io.ringside.protocol.envelope.FieldOptions;
import io.ringside.protocol.envelope.StateProto;

/** One field of a mirrored entity type: its wire kind and options, read from the descriptor. */
final class MirrorField {
    static final int INT32 = 0;
    static final int UINT32 = 1;
    static final int INT64 = 2;
    static final int QUANT = 3;
    static final int FLOAT = 4;
    static final int DOUBLE = 5;
    static final int BOOL = 6;
    static final int STRING = 7;
    static final int BYTES = 8;

    final FieldDescriptor descriptor;
    final int kind;
    final double scale;
    final boolean linear;

    MirrorField(FieldDescriptor descriptor) {
        this.descriptor = descriptor;
        FieldOptions options = descriptor.getOptions().getExtension(StateProto.field);
        this.scale = options.getScale();
        this.linear = options.getPredict() == FieldOptions.Predict.LINEAR;
        this.kind = kindOf(descriptor, scale != 0);
    }

    private static int kindOf(FieldDescriptor field, boolean quantized) {
        switch (field.getType()) {
            case INT32:
            case SINT32:
            case SFIXED32:
            case ENUM:
                return INT32;
            case UINT32:
            case FIXED32:
                return UINT32;
            case INT64:
            case SINT64:
            case SFIXED64:
            case UINT64:
            case FIXED64:
                return INT64;
            case FLOAT:
                return quantized ? QUANT : FLOAT;
            case DOUBLE:
                return quantized ? QUANT : DOUBLE;
            case BOOL:
                return BOOL;
            case STRING:
                return STRING;
            case BYTES:
                return BYTES;
            default:
                throw new IllegalArgumentException("field " + field.getFullName() + " cannot be replicated");
        }
    }

    boolean wide() {
        return kind == INT64;
    }
}
