package io.ringside.engine.state;

import io.ringside.protocol.state.EntityState;

/**
 * Decides which fields of an entity a viewer is not sent, beyond those declared {@code owner_only}
 * and {@code team_only} in the {@code .proto}: a card's face until it is revealed, an enemy's
 * health bar only up close, a unit's orders only to its squad. A hidden field keeps its default
 * in that viewer's mirror; when what a viewer may see of an entity changes (the returned mask
 * differs from the one its copy was built with), the entity comes to it whole again as a RESYNC
 * at its next patch, which also resets the fields it may no longer see.
 *
 * <p>Called on the room's tick thread at every send for each viewer and each entity in its view
 * (after {@link ViewFilter}): keep it cheap and free of allocation. Viewers for which it returns
 * the same mask share one encoding of the entity's record in that send.
 *
 * @param <V> the viewer key type (a player)
 */
@FunctionalInterface
public interface FieldFilter<V> {
    /**
     * The fields of {@code entity} (spawned with {@code owner}, or {@code null}) that
     * {@code viewer} must not see: bit i is field index i, the i-th field by field number (the
     * generated {@code <NAME>_FIELD} constants); 0 hides nothing. Bits of fields the entity type
     * does not have are ignored.
     */
    int hiddenFields(V viewer, EntityState entity, V owner);
}
