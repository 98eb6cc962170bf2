package io.ringside.engine.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;

/**
 * A connection's queue of encoded frames waiting for the socket, written with gathering writes
 * of up to {@code gather.length} buffers and {@link #MAX_BYTES_PER_WRITE} bytes per call. A ring
 * of buffer references, allocated on first use (an idle connection holds none) and grown by
 * doubling. Owning loop thread only.
 */
final class OutboundQueue {
    /** Bytes offered to one write call: enough to fill a socket buffer, small enough to copy cheaply. */
    static final int MAX_BYTES_PER_WRITE = 256 * 1024;
    private static final int INITIAL_CAPACITY = 4;

    private ByteBuffer[] ring;
    private int head;
    private int size;
    private long bytes;

    /** Appends {@code frame} (its remaining bytes); the queue takes ownership of its position. */
    void add(ByteBuffer frame) {
        if (ring == null) {
            ring = new ByteBuffer[INITIAL_CAPACITY];
        } else if (size == ring.length) {
            grow();
        }
        ring[(head + size) & (ring.length - 1)] = frame;
        size++;
        bytes += frame.remaining();
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
        int keep = size > 0 && ring[head].position() > 0 ? 1 : 0;
        for (int i = keep; i < size; i++) {
            int slot = (head + i) & (ring.length - 1);
            bytes -= ring[slot].remaining();
            ring[slot] = null;
        }
        size = keep;
    }

    /** Drops everything and releases the ring. */
    void clear() {
        ring = null;
        head = 0;
        size = 0;
        bytes = 0;
    }

    /**
     * Writes as much as the socket takes, several frames per system call.
     *
     * @return {@code true} when the queue is empty afterwards
     */
    boolean writeTo(GatheringByteChannel channel, ByteBuffer[] gather) throws IOException {
        while (size > 0) {
            int count = 0;
            long wanted = 0;
            ByteBuffer clipped = null;
            while (count < size && count < gather.length && wanted < MAX_BYTES_PER_WRITE) {
                ByteBuffer buffer = ring[(head + count) & (ring.length - 1)];
                long room = MAX_BYTES_PER_WRITE - wanted;
                if (buffer.remaining() > room) {
                    // the JDK copies a heap buffer's whole remainder into a temporary direct buffer per
                    // write: hand it a bounded view so a 16 MiB frame is not copied again and again
                    clipped = buffer;
                    buffer = buffer.duplicate().limit(buffer.position() + (int) room);
                }
                gather[count++] = buffer;
                wanted += buffer.remaining();
            }
            long written = count == 1 ? channel.write(gather[0]) : channel.write(gather, 0, count);
            if (clipped != null) {
                clipped.position(gather[count - 1].position());
            }
            for (int i = 0; i < count; i++) {
                gather[i] = null;
            }
            bytes -= written;
            popWritten();
            if (written < wanted) {
                return false;
            }
        }
        return true;
    }

    private void popWritten() {
        while (size > 0 && !ring[head].hasRemaining()) {
            ring[head] = null;
            head = (head + 1) & (ring.length - 1);
            size--;
        }
    }

    private void grow() {
        ByteBuffer[] bigger = new ByteBuffer[ring.length * 2];
        for (int i = 0; i < size; i++) {
            bigger[i] = ring[(head + i) & (ring.length - 1)];
        }
        ring = bigger;
        head = 0;
    }
}
