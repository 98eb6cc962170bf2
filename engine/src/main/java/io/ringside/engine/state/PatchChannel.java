package io.ringside.engine.state;

/**
 * Where a {@link Replicator} delivers each viewer's patches, and the one place that decides what a
 * viewer's baseline is. On a reliable, ordered transport a patch handed over is a patch received,
 * so the baseline is "everything handed over", and {@link #ready} holds a viewer back while its
 * previous patch is still waiting to be written (never a delta against something it has not got).
 * An unreliable transport would answer {@link #ready} from acknowledgements instead.
 *
 * <p>Called on the room's tick thread, during {@link Replicator#send}.
 *
 * @param <V> the viewer key type (a player)
 */
public interface PatchChannel<V> {
    /** Whether {@code viewer} has (or will have, in order) every patch handed over so far. */
    boolean ready(V viewer);

    /**
     * Hands over {@code viewer}'s next patch: a serialized {@code ringside.v1.StatePatch} in
     * {@code bytes[offset, offset + length)}, valid during the call only.
     *
     * @return false when the patch was refused (the viewer is then sent its whole view again)
     */
    boolean deliver(V viewer, byte[] bytes, int offset, int length);
}
