package io.ringside.engine.state;

/**
 * Immutable settings of a {@link Replicator}: the spatial view (radius and grid cell size) and the
 * per-patch byte budget.
 * Defaults: no spatial view (every viewer sees every entity it may see), 16 KiB per patch.
 */
public final class ReplicationOptions {
    /** Default {@link #maxPatchBytes()}. */
    public static final int DEFAULT_MAX_PATCH_BYTES = 16_384;
    /** Smallest {@link #maxPatchBytes()} accepted. */
    public static final int MIN_MAX_PATCH_BYTES = 256;

    /** Most grid cells across a view's diameter: {@link #cellSize()} is at least viewRadius / this * 2. */
    public static final int MAX_CELLS_ACROSS_VIEW = 16;

    private final float viewRadius;
    private final float cellSize;
    private final int maxPatchBytes;

    private ReplicationOptions(Builder builder) {
        this.viewRadius = builder.viewRadius;
        this.cellSize = builder.cellSize == 0 ? builder.viewRadius : builder.cellSize;
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
     * The side of the spatial grid's square cells, in world units: a view looks only at the cells
     * its radius touches, so a send costs about viewers × entities near each rather than viewers ×
     * entities. Defaults to {@link #viewRadius()} (a view touches 2×2 to 3×3 cells); smaller cells
     * fit a view more tightly but cost more cells per view. 0 when there is no spatial view.
     */
    public float cellSize() {
        return cellSize;
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
        private float cellSize;
        private int maxPatchBytes = DEFAULT_MAX_PATCH_BYTES;

        private Builder() {
        }

        /** Sets {@link #viewRadius()}: 0 (off) or a finite positive number. */
        public Builder viewRadius(float radius) {
            this.viewRadius = radius;
            return this;
        }

        /**
         * Sets {@link #cellSize()}: 0 (the view radius) or a finite number from
         * {@code 2 * viewRadius / MAX_CELLS_ACROSS_VIEW} up.
         */
        public Builder cellSize(float size) {
            this.cellSize = size;
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
            if (!(cellSize >= 0) || Float.isInfinite(cellSize)
                    || cellSize > 0 && cellSize < 2 * viewRadius / MAX_CELLS_ACROSS_VIEW) {
                throw new IllegalArgumentException("cellSize=" + cellSize + " (0 for the view radius, or finite and"
                        + " at least 2 * viewRadius / " + MAX_CELLS_ACROSS_VIEW + " = "
                        + 2 * viewRadius / MAX_CELLS_ACROSS_VIEW + ")");
            }
            if (maxPatchBytes < MIN_MAX_PATCH_BYTES) {
                throw new IllegalArgumentException("maxPatchBytes=" + maxPatchBytes + " (at least "
                        + MIN_MAX_PATCH_BYTES + ")");
            }
            return new ReplicationOptions(this);
        }
    }
}
