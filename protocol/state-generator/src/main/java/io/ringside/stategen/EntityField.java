package io.ringside.stategen;

import java.util.Locale;

/** One field of an entity type, validated: its index, kind and replication options. */
record EntityField(int index, String name, String camel, FieldKind kind, double scale, boolean linear,
                   boolean ownerOnly, boolean teamOnly) {

    /** The Java field holding the current wire value. */
    String current() {
        return "f" + index;
    }

    /** The Java field holding the replicated (canonical) wire value. */
    String sent() {
        return "f" + index + "Sent";
    }

    /** The Java field holding the LINEAR step. */
    String step() {
        return "f" + index + "Step";
    }

    /** The Java constant holding the scale. */
    String scaleConstant() {
        return "SCALE_" + index;
    }

    /** The public constant holding the field's bit in a field mask, e.g. {@code MOVE_X_FIELD}. */
    String maskConstant() {
        return name.toUpperCase(Locale.ROOT) + "_FIELD";
    }

    int bit() {
        return 1 << index;
    }
}
