package io.ringside.engine.room;

/**
 * One player's inputs waiting for the room, oldest first, in a fixed ring: at most {@code capacity}.
 * A new input when the ring is full pushes the oldest out (a client whose inputs arrive faster than
 * ticks cannot grow memory or run ahead; the newest input is what the player wants now). Keeps the
 * last seq queued (what the next one must follow) and the last input taken (the ack, and
 * {@link MissingInput#REPEAT_LAST}'s input). Tick thread of the room only.
 */
final class InputQueue {
    private final int[] seqs;
    private final Object[] inputs;
    private int head;
    private int size;
    private int lastQueued;
    private int lastTaken;
    private Object lastInput;
    private long dropped;

    InputQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity=" + capacity + " (minimum 1)");
        }
        this.seqs = new int[capacity];
        this.inputs = new Object[capacity];
    }

    /**
     * Queues {@code input} numbered {@code seq}, which the caller checked follows {@link #lastQueued()};
     * returns whether the oldest input was dropped to make room.
     */
    boolean offer(int seq, Object input) {
        boolean full = size == seqs.length;
        if (full) {
            inputs[head] = null;
            head = next(head);
            size--;
            dropped++;
        }
        int slot = (head + size) % seqs.length;
        seqs[slot] = seq;
        inputs[slot] = input;
        size++;
        lastQueued = seq;
        return full;
    }

    /** Takes the oldest input: afterwards {@link #lastTaken()} and {@link #lastInput()} name it. False when empty. */
    boolean take() {
        if (size == 0) {
            return false;
        }
        lastTaken = seqs[head];
        lastInput = inputs[head];
        inputs[head] = null;
        head = next(head);
        size--;
        return true;
    }

    /** Forgets everything: the next input starts a new sequence at 1 (a new connection to the seat). */
    void reset() {
        while (size > 0) {
            inputs[head] = null;
            head = next(head);
            size--;
        }
        lastQueued = 0;
        lastTaken = 0;
        lastInput = null;
    }

    int size() {
        return size;
    }

    int capacity() {
        return seqs.length;
    }

    /** The seq of the newest input queued (0: none since the sequence started). */
    int lastQueued() {
        return lastQueued;
    }

    /** The seq of the last input taken (0: none). */
    int lastTaken() {
        return lastTaken;
    }

    /** The last input taken, or {@code null}. */
    Object lastInput() {
        return lastInput;
    }

    /** Inputs pushed out by newer ones. */
    long dropped() {
        return dropped;
    }

    private int next(int index) {
        return index + 1 == seqs.length ? 0 : index + 1;
    }
}
