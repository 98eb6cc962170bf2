package io.ringside.engine.transport;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * An encoded frame in a reusable heap buffer that any number of connections send without copying
 * it or allocating per recipient; reference counted, and returned to its {@link FramePool} when the
 * last reference is released.
 *
 * <p>Life of a frame: {@link FramePool#acquire} hands it out with one reference and a buffer whose
 * limit is the frame length; the owner writes exactly that many bytes (a complete WebSocket frame,
 * header included) with absolute or relative puts, then sends it: every
 * {@link Connection#sendFrame(SharedFrame)} or {@link Connection#sendLatest(SharedFrame)} takes one
 * reference over, whether the send succeeds or not, and the connection's I/O loop releases it once the
 * bytes are written or dropped. To send to {@code n} connections: {@link #retain(int) retain(n)},
 * send {@code n} times, then {@link #release()} the owner's own reference. The bytes must not change
 * after the first send.
 *
 * <p>Thread-safe; the counter is atomic, and the hand-over through the I/O loop's command ring
 * publishes the bytes to the loop.
 */
public final class SharedFrame {
    private static final AtomicIntegerFieldUpdater<SharedFrame> REFS =
            AtomicIntegerFieldUpdater.newUpdater(SharedFrame.class, "refs");

    final ByteBuffer buffer;
    private final FramePool pool;
    private volatile int refs;

    SharedFrame(int capacity, FramePool pool) {
        this.buffer = ByteBuffer.allocate(capacity);
        this.pool = pool;
    }

    /**
     * The frame's buffer: position 0, limit the frame length. Write it before the first send, and
     * never after; do not change its position or limit once sent.
     */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** The frame length in bytes. */
    public int length() {
        return buffer.limit();
    }

    /** Adds {@code count} references (one per connection about to be given the frame). Any thread. */
    public void retain(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count=" + count);
        }
        int before = REFS.getAndAdd(this, count);
        if (before <= 0) {
            REFS.getAndAdd(this, -count);
            throw new IllegalStateException("frame already released (refs=" + before + ")");
        }
    }

    /** Drops one reference; the last one returns the frame to its pool. Any thread. */
    public void release() {
        int after = REFS.decrementAndGet(this);
        if (after == 0) {
            if (pool != null) {
                pool.recycle(this);
            }
        } else if (after < 0) {
            // a double release: the frame may already be reused, so fail loudly rather than send garbage
            REFS.incrementAndGet(this);
            throw new IllegalStateException("frame released more often than retained");
        }
    }

    /** References held now (0 once released for good); for monitoring, tests and benchmarks. Any thread. */
    public int refCount() {
        return refs;
    }

    /** Counts, in its pool, a latest-only send of this frame replaced before it was written. Any thread. */
    void countReplaced() {
        if (pool != null) {
            pool.countReplaced();
        }
    }

    /** Makes a recycled frame ready for its next owner: one reference, limit {@code length}. */
    SharedFrame reset(int length) {
        buffer.clear().limit(length);
        refs = 1;
        return this;
    }

    int capacity() {
        return buffer.capacity();
    }
}
