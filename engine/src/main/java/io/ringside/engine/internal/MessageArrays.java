package io.ringside.engine.internal;

/**
 * Not an API: a connection whose I/O loop lends arrays for its inbound messages from a
 * {@link MessageArrayPool}, so that a message larger than a ring slot, or one waiting for ring room,
 * costs no allocation once the pool is warm. What a lent array holds counts toward the connection's
 * memory budget and its address' share until it is given back.
 */
public interface MessageArrays {
    /**
     * An array of at least {@code length} bytes for a message of this connection, or {@code null}
     * when none can be lent (off the connection's I/O thread, pooling off, or a message larger than
     * the pool keeps): then the caller allocates and charges the array itself. Called on the
     * connection's I/O thread.
     */
    LentArray borrowMessageArray(int length);

    /** Gives back an array {@link #borrowMessageArray} lent, once the message in it is done. Any thread. */
    void returnMessageArray(LentArray array);
}
