package io.ringside.engine.state;

import io.ringside.protocol.state.EntityState;
import java.util.Arrays;

/**
 * The replicator's data of one spawned entity: id, owner, position, which send its replicated
 * state last changed at, the shared record bodies of the current send, and per viewer slot what
 * that viewer holds of it. Tick thread only.
 */
final class Replica {
    /** sync value: the viewer does not have the entity. */
    static final int ABSENT = 0;
    /** sync value: the viewer has the entity, but not any replicated state of it (needs a RESYNC). */
    static final int STALE = -1;

    final EntityState entity;
    final int id;
    final Object owner;
    final boolean ownerOnly;
    final int ownerOnlyMask;
    float x;
    float y;
    boolean placed;
    boolean despawned;
    /** Send numbers: last change (replicated state differs from the one before), and the one before that. */
    int lastChange;
    int baseChange;
    /** CHANGE bodies of this send in the shared segment buffer: everybody's, the owner's. */
    int publicStart;
    int publicEnd;
    int ownerStart;
    int ownerEnd;
    /** FULL bodies of this send (valid when fullSend is the current send). */
    int fullSend;
    int fullPublicStart;
    int fullPublicEnd;
    int fullOwnerStart;
    int fullOwnerEnd;
    /**
     * Per viewer slot: ABSENT, STALE, or the send number whose replicated state the viewer holds
     * (everything since has been extrapolation-only or has not changed).
     */
    int[] sync;

    Replica(EntityState entity, int id, Object owner, boolean ownerOnly, int ownerOnlyMask, int slots) {
        this.entity = entity;
        this.id = id;
        this.owner = owner;
        this.ownerOnly = ownerOnly;
        this.ownerOnlyMask = ownerOnlyMask;
        this.sync = new int[Math.max(4, slots)];
    }

    int sync(int slot) {
        return slot < sync.length ? sync[slot] : ABSENT;
    }

    void sync(int slot, int value) {
        if (slot >= sync.length) {
            sync = Arrays.copyOf(sync, Math.max(slot + 1, sync.length * 2));
        }
        sync[slot] = value;
    }

    boolean heldByAnyone() {
        for (int value : sync) {
            if (value != ABSENT) {
                return true;
            }
        }
        return false;
    }
}
