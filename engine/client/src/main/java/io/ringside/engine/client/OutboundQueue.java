package io.ringside.engine.client;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Encoded frames waiting for a connection's I/O thread, bounded in bytes. Any thread offers; only the
 * I/O thread polls. A close frame seals the queue: nothing is accepted after it (RFC 6455 §5.5.1).
 *
 * <p>An offer reports whether it must schedule a flush: only the first offer after the I/O thread
 * found the queue empty does, so a burst of sends costs one hand-off and at most one wakeup.
 */
final class OutboundQueue {
    static final int REJECTED = 0;
    static final int QUEUED = 1;
    static final int QUEUED_SCHEDULE = 2;

    private final long maxBytes;
    private final ArrayDeque<ByteBuffer> frames = new ArrayDeque<>(4);
    private long queuedBytes;
    private boolean sealed;
    private boolean scheduled;

    OutboundQueue(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Offers a data frame; refused when sealed or when it would take a non-empty backlog past the bound. */
    synchronized int offerData(ByteBuffer frame) {
        int length = frame.remaining();
        if (sealed || (queuedBytes > 0 && queuedBytes + length > maxBytes)) {
            return REJECTED;
        }
        return add(frame);
    }

    /** Offers a control frame (pong) past the bound; refused only when sealed. */
    synchronized int offerControl(ByteBuffer frame) {
        return sealed ? REJECTED : add(frame);
    }

    /** Offers the close frame and seals the queue; refused when already sealed. */
    synchronized int offerClose(ByteBuffer frame) {
        if (sealed) {
            return REJECTED;
        }
        sealed = true;
        return add(frame);
    }

    /** The next frame, or {@code null} when empty (then the next offer schedules a flush). I/O thread only. */
    synchronized ByteBuffer poll() {
        ByteBuffer frame = frames.poll();
        if (frame == null) {
            scheduled = false;
        } else {
            queuedBytes -= frame.remaining();
        }
        return frame;
    }

    /** Whether a close frame has been offered. */
    synchronized boolean isSealed() {
        return sealed;
    }

    /** Bytes waiting in the queue. */
    synchronized long queuedBytes() {
        return queuedBytes;
    }

    private int add(ByteBuffer frame) {
        frames.add(frame);
        queuedBytes += frame.remaining();
        if (scheduled) {
            return QUEUED;
        }
        scheduled = true;
        return QUEUED_SCHEDULE;
    }
}
