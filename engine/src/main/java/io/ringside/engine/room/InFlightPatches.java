package io.ringside.engine.room;

import io.ringside.engine.transport.SharedFrame;

/**
 * The state patches handed to one player's connection and not yet written to its socket, oldest
 * first, each with one reference held until it was written. A player is sent its next patch only
 * while fewer than {@link RoomOptions#statePatchesInFlight()} wait: on a reliable, ordered
 * connection a queued patch is a patch the client will apply before the next one, so a short
 * scheduling stall of the I/O loop costs nothing, while a client that stays behind is skipped and
 * later brought up to date in one patch. Tick thread of the room only.
 */
final class InFlightPatches {
    private final SharedFrame[] frames;
    private int head;
    private int count;

    InFlightPatches(int capacity) {
        this.frames = new SharedFrame[capacity];
    }

    /** Releases the patches already written (in order, from the oldest); true when another may go. */
    boolean ready() {
        while (count > 0 && frames[head].refCount() <= 1) {
            frames[head].release();
            frames[head] = null;
            head = (head + 1) % frames.length;
            count--;
        }
        return count < frames.length;
    }

    /** Keeps {@code frame} (one reference of it is ours); call only after {@link #ready} was true. */
    void add(SharedFrame frame) {
        frames[(head + count) % frames.length] = frame;
        count++;
    }

    /** Releases every patch held (a reconnect, a leave, a disposed room). */
    void releaseAll() {
        while (count > 0) {
            frames[head].release();
            frames[head] = null;
            head = (head + 1) % frames.length;
            count--;
        }
    }
}
