package io.ringside.engine.transport;

/**
 * A loop's spare rings of the smallest size for its connections' {@link OutboundQueue}s: a queue
 * takes one when something is queued and gives it back once everything is written, so that an
 * idle connection holds no ring and a busy one allocates none. At most {@link #KEPT} are kept.
 * Loop thread only.
 */
final class OutboundRings {
    /** Spare rings kept per loop; more are dropped when given back. */
    static final int KEPT = 256;

    private final Object[][] sources = new Object[KEPT][];
    private final int[][] ranges = new int[KEPT][];
    private int size;

    /** Whether a spare ring is there to take. */
    boolean isEmpty() {
        return size == 0;
    }

    /** The sources array of the ring on top; take its ranges with {@link #popRanges()} right after. */
    Object[] peekSources() {
        return sources[size - 1];
    }

    /** Takes the ring on top off, returning its ranges array. */
    int[] popRanges() {
        int top = --size;
        int[] taken = ranges[top];
        sources[top] = null;
        ranges[top] = null;
        return taken;
    }

    /** Keeps an empty ring (every source slot null) unless {@link #KEPT} are kept already. */
    void give(Object[] emptySources, int[] spareRanges) {
        if (size < KEPT) {
            sources[size] = emptySources;
            ranges[size++] = spareRanges;
        }
    }

    /** Spare rings kept now. */
    int size() {
        return size;
    }
}
