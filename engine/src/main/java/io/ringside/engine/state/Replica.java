package io.ringside.engine.state;

import io.ringside.protocol.state.EntityState;
import java.util.Arrays;

/**
 * The replicator's data of one spawned entity: id, owner, team, position, which send its replicated
 * state last changed at, the shared record bodies of the current send, and per viewer slot what
 * that viewer holds of it. Tick thread only.
 */
final class Replica {
    /** sync value: the viewer does not have the entity. */
    static final int ABSENT = 0;
    /** sync value: the viewer has the entity, but not any replicated state of it (needs a RESYNC). */
    static final int STALE = -1;

    /** Visibility levels: what of the entity a viewer may see (index into the body offsets). */
    static final int PUBLIC = 0;
    static final int TEAM = 1;
    static final int OWNER = 2;

    final EntityState entity;
    final int id;
    final Object owner;
    final boolean ownerOnly;
    /** Fields hidden at each visibility level. */
    final int[] hidden = new int[3];
    /** Index in the replicator's entity array (changes when despawned entities are dropped). */
    int index;
    /** The entity's team (0: none); team-only fields go to viewers of the same non-zero team. */
    int team;
    /** The owner's view while the owner is a viewer (for the spatial view's candidate lists). */
    Viewer<?> ownerView;
    /** The replicator's mark when this entity was last made a candidate of the viewer at hand. */
    int mark;
    float x;
    float y;
    boolean placed;
    boolean despawned;
    /** Send numbers: last change (replicated state differs from the one before), and the one before that. */
    int lastChange;
    int baseChange;
    /** CHANGE bodies of this send in the shared segment buffer, per visibility level. */
    final int[] changeStart = new int[3];
    final int[] changeEnd = new int[3];
    /** FULL bodies of this send per visibility level (valid when fullSend is the current send). */
    int fullSend;
    final int[] fullStart = new int[3];
    final int[] fullEnd = new int[3];
    /** The fields of the entity type (bit i for field index i). */
    final int fieldsMask;
    /** With a field filter: the fields changed at this send, and where each one's value is in the segments. */
    int changedFields;
    int[] fieldStart;
    int[] fieldEnd;
    /** Bodies for field-filter results (null until a filter hides something of this entity). */
    FilteredBodies filteredBodies;
    /**
     * Per viewer slot: the fields a field filter hid beyond the declared ones in the copy that
     * viewer holds (null while none ever were).
     */
    private int[] filtered;
    /**
     * Per viewer slot: ABSENT, STALE, or the send number whose replicated state the viewer holds
     * (everything since has been extrapolation-only or has not changed).
     */
    int[] sync;

    Replica(EntityState entity, int id, Object owner, boolean ownerOnly, int ownerOnlyMask, int teamOnlyMask,
            int fieldCount, int slots) {
        this.entity = entity;
        this.id = id;
        this.owner = owner;
        this.ownerOnly = ownerOnly;
        this.hidden[PUBLIC] = ownerOnlyMask | teamOnlyMask;
        this.hidden[TEAM] = ownerOnlyMask;
        this.hidden[OWNER] = 0;
        this.fieldsMask = fieldCount >= 32 ? -1 : (1 << fieldCount) - 1;
        this.sync = new int[Math.max(4, slots)];
    }

    /** The fields a field filter hid in the copy viewer {@code slot} holds (0: none). */
    int filtered(int slot) {
        return filtered != null && slot < filtered.length ? filtered[slot] : 0;
    }

    void filtered(int slot, int fields) {
        if (filtered == null) {
            if (fields == 0) {
                return;
            }
            filtered = new int[sync.length];
        }
        if (slot >= filtered.length) {
            filtered = Arrays.copyOf(filtered, Math.max(slot + 1, sync.length));
        }
        filtered[slot] = fields;
    }

    /** Makes room for the field values of this send ({@link #fieldStart}, {@link #fieldEnd}). */
    void reserveFields() {
        if (fieldStart == null) {
            int count = Integer.bitCount(fieldsMask);
            fieldStart = new int[count];
            fieldEnd = new int[count];
            filteredBodies = new FilteredBodies();
        }
    }

    int sync(int slot) {
        return slot < sync.length ? sync[slot] : ABSENT;
    }

    /** Makes room for the viewer slots below {@code slots}, so that no send has to. */
    void reserve(int slots) {
        if (sync.length < slots) {
            sync = Arrays.copyOf(sync, slots);
        }
        if (filtered != null && filtered.length < slots) {
            filtered = Arrays.copyOf(filtered, slots);
        }
    }

    void sync(int slot, int value) {
        if (slot >= sync.length) {
            sync = Arrays.copyOf(sync, Math.max(slot + 1, sync.length * 2));
        }
        sync[slot] = value;
    }

    /** Makes every viewer that holds this entity get it whole again (RESYNC) at its next patch. */
    void staleForAll() {
        for (int i = 0; i < sync.length; i++) {
            if (sync[i] != ABSENT) {
                sync[i] = STALE;
            }
        }
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
