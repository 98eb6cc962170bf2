package io.ringside.engine.room;

/**
 * Immutable settings of a room type: how many players a room takes and how long an empty room
 * lives. Defaults: capacity 16, disposed at the end of the tick in which it became empty.
 */
public final class RoomOptions {
    /** Default {@link #capacity()}. */
    public static final int DEFAULT_CAPACITY = 16;
    /** Largest {@link #capacity()} accepted. */
    public static final int MAX_CAPACITY = 65_535;

    private final int capacity;
    private final long disposeWhenEmptyMs;

    private RoomOptions(Builder builder) {
        this.capacity = builder.capacity;
        this.disposeWhenEmptyMs = builder.disposeWhenEmptyMs;
    }

    /** Every default. */
    public static RoomOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Most players in one room; join-or-create opens a new room when every room of the type is full. */
    public int capacity() {
        return capacity;
    }

    /** How long a room stays without players before it is disposed, in milliseconds (counted in ticks). */
    public long disposeWhenEmptyMs() {
        return disposeWhenEmptyMs;
    }

    /** Builds {@link RoomOptions}; {@link #build()} checks every value. */
    public static final class Builder {
        private int capacity = DEFAULT_CAPACITY;
        private long disposeWhenEmptyMs;

        private Builder() {
        }

        /** Sets the most players per room, 1 to 65 535. */
        public Builder capacity(int capacity) {
            this.capacity = capacity;
            return this;
        }

        /** Sets how long an empty room lives, in milliseconds; 0 disposes it at the end of the tick. */
        public Builder disposeWhenEmptyMs(long ms) {
            this.disposeWhenEmptyMs = ms;
            return this;
        }

        /** Checks the values and builds; throws {@link IllegalArgumentException} naming a bad one. */
        public RoomOptions build() {
            if (capacity < 1 || capacity > MAX_CAPACITY) {
                throw new IllegalArgumentException("capacity=" + capacity + " (must be 1 to " + MAX_CAPACITY + ")");
            }
            if (disposeWhenEmptyMs < 0) {
                throw new IllegalArgumentException("disposeWhenEmptyMs=" + disposeWhenEmptyMs + " (minimum 0)");
            }
            return new RoomOptions(this);
        }
    }
}
