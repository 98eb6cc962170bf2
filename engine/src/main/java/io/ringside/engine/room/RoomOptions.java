package io.ringside.engine.room;

import io.ringside.engine.state.ReplicationOptions;

/**
 * Immutable settings of a room type: how many players a room takes, how long an empty room lives
 * and how long a dropped player's seat is held for a reconnect. Defaults: capacity 16, disposed at
 * the end of the tick in which it became empty, no reconnect grace.
 */
public final class RoomOptions {
    /** Default {@link #capacity()}. */
    public static final int DEFAULT_CAPACITY = 16;
    /** Largest {@link #capacity()} accepted. */
    public static final int MAX_CAPACITY = 65_535;
    /** Default {@link #joinDecisionTimeoutMs()}. */
    public static final long DEFAULT_JOIN_DECISION_TIMEOUT_MS = 10_000L;
    /** Largest {@link #reconnectGraceMs()} (and {@link #joinDecisionTimeoutMs()}) accepted: one day. */
    public static final long MAX_RECONNECT_GRACE_MS = 86_400_000L;
    /** Largest {@link #stateSendRateHz()} accepted. */
    public static final int MAX_STATE_SEND_RATE_HZ = 1000;
    /** Default {@link #statePatchesInFlight()}. */
    public static final int DEFAULT_STATE_PATCHES_IN_FLIGHT = 4;
    /** Largest {@link #statePatchesInFlight()} accepted. */
    public static final int MAX_STATE_PATCHES_IN_FLIGHT = 64;

    private final int capacity;
    private final long disposeWhenEmptyMs;
    private final long reconnectGraceMs;
    private final long joinDecisionTimeoutMs;
    private final int stateSendRateHz;
    private final int statePatchesInFlight;
    private final ReplicationOptions replication;

    private RoomOptions(Builder builder) {
        this.joinDecisionTimeoutMs = builder.joinDecisionTimeoutMs;
        this.stateSendRateHz = builder.stateSendRateHz;
        this.statePatchesInFlight = builder.statePatchesInFlight;
        this.replication = builder.replication;
        this.capacity = builder.capacity;
        this.disposeWhenEmptyMs = builder.disposeWhenEmptyMs;
        this.reconnectGraceMs = builder.reconnectGraceMs;
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

    /**
     * How long the seat of a player whose connection dropped is held for it to reconnect, in
     * milliseconds (counted in ticks of the room's shard, rounded up); 0 (the default) holds no seat:
     * a drop is a leave. See {@link Room#onDisconnect}.
     */
    public long reconnectGraceMs() {
        return reconnectGraceMs;
    }

    /**
     * How long a join decided {@linkplain JoinDecision#later later} may wait for its answer, in
     * milliseconds (counted in ticks, rounded up); then it is rejected and its seat released.
     * Default 10 000.
     */
    public long joinDecisionTimeoutMs() {
        return joinDecisionTimeoutMs;
    }

    /**
     * How many times per second replicated state ({@link Room#state()}) is sent; 0 (the default)
     * sends after every tick. At most the shard's tick rate, which it divides into whole ticks
     * (a 60 Hz shard sending at 20 Hz sends every third tick; a rate that does not divide it is
     * rounded to the nearest whole number of ticks).
     */
    public int stateSendRateHz() {
        return stateSendRateHz;
    }

    /**
     * How many state patches may wait in a player's connection, not yet written to its socket,
     * before the player is skipped at a send (default 4). Patches queue in order on the reliable
     * connection, so waiting ones cost nothing extra; a skipped player's next patch brings it up to
     * date, with RESYNC records (whole entities) for what changed meanwhile, so a short stall of the
     * I/O loop should not cause skips. 1 skips whenever the previous patch is still queued.
     */
    public int statePatchesInFlight() {
        return statePatchesInFlight;
    }

    /** The replicated state's spatial view and byte budget per patch. */
    public ReplicationOptions replication() {
        return replication;
    }

    /** Builds {@link RoomOptions}; {@link #build()} checks every value. */
    public static final class Builder {
        private int capacity = DEFAULT_CAPACITY;
        private long disposeWhenEmptyMs;
        private long reconnectGraceMs;
        private long joinDecisionTimeoutMs = DEFAULT_JOIN_DECISION_TIMEOUT_MS;
        private int stateSendRateHz;
        private int statePatchesInFlight = DEFAULT_STATE_PATCHES_IN_FLIGHT;
        private ReplicationOptions replication = ReplicationOptions.defaults();

        private Builder() {
        }

        /** Sets how long a {@link JoinDecision#later} join may wait for its answer, in ms, 1 to one day. */
        public Builder joinDecisionTimeoutMs(long ms) {
            this.joinDecisionTimeoutMs = ms;
            return this;
        }

        /** Sets {@link RoomOptions#stateSendRateHz()}: 0 (every tick) or 1 to 1000. */
        public Builder stateSendRateHz(int hz) {
            this.stateSendRateHz = hz;
            return this;
        }

        /** Sets {@link RoomOptions#statePatchesInFlight()}, 1 to {@link #MAX_STATE_PATCHES_IN_FLIGHT}. */
        public Builder statePatchesInFlight(int patches) {
            this.statePatchesInFlight = patches;
            return this;
        }

        /** Sets {@link RoomOptions#replication()}. */
        public Builder replication(ReplicationOptions options) {
            this.replication = java.util.Objects.requireNonNull(options, "replication");
            return this;
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

        /**
         * Sets how long a dropped player's seat is held for a reconnect, in milliseconds, 0 to
         * {@link #MAX_RECONNECT_GRACE_MS}; 0 turns reconnects off.
         */
        public Builder reconnectGraceMs(long ms) {
            this.reconnectGraceMs = ms;
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
            if (reconnectGraceMs < 0 || reconnectGraceMs > MAX_RECONNECT_GRACE_MS) {
                throw new IllegalArgumentException("reconnectGraceMs=" + reconnectGraceMs + " (must be 0 to "
                        + MAX_RECONNECT_GRACE_MS + ")");
            }
            if (joinDecisionTimeoutMs < 1 || joinDecisionTimeoutMs > MAX_RECONNECT_GRACE_MS) {
                throw new IllegalArgumentException("joinDecisionTimeoutMs=" + joinDecisionTimeoutMs + " (must be 1 to "
                        + MAX_RECONNECT_GRACE_MS + ")");
            }
            if (stateSendRateHz < 0 || stateSendRateHz > MAX_STATE_SEND_RATE_HZ) {
                throw new IllegalArgumentException("stateSendRateHz=" + stateSendRateHz + " (must be 0 to "
                        + MAX_STATE_SEND_RATE_HZ + ")");
            }
            if (statePatchesInFlight < 1 || statePatchesInFlight > MAX_STATE_PATCHES_IN_FLIGHT) {
                throw new IllegalArgumentException("statePatchesInFlight=" + statePatchesInFlight + " (must be 1 to "
                        + MAX_STATE_PATCHES_IN_FLIGHT + ")");
            }
            return new RoomOptions(this);
        }
    }
}
