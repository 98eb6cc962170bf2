package io.ringside.protocol.websocket;

import java.nio.ByteBuffer;

/**
 * A growable byte array holding a partial payload, unmasked as it is appended; allocated on first
 * use, grown by doubling up to a fixed maximum, and dropped after use unless it is small.
 *
 * <p>Memory follows the bytes actually received, not the lengths a peer announces, and an idle
 * connection keeps at most {@link #RETAINED_BYTES} bytes.
 */
final class PayloadBuffer {
    /** The largest array kept for reuse between messages. */
    static final int RETAINED_BYTES = 1024;

    private static final int MIN_CAPACITY = 64;
    private static final ByteBuffer EMPTY = ByteBuffer.wrap(new byte[0]);

    private final int maxBytes;
    private byte[] array;
    private ByteBuffer view;
    private int length;

    PayloadBuffer(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Bytes held. */
    int length() {
        return length;
    }

    /** Bytes of the array held (0 when none): what this buffer costs on the heap. */
    int capacity() {
        return array == null ? 0 : array.length;
    }

    /** The bytes as a heap buffer; valid until the next append, clear or release. */
    ByteBuffer buffer() {
        return view == null ? EMPTY : view;
    }

    /** Appends {@code count} bytes of {@code src} from {@code offset}, unmasked with the key at {@code phase}. */
    void append(ByteBuffer src, int offset, int count, int maskKey, int phase) {
        ensureCapacity(length + count);
        if (maskKey == 0) {
            src.get(offset, array, length, count);
        } else {
            Masking.unmaskCopy(src, offset, array, length, count, maskKey, phase);
        }
        length += count;
    }

    /** The largest number of bytes this buffer holds. */
    int maxBytes() {
        return maxBytes;
    }

    /** Bytes that fit after the held ones without growing. */
    int free() {
        return array == null ? 0 : array.length - length;
    }

    /** Grows the array (doubling, up to the maximum) and returns {@link #free()}: 0 once at the maximum. */
    int grow() {
        if (length < maxBytes) {
            ensureCapacity(Math.min(maxBytes, Math.max(length + 1, array == null ? 0 : array.length + 1)));
        }
        return free();
    }

    /** The backing array, for writing {@link #free()} bytes after the held ones; then {@link #added}. */
    byte[] array() {
        return array;
    }

    /** Grows the array, if needed, so that {@code bytes} more fit (fewer at the maximum); returns {@link #free()}. */
    int reserve(int bytes) {
        ensureCapacity((int) Math.min(maxBytes, (long) length + bytes));
        return free();
    }

    /**
     * Takes {@code lent} (a heap buffer over a whole array) as the array to fill when none is held; it
     * comes back through {@link #surrender()}.
     */
    void adopt(ByteBuffer lent) {
        if (array == null && length == 0 && lent != null && lent.capacity() <= maxBytes) {
            array = lent.array();
            view = lent.clear();
        }
    }

    /** Forgets the bytes and gives up the array with its view (to be lent again); {@code null} if none. */
    ByteBuffer surrender() {
        ByteBuffer held = view;
        release();
        return held;
    }

    /** Counts {@code count} bytes written into {@link #array()} after the held ones. */
    void added(int count) {
        length += count;
    }

    /** Forgets the bytes; keeps the array only if it is small. */
    void clear() {
        length = 0;
        if (array != null && array.length > RETAINED_BYTES) {
            release();
        }
    }

    /** Forgets the bytes and drops the array. */
    void release() {
        length = 0;
        array = null;
        view = null;
    }

    private void ensureCapacity(int needed) {
        if (needed > maxBytes) {
            throw new IllegalStateException("needed=" + needed + " over maxBytes=" + maxBytes);
        }
        int capacity = array == null ? 0 : array.length;
        if (needed <= capacity) {
            return;
        }
        int grown = Math.max(needed, (int) Math.min(maxBytes, Math.max(MIN_CAPACITY, 2L * capacity)));
        byte[] bigger = new byte[grown];
        if (length > 0) {
            System.arraycopy(array, 0, bigger, 0, length);
        }
        array = bigger;
        view = ByteBuffer.wrap(bigger);
    }
}
