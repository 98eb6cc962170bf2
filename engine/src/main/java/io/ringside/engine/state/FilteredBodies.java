package io.ringside.engine.state;

import io.ringside.protocol.state.EntityRecords;
import io.ringside.protocol.state.StateBuffer;
import java.util.Arrays;

/**
 * The record bodies of one entity at one send for viewers a {@link FieldFilter} hides extra
 * fields from, one per distinct hidden mask (so viewers with the same filter result share the
 * bytes): CHANGE bodies assembled from the per-field values the commit wrote, FULL bodies from the
 * replicated state. Offsets are into the replicator's segment buffer and come back packed as
 * {@code start << 32 | end}. Grows to the most distinct masks one entity has had in a send, and
 * stays. Tick thread only.
 */
final class FilteredBodies {
    private static final int NONE = -1;

    private int send;
    private int count;
    private int[] hidden = new int[4];
    private int[] changeStart = new int[4];
    private int[] changeEnd = new int[4];
    private int[] fullStart = new int[4];
    private int[] fullEnd = new int[4];

    /** Packs body offsets. */
    static long span(int start, int end) {
        return (long) start << 32 | end;
    }

    static int start(long span) {
        return (int) (span >>> 32);
    }

    static int end(long span) {
        return (int) span;
    }

    /**
     * The CHANGE body of {@code r} at send {@code now} without the fields in {@code hiddenMask}
     * (empty when no visible field changed), written to {@code segments} at its first use.
     */
    long change(Replica r, int now, int hiddenMask, StateBuffer segments) {
        int fields = r.changedFields & ~hiddenMask;
        if (fields == 0) {
            return span(0, 0);
        }
        int v = find(now, hiddenMask);
        if (changeStart[v] == NONE) {
            changeStart[v] = segments.position();
            segments.writeVarint32(fields);
            for (int rest = fields; rest != 0; rest &= rest - 1) {
                int f = Integer.numberOfTrailingZeros(rest);
                // the segments' array may be replaced as it grows; the old one still holds these bytes
                segments.write(segments.array(), r.fieldStart[f], r.fieldEnd[f] - r.fieldStart[f]);
            }
            changeEnd[v] = segments.position();
        }
        return span(changeStart[v], changeEnd[v]);
    }

    /** The FULL body of {@code r} at send {@code now} without the fields in {@code hiddenMask}. */
    long full(Replica r, int now, int hiddenMask, StateBuffer segments) {
        int v = find(now, hiddenMask);
        if (fullStart[v] == NONE) {
            fullStart[v] = segments.position();
            EntityRecords.writeFull(r.entity, segments, hiddenMask);
            fullEnd[v] = segments.position();
        }
        return span(fullStart[v], fullEnd[v]);
    }

    private int find(int now, int hiddenMask) {
        if (send != now) {
            send = now;
            count = 0;
        }
        for (int v = 0; v < count; v++) {
            if (hidden[v] == hiddenMask) {
                return v;
            }
        }
        if (count == hidden.length) {
            int n = count * 2;
            hidden = Arrays.copyOf(hidden, n);
            changeStart = Arrays.copyOf(changeStart, n);
            changeEnd = Arrays.copyOf(changeEnd, n);
            fullStart = Arrays.copyOf(fullStart, n);
            fullEnd = Arrays.copyOf(fullEnd, n);
        }
        hidden[count] = hiddenMask;
        changeStart[count] = NONE;
        fullStart[count] = NONE;
        return count++;
    }
}
