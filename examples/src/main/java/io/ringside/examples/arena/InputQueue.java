package io.ringside.examples.arena;

/**
 * A player's inputs waiting for the simulation, oldest first: a fixed ring of primitives, so queuing
 * allocates nothing. Inputs whose seq is not newer than the last one queued are ignored (duplicates,
 * reordering); when full, the oldest is dropped (a client flooding inputs cannot grow memory or speed
 * itself up). Tick thread only.
 */
final class InputQueue {
    /** Inputs held at most; at 30 Hz, about a quarter second of backlog. */
    static final int CAPACITY = 8;

    private final int[] seqs = new int[CAPACITY];
    private final float[] moveXs = new float[CAPACITY];
    private final float[] moveYs = new float[CAPACITY];
    private final float[] aims = new float[CAPACITY];
    private final boolean[] fires = new boolean[CAPACITY];
    private int head;
    private int size;
    private int lastSeq;

    /** Queues one input; returns false when it was ignored as stale. */
    boolean offer(int seq, float moveX, float moveY, float aim, boolean fire) {
        if (Integer.compareUnsigned(seq, lastSeq) <= 0) {
            return false;
        }
        if (size == CAPACITY) {
            head = (head + 1) % CAPACITY;
            size--;
        }
        int slot = (head + size) % CAPACITY;
        seqs[slot] = seq;
        moveXs[slot] = clamp(moveX);
        moveYs[slot] = clamp(moveY);
        aims[slot] = Float.isFinite(aim) ? aim : 0;
        fires[slot] = fire;
        size++;
        lastSeq = seq;
        return true;
    }

    int size() {
        return size;
    }

    /** Drops every queued input (the player died: what they wanted while alive no longer applies). */
    void clear() {
        size = 0;
    }

    /** Empties the queue and forgets the last seq: the next input may start a new sequence at 1. */
    void reset() {
        size = 0;
        lastSeq = 0;
    }

    int seq() {
        return seqs[head];
    }

    float moveX() {
        return moveXs[head];
    }

    float moveY() {
        return moveYs[head];
    }

    float aim() {
        return aims[head];
    }

    boolean fire() {
        return fires[head];
    }

    /** Removes the oldest input, after reading it through the accessors above. */
    void pop() {
        head = (head + 1) % CAPACITY;
        size--;
    }

    private static float clamp(float value) {
        if (!Float.isFinite(value)) {
            return 0;
        }
        return Math.max(-1f, Math.min(1f, value));
    }
}
