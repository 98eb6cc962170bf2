package io.ringside.protocol.state;

/**
 * The framework's access to {@link EntityState}s: writes the bodies of CHANGE and FULL records
 * ({@code ringside/v1/state.proto}, "Records") and keeps the replicator's per-entity data. Not
 * for game code: rooms use the generated setters and getters.
 *
 * <p>Tick thread of the owning room only.
 */
public final class EntityRecords {
    private EntityRecords() {
    }

    /** The replicator's data attached to {@code entity}, or {@code null}. */
    public static Object replica(EntityState entity) {
        return entity.replica;
    }

    /** Attaches the replicator's data to {@code entity} ({@code null} to detach). */
    public static void replica(EntityState entity, Object replica) {
        entity.replica = replica;
    }

    /** See {@link EntityState#changedMask()}. */
    public static int changedMask(EntityState entity) {
        return entity.changedMask();
    }

    /** See {@link EntityState#moving()}. */
    public static boolean moving(EntityState entity) {
        return entity.moving();
    }

    /** Whether only the entity's owner may see it ({@code (ringside.v1.entity).owner_only}). */
    public static boolean ownerOnlyEntity(EntityState entity) {
        return entity.ownerOnlyEntity();
    }

    /** See {@link EntityState#ownerOnlyMask()}. */
    public static int ownerOnlyMask(EntityState entity) {
        return entity.ownerOnlyMask();
    }

    /** See {@link EntityState#teamOnlyMask()}. */
    public static int teamOnlyMask(EntityState entity) {
        return entity.teamOnlyMask();
    }

    /** The number of fields of {@code entity}'s type. */
    public static int fieldCount(EntityState entity) {
        return entity.fieldCount();
    }

    /**
     * Writes a CHANGE body for the fields in {@code mask} (the mask, then their deltas against
     * the replicated state); does nothing for an empty mask. Call before {@link #advance}.
     */
    public static void writeChange(EntityState entity, StateBuffer out, int mask) {
        if (mask != 0) {
            out.writeVarint32(mask);
            entity.writeChanges(out, mask);
        }
    }

    /**
     * Writes the delta values of the fields in {@code mask} as a CHANGE body carries them, without
     * the mask: each field's bytes depend on that field alone, so bodies for subsets of the fields
     * can be assembled from them. Call before {@link #advance}.
     */
    public static void writeChangeValues(EntityState entity, StateBuffer out, int mask) {
        entity.writeChanges(out, mask);
    }

    /** Makes the current state the replicated one; see {@link EntityState#advance()}. */
    public static void advance(EntityState entity) {
        entity.advance();
    }

    /** Makes the current state the replicated one with every LINEAR step 0 (a new entity). */
    public static void prime(EntityState entity) {
        entity.prime();
    }

    /**
     * Writes a FULL body of the replicated state: type id, mask, values; owner-only fields only
     * when {@code owner}.
     */
    public static void writeFull(EntityState entity, StateBuffer out, boolean owner) {
        writeFull(entity, out, owner ? 0 : entity.ownerOnlyMask());
    }

    /**
     * Writes a FULL body of the replicated state without the fields in {@code hiddenMask} (those the
     * reader may not see: they stay at their defaults in its mirror).
     */
    public static void writeFull(EntityState entity, StateBuffer out, int hiddenMask) {
        int mask = entity.nonDefaultMask() & ~hiddenMask;
        out.writeVarint32(entity.typeId());
        out.writeVarint32(mask);
        entity.writeFull(out, mask);
    }
}
