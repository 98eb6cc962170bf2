package io.ringside.engine.internal;

/**
 * Not an API: an array lent by an I/O loop's {@link MessageArrayPool} to hold one inbound message
 * that is larger than a ring slot, or one waiting for room in a full ring, until the tick thread is
 * done with it. Made once with its array and lent again and again.
 */
public final class LentArray {
    final byte[] bytes;
    final MessageArrayPool pool;
    final int sizeClass;
    /** The next array in the pool's free list or return stack; owned by whoever holds this one. */
    LentArray next;

    LentArray(MessageArrayPool pool, int sizeClass, int bytes) {
        this.pool = pool;
        this.sizeClass = sizeClass;
        this.bytes = new byte[bytes];
    }

    /** The array: at least as long as the message it was lent for; its length is what it costs. */
    public byte[] bytes() {
        return bytes;
    }
}
