package io.ringside.protocol.websocket;

import java.util.ArrayDeque;
import java.util.zip.Inflater;

/**
 * Raw-deflate {@link Inflater}s (RFC 1951, no zlib wrapper) lent to decoders for one compressed
 * message at a time, so that connections whose peer resets its context after every message
 * (RFC 7692 {@code *_no_context_takeover}) hold no inflater, and its native memory (about 40 KiB:
 * a 32 KiB window and zlib's state), between messages.
 *
 * <p>One per thread that decodes (an I/O loop): not thread-safe. An inflater comes back reset; at
 * most {@code maxIdle} are kept, the rest are ended (their native memory freed at once). The arrays
 * messages are inflated into are lent the same way, so that a connection holds one only while a
 * compressed message is in flight (at most {@code maxIdle} of up to 256 KiB are kept).
 */
public final class InflaterPool {
    /** The largest output array kept for lending: bigger ones are left to the collector. */
    static final int MAX_LENT_BUFFER_BYTES = 256 * 1024;

    private final ArrayDeque<Inflater> idle = new ArrayDeque<>();
    private final ArrayDeque<byte[]> buffers = new ArrayDeque<>();
    private final int maxIdle;
    private long created;

    /** A pool that keeps at most {@code maxIdle} idle inflaters. */
    public InflaterPool(int maxIdle) {
        if (maxIdle < 0) {
            throw new IllegalArgumentException("maxIdle=" + maxIdle);
        }
        this.maxIdle = maxIdle;
    }

    /** Inflaters kept idle now. */
    public int idle() {
        return idle.size();
    }

    /** Inflaters created because none was idle: flat once warm. */
    public long created() {
        return created;
    }

    Inflater acquire() {
        Inflater inflater = idle.poll();
        if (inflater == null) {
            created++;
            inflater = new Inflater(true);
        }
        return inflater;
    }

    /** An array to inflate one message into, lent until the message is delivered; {@code null} if none is idle. */
    byte[] acquireBuffer() {
        return buffers.poll();
    }

    void releaseBuffer(byte[] buffer) {
        if (buffer != null && buffer.length <= MAX_LENT_BUFFER_BYTES && buffers.size() < maxIdle) {
            buffers.push(buffer);
        }
    }

    void release(Inflater inflater) {
        if (idle.size() < maxIdle) {
            inflater.reset();
            idle.push(inflater);
        } else {
            inflater.end();
        }
    }
}
