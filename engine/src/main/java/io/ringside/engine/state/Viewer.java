package io.ringside.engine.state;

import java.util.Arrays;

/**
 * One client's view in a {@link Replicator}: its slot, where it looks from, and what it has been
 * sent beyond entities (input ack, entity type names), its team, and with a spatial view the
 * entities it holds and owns. Tick thread only.
 */
final class Viewer<V> {
    final V key;
    final int slot;
    float centerX;
    float centerY;
    boolean hasCenter;
    boolean reset = true;
    int typesSent;
    int inputAck;
    int inputAckSent;
    /** The viewer's team (0: none). */
    int team;
    /**
     * With a spatial view: the entities this viewer holds (ABSENT nowhere here), and a spare list,
     * both as long as the replicator's held capacity (see {@link #capacity}).
     */
    Replica[] held;
    int heldCount;
    Replica[] spare;
    /** With a spatial view: the placed entities this viewer owns (rebuilt at every send). */
    Replica[] owned = new Replica[4];
    int ownedCount;

    void addOwned(Replica r) {
        if (ownedCount == owned.length) {
            owned = Arrays.copyOf(owned, ownedCount * 2);
        }
        owned[ownedCount++] = r;
    }

    /** Grows the held and spare lists (keeping what they hold) to {@code entries} if they are shorter. */
    void capacity(int entries) {
        if (held.length < entries) {
            held = Arrays.copyOf(held, entries);
            spare = Arrays.copyOf(spare, entries);
        }
    }

    /** Puts {@code r} at {@code index} of the spare list (within capacity); {@link #swapHeld} makes it held. */
    void addSpare(Replica r, int index) {
        spare[index] = r;
    }

    void swapHeld(int count) {
        Replica[] old = held;
        held = spare;
        spare = old;
        Arrays.fill(spare, 0, heldCount, null);
        heldCount = count;
    }

    void clearHeld() {
        Arrays.fill(held, 0, heldCount, null);
        heldCount = 0;
    }

    Viewer(V key, int slot, int heldCapacity) {
        this.key = key;
        this.slot = slot;
        this.held = new Replica[heldCapacity];
        this.spare = new Replica[heldCapacity];
    }
}
