package io.ringside.engine.state;

import java.util.Arrays;

/**
 * The records one viewer needs at one send, in entity order, with where each one's body is in the
 * shared segments, and which of them fit its byte budget: LEAVE records always, the others nearest
 * first. Reused across viewers and sends.
 */
final class Selection {
    int[] kind = new int[64];
    int[] entity = new int[64];
    int[] size = new int[64];
    int[] bodyStart = new int[64];
    int[] bodyEnd = new int[64];
    /** The fields a field filter hid from the body (what the viewer's copy is built with). */
    int[] filtered = new int[64];
    float[] priority = new float[64];
    boolean[] chosen = new boolean[64];
    long[] order = new long[64];
    int count;
    private int total;

    void clear() {
        count = 0;
        total = 0;
    }

    /** Makes room for {@code records} records (one viewer needs at most one per entity), so that no send has to. */
    void reserve(int records) {
        if (kind.length < records) {
            int n = Math.max(records, kind.length * 2);
            kind = Arrays.copyOf(kind, n);
            entity = Arrays.copyOf(entity, n);
            size = Arrays.copyOf(size, n);
            bodyStart = Arrays.copyOf(bodyStart, n);
            bodyEnd = Arrays.copyOf(bodyEnd, n);
            filtered = Arrays.copyOf(filtered, n);
            priority = Arrays.copyOf(priority, n);
            chosen = Arrays.copyOf(chosen, n);
            order = Arrays.copyOf(order, n);
        }
    }

    /** Adds a record of {@code bytes} (header and body); the body is segments {@code [start, end)}. */
    void add(int recordKind, int entityIndex, int bytes, int start, int end, int hidden, float rank) {
        if (count == kind.length) {
            reserve(count + 1);
        }
        kind[count] = recordKind;
        entity[count] = entityIndex;
        size[count] = bytes;
        bodyStart[count] = start;
        bodyEnd[count] = end;
        filtered[count] = hidden;
        priority[count] = rank;
        chosen[count] = true;
        total += bytes;
        count++;
    }

    /** Marks what fits in {@code budget} bytes; returns how many records were held back. */
    int choose(int budget) {
        if (total <= budget) {
            return 0;
        }
        int used = 0;
        int ranked = 0;
        for (int j = 0; j < count; j++) {
            if (kind[j] == Replicator.LEAVE) {
                used += size[j];
            } else {
                chosen[j] = false;
                // non-negative floats order like their bits
                order[ranked++] = ((long) Float.floatToIntBits(priority[j]) << 32) | j;
            }
        }
        Sorting.sort(order, 0, ranked - 1);
        int deferred = 0;
        boolean any = false;
        for (int r = 0; r < ranked; r++) {
            int j = (int) order[r];
            if (!any || used + size[j] <= budget) {
                // the first one always goes, so that an entity bigger than the budget still gets through
                chosen[j] = true;
                used += size[j];
                any = true;
            } else {
                deferred++;
            }
        }
        return deferred;
    }
}
