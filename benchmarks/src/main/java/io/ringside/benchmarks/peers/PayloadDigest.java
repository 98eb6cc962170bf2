package io.ringside.benchmarks.peers;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * What a decoder delivered: frame count, payload byte count and a CRC-32 over every unmasked payload
 * in order. Two decoders fed the same bytes must produce equal digests before either is timed.
 *
 * <p>Used only in {@code @Setup}; it allocates freely.
 */
public final class PayloadDigest {
    private final CRC32 crc = new CRC32();
    private long frames;
    private long bytes;

    /** Adds one frame's unmasked payload, {@code [offset, offset + length)} of {@code array}. */
    public void add(byte[] array, int offset, int length) {
        crc.update(array, offset, length);
        frames++;
        bytes += length;
    }

    /** Adds one frame's unmasked payload, {@code [offset, offset + length)} of {@code buffer} (absolute). */
    public void add(ByteBuffer buffer, int offset, int length) {
        ByteBuffer view = buffer.duplicate();
        view.limit(offset + length).position(offset);
        crc.update(view);
        frames++;
        bytes += length;
    }

    /** Throws {@link IllegalStateException} naming {@code who} unless this digest equals {@code expected}. */
    public void requireEqual(PayloadDigest expected, String who) {
        if (!toString().equals(expected.toString())) {
            throw new IllegalStateException(who + " decoded " + this + ", expected " + expected);
        }
    }

    @Override
    public String toString() {
        return "frames=" + frames + " bytes=" + bytes + " crc32=" + Long.toHexString(crc.getValue());
    }
}
