package io.ringside.engine.room;

import io.ringside.engine.state.FieldFilter;
import io.ringside.engine.state.ReplicationStats;
import io.ringside.engine.state.Replicator;
import io.ringside.engine.state.ViewFilter;
import io.ringside.protocol.state.EntityState;

/**
 * A room's replicated state: spawn entities (instances of the classes generated from the game's
 * {@code .proto}), set their fields on the tick thread, and the framework sends every player a
 * patch of what changed in its view at the room type's send rate
 * ({@link RoomOptions#stateSendRateHz()}). See {@code ringside/v1/state.proto} for the wire.
 *
 * <p>Views: with a view radius ({@link RoomOptions#replication()}), a player sees the entities
 * {@link #place placed} within that radius of its {@link #viewFrom view center} (found through a
 * spatial grid, so a send does not compare every player with every entity), every entity
 * never placed, and the entities it owns; a {@link #filter} hides more (team-only units), a
 * {@link #fieldFilter} hides fields of what it sees (a card's face until revealed);
 * entity types and fields declared {@code owner_only} go to their owner only, fields declared
 * {@code team_only} to their owner and the players on the entity's {@link #team team}.
 *
 * <p>Tick thread of the room only.
 */
public final class RoomState {
    final Replicator<Player> replicator;

    RoomState(Replicator<Player> replicator) {
        this.replicator = replicator;
    }

    /** Spawns {@code entity} with no owner; returns its id. */
    public int spawn(EntityState entity) {
        return replicator.spawn(entity, null);
    }

    /** Spawns {@code entity} owned by {@code owner} (who sees its owner-only fields); returns its id. */
    public int spawn(EntityState entity, Player owner) {
        return replicator.spawn(entity, owner);
    }

    /** Despawns {@code entity}: it leaves every view at the next send. */
    public void despawn(EntityState entity) {
        replicator.despawn(entity);
    }

    /** The id {@link #spawn} gave {@code entity} (what clients key it by). */
    public int id(EntityState entity) {
        return replicator.id(entity);
    }

    /** Puts {@code entity} at {@code (x, y)} in the spatial view (world units). */
    public void place(EntityState entity, float x, float y) {
        replicator.place(entity, x, y);
    }

    /** Sets where {@code player} sees from (usually its own entity's position). */
    public void viewFrom(Player player, float x, float y) {
        replicator.center(player, x, y);
    }

    /**
     * Puts {@code player} on team {@code team} (0: none): it sees the {@code team_only} fields of
     * the entities on that team.
     */
    public void team(Player player, int team) {
        replicator.team(player, team);
    }

    /**
     * Puts {@code entity} on team {@code team} (0: none): its {@code team_only} fields go to its
     * owner and to the players on that team.
     */
    public void team(EntityState entity, int team) {
        replicator.team(entity, team);
    }

    /** Sets the hook hiding entities from some players ({@code null}: none). */
    public void filter(ViewFilter<Player> filter) {
        replicator.filter(filter);
    }

    /**
     * Sets the hook hiding fields of entities from some players, beyond the declared
     * {@code owner_only} and {@code team_only} ones ({@code null}: none); players with the same
     * result share one encoding of the entity. See {@link FieldFilter}.
     */
    public void fieldFilter(FieldFilter<Player> filter) {
        replicator.fieldFilter(filter);
    }

    /** What was sent, skipped and deferred so far. */
    public ReplicationStats stats() {
        return replicator.stats();
    }
}
