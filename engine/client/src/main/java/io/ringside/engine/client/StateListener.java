package io.ringside.engine.client;

/**
 * Callbacks of a {@link StateMirror} as it applies patches; all default to doing nothing. Called on
 * the thread applying the patch.
 */
public interface StateListener {
    /** {@code entity} entered the view (its fields are set). */
    default void onAdd(MirrorEntity entity) {
    }

    /**
     * Fields of {@code entity} changed: bit i of {@code fieldMask} is field index i (see
     * {@link MirrorEntity#field(int)}); extrapolated LINEAR fields included.
     */
    default void onChange(MirrorEntity entity, int fieldMask) {
    }

    /** {@code entity} left the view or was despawned. */
    default void onRemove(MirrorEntity entity) {
    }
}
