package io.ringside.engine.state;

/**
 * Immutable settings of a {@link Replicator}: the spatial view and the per-patch byte budget.
 * Defaults: no spatial view (every viewer sees every entity it may see), 16 KiB per patch.
 */
public final class ReplicationOptions {
    /** Default {@link #maxPatchBytes()}. */
    public static final int DEFAULT_MAX_PATCH_BYTES = 16_384;
    /** Smallest {@link #maxPatchBytes()} accepted. */
    public static final int MIN_MAX_PATCH_BYTES = 256;

    private final float viewRadius;
    private final int maxPatchBytes;

    private ReplicationOptions(Builder builder) {
        this.viewRadius = builder.viewRadius;
        this.maxPatchBytes = builder.maxPatchBytes;
    }

    /** Every default. */
    public static ReplicationOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * How far a viewer sees placed entities from its center, in world units; 0 turns the spatial
     * view off (every entity is in every view).
     */
    public float viewRadius() {
        return viewRadius;
    }

    /**
     * The most record bytes one patch carries; what does not fit follows in later patches, nearest
     * first (see {@code StatePatch.deferred}).
     */
    public int maxPatchBytes() {
        return maxPatchBytes;
    }

    /** Builds {@link ReplicationOptions}; {@link #build()} checks every value. */
    public static final class Builder {
        private float viewRadius;
        private int maxPatchBytes = DEFAULT_MAX_PATCH_BYTES;

        private Builder() {
        }

        /** Sets {@link #viewRadius()}: 0 (off) or a finite positive number. */
        public Builder viewRadius(float radius) {
            this.viewRadius = radius;
            return this;
        }

        /** Sets {@link #maxPatchBytes()}, at least {@link #MIN_MAX_PATCH_BYTES}. */
        public Builder maxPatchBytes(int bytes) {
            this.maxPatchBytes = bytes;
            return this;
        }

        /** Checks the values and builds; throws {@link IllegalArgumentException} naming a bad one. */
        public ReplicationOptions build() {
            if (!(viewRadius >= 0) || Float.isInfinite(viewRadius)) {
                throw new IllegalArgumentException("viewRadius=" + viewRadius + " (0 for off, or finite > 0)");
            }
            if (maxPatchBytes < MIN_MAX_PATCH_BYTES) {
                throw new IllegalArgumentException("maxPatchBytes=" + maxPatchBytes + " (at least "
                        + MIN_MAX_PATCH_BYTES + ")");
            }
            return new ReplicationOptions(this);
        }
    }
}
