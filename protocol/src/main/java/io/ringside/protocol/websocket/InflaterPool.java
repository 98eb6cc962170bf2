package io.ringside.protocol.websocket;

import java.nio.ByteBuffer;
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
 * compressed message is in flight (at most {@code maxIdle} of up to 256 KiB are kept); each is lent
 * with its heap {@link ByteBuffer} view, so a message costs no allocation at all once warm. Decoders
 * made with this pool borrow the same arrays for uncompressed messages they assemble (split across
 * reads or fragmented).
 */
public final class InflaterPool {
    /** The largest output array kept for lending: bigger ones are left to the collector. */
    static final int MAX_LENT_BUFFER_BYTES = 256 * 1024;
    /** The largest compressed frame (with its tail) copied to inflate in one call; bigger ones take two. */
    static final int MAX_SCRATCH_BYTES = 64 * 1024;

    private final ArrayDeque<Inflater> idle = new ArrayDeque<>();
    private final ArrayDeque<ByteBuffer> buffers = new ArrayDeque<>();
    private final int maxIdle;
    private byte[] scratch = new byte[0];
    private long created;
    private long idleBufferBytes;

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

    /**
     * A heap buffer (a view of its whole array) to inflate one message into, lent until the message is
     * delivered; {@code null} if none is idle.
     */
    ByteBuffer acquireBuffer() {
        ByteBuffer buffer = buffers.poll();
        if (buffer != null) {
            idleBufferBytes -= buffer.capacity();
        }
        return buffer;
    }

    /** Bytes of the arrays kept idle for lending now (what the pool holds beyond its inflaters). */
    public long idleBufferBytes() {
        return idleBufferBytes;
    }

    /**
     * The thread's scratch array for a message's last compressed bytes and its tail, at least
     * {@code bytes} long; {@code null} over {@link #MAX_SCRATCH_BYTES}. Valid until the next call.
     */
    byte[] scratch(int bytes) {
        if (bytes > MAX_SCRATCH_BYTES) {
            return null;
        }
        if (scratch.length < bytes) {
            scratch = new byte[Math.min(MAX_SCRATCH_BYTES, Math.max(bytes, 2 * scratch.length))];
        }
        return scratch;
    }

    void releaseBuffer(ByteBuffer buffer) {
        if (buffer != null && buffer.capacity() <= MAX_LENT_BUFFER_BYTES && buffers.size() < maxIdle) {
            buffers.push(buffer);
            idleBufferBytes += buffer.capacity();
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
