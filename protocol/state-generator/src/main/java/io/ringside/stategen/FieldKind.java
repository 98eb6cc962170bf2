package io.ringside.stategen;

/** How one entity field is held in Java and sent ({@code ringside/v1/state.proto}, "Field kinds"). */
enum FieldKind {
    INT32("int", true, false),
    UINT32("int", true, false),
    ENUM("int", true, false),
    INT64("long", true, true),
    UINT64("long", true, true),
    QUANT_FLOAT("int", true, false),
    QUANT_DOUBLE("int", true, false),
    FLOAT("float", false, false),
    DOUBLE("double", false, false),
    BOOL("boolean", false, false),
    STRING("com.google.protobuf.ByteString", false, false),
    BYTES("com.google.protobuf.ByteString", false, false);

    /** The Java type holding the wire value. */
    final String storage;
    /** Sent as integer deltas (and so may be LINEAR). */
    final boolean integer;
    /** 64-bit integer kind. */
    final boolean wide;

    FieldKind(String storage, boolean integer, boolean wide) {
        this.storage = storage;
        this.integer = integer;
        this.wide = wide;
    }
}
