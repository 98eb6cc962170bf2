package io.ringside.engine.state;

import io.ringside.protocol.state.EntityState;

/**
 * Decides whether a viewer may see an entity at all (team-only units, hidden players), on top of
 * owner-only declarations and the spatial view. Called on the room's tick thread for each viewer
 * and entity at every send: keep it cheap and free of allocation.
 *
 * @param <V> the viewer key type (a player)
 */
@FunctionalInterface
public interface ViewFilter<V> {
    /** Whether {@code viewer} may see {@code entity}, spawned with {@code owner} (or {@code null}). */
    boolean canSee(V viewer, EntityState entity, V owner);
}
