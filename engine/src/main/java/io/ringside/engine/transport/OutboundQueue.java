package io.ringside.engine.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * A connection's queue of encoded frames waiting for the socket. An entry is a range of a source
 * that is never modified here (so many connections can queue the same bytes without a
 * {@code duplicate()} each): a buffer of the connection's own, or a {@link SharedFrame}, released
 * once the range is written or dropped. Writes copy several entries into the loop's direct staging buffer, at most
 * {@link #MAX_BYTES_PER_WRITE} bytes, and hand that to one write call: the copy the JDK would
 * otherwise make of heap buffers, done once. The ring is taken when a frame is queued, from the
 * loop's {@link OutboundRings} when given one, and grows by doubling; a ring of the smallest size
 * goes back there once everything is written, so an idle connection holds none. Owning loop thread
 * only.
 */
final class OutboundQueue {
    /** Bytes offered to one write call: enough to fill a socket buffer, small enough to copy cheaply. */
    static final int MAX_BYTES_PER_WRITE = 256 * 1024;
    static final int INITIAL_CAPACITY = 4;

    /** Where a drained ring of {@link #INITIAL_CAPACITY} goes, and comes from; null: none. */
    private final OutboundRings rings;

    /** A {@link ByteBuffer} or a {@link SharedFrame} per entry. */
    private Object[] sources;
    /** Per entry, at {@code 2 * slot} the next byte to write and at {@code 2 * slot + 1} the end. */
    private int[] ranges;
    private int head;
    private int size;
    private boolean headStarted;
    private long added;
    private long latest = -1;
    private long bytes;
    private long superseded;

    /** A queue that allocates its ring when needed and keeps it. */
    OutboundQueue() {
        this(null);
    }

    /** A queue that takes its ring from {@code rings} and gives a small one back when drained. */
    OutboundQueue(OutboundRings rings) {
        this.rings = rings;
    }

    /** Appends {@code frame}'s remaining bytes; the buffer's position and limit are not changed. */
    void add(ByteBuffer frame) {
        add(frame, frame.position(), frame.limit());
    }

    /** Appends a shared frame, taking over one of its references. */
    void add(SharedFrame frame) {
        add(frame, 0, frame.length());
    }

    private void add(Object source, int position, int limit) {
        if (sources == null) {
            takeRing();
        } else if (size == sources.length) {
            grow();
        }
        set((head + size) & (sources.length - 1), source, position, limit);
        size++;
        added++;
        bytes += limit - position;
    }

    /**
     * Appends a latest-only frame (a state snapshot). An earlier latest-only frame that is still
     * queued and not started is dropped: replaced in place when it is the last entry, else emptied
     * (skipped when reached) so that this one goes after everything queued before it.
     */
    void addLatest(ByteBuffer frame) {
        addLatest(frame, frame.position(), frame.limit());
    }

    /** {@link #addLatest(ByteBuffer)} for a shared frame, taking over one of its references. */
    void addLatest(SharedFrame frame) {
        addLatest(frame, 0, frame.length());
    }

    private void addLatest(Object source, int position, int limit) {
        long first = added - size;
        if (latest >= first && !(latest == first && headStarted)) {
            superseded++;
            int slot = (head + (int) (latest - first)) & (sources.length - 1);
            if (sources[slot] instanceof SharedFrame replaced) {
                replaced.countReplaced();
            }
            bytes -= remaining(slot);
            release(slot);
            if (latest == added - 1) {
                set(slot, source, position, limit);
                bytes += limit - position;
                return;
            }
            ranges[2 * slot] = ranges[2 * slot + 1];
        }
        add(source, position, limit);
        latest = added - 1;
    }

    private void set(int slot, Object source, int position, int limit) {
        sources[slot] = source;
        ranges[2 * slot] = position;
        ranges[2 * slot + 1] = limit;
    }

    private int remaining(int slot) {
        return ranges[2 * slot + 1] - ranges[2 * slot];
    }

    /** Latest-only frames dropped because a newer one replaced them before they were written. */
    long superseded() {
        return superseded;
    }

    /** Frames queued (including emptied latest-only entries not yet reached). */
    int size() {
        return size;
    }

    /** Bytes queued and not yet written. */
    long bytes() {
        return bytes;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /**
     * Drops every queued frame except a partly written head one, so the stream stays well framed
     * for whatever is queued next (a close frame).
     */
    void discardUnstarted() {
        int keep = size > 0 && headStarted ? 1 : 0;
        for (int i = keep; i < size; i++) {
            int slot = (head + i) & (sources.length - 1);
            bytes -= remaining(slot);
            release(slot);
        }
        added -= size - keep;
        size = keep;
        latest = -1;
    }

    /** Drops everything, releases shared frames and the ring. */
    void clear() {
        for (int i = 0; i < size; i++) {
            release((head + i) & (sources.length - 1));
        }
        size = 0;
        giveRing();
        sources = null;
        ranges = null;
        latest = -1;
        bytes = 0;
    }

    /** Whether this queue holds a ring now. */
    boolean holdsRing() {
        return sources != null;
    }

    private void takeRing() {
        if (rings != null && !rings.isEmpty()) {
            sources = rings.peekSources();
            ranges = rings.popRanges();
        } else {
            allocate(INITIAL_CAPACITY);
        }
        head = 0;
    }

    /** The queue is empty: a ring of the smallest size goes back to the loop's spares. */
    private void giveRing() {
        head = 0;
        headStarted = false;
        if (rings != null && sources != null && sources.length == INITIAL_CAPACITY) {
            rings.give(sources, ranges);
            sources = null;
            ranges = null;
        }
    }

    /**
     * Writes as much as the socket takes, copying queued bytes through {@code staging} (a direct
     * buffer of the loop's; its contents do not outlive the call).
     *
     * @return {@code true} when the queue is empty afterwards
     */
    boolean writeTo(WritableByteChannel channel, ByteBuffer staging) throws IOException {
        while (size > 0) {
            staging.clear();
            for (int i = 0; i < size && staging.hasRemaining(); i++) {
                int slot = (head + i) & (sources.length - 1);
                int length = Math.min(remaining(slot), staging.remaining());
                if (length > 0) {
                    Object source = sources[slot];
                    ByteBuffer src = source instanceof SharedFrame shared ? shared.buffer : (ByteBuffer) source;
                    staging.put(staging.position(), src, ranges[2 * slot], length);
                    staging.position(staging.position() + length);
                }
            }
            staging.flip();
            int wanted = staging.remaining();
            int written = wanted == 0 ? 0 : channel.write(staging);
            bytes -= written;
            consume(written);
            if (written < wanted) {
                return false;
            }
        }
        return true;
    }

    /** Advances past {@code written} bytes and pops every entry written in full (or emptied). */
    private void consume(int written) {
        int left = written;
        while (size > 0) {
            int slot = head;
            int take = Math.min(left, remaining(slot));
            ranges[2 * slot] += take;
            left -= take;
            if (remaining(slot) > 0) {
                headStarted |= take > 0;
                return;
            }
            release(slot);
            head = (head + 1) & (sources.length - 1);
            size--;
            headStarted = false;
        }
        if (size == 0) {
            giveRing();
        }
    }

    private void release(int slot) {
        Object source = sources[slot];
        sources[slot] = null;
        if (source instanceof SharedFrame shared) {
            shared.release();
        }
    }

    private void allocate(int capacity) {
        sources = new Object[capacity];
        ranges = new int[2 * capacity];
    }

    private void grow() {
        Object[] oldSources = sources;
        int[] oldRanges = ranges;
        int mask = oldSources.length - 1;
        allocate(oldSources.length * 2);
        for (int i = 0; i < size; i++) {
            int from = (head + i) & mask;
            set(i, oldSources[from], oldRanges[2 * from], oldRanges[2 * from + 1]);
        }
        head = 0;
    }
}
