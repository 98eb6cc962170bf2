package io.ringside.protocol.websocket;

import java.nio.ByteBuffer;
import java.util.zip.Deflater;

/**
 * Compresses one message payload at a time for permessage-deflate (RFC 7692 §7.2.1): raw deflate
 * (RFC 1951) ended with a sync flush whose trailing {@code 00 00 FF FF} is stripped.
 *
 * <p>With context takeover the LZ77 window carries over to the next message (the receiver must keep
 * its context too, and every compressed message must reach it, in order); without, the deflater is
 * reset after each message, so any message can be compressed once and sent to anyone. The window
 * is always 32 KiB ({@code java.util.zip} cannot make a raw deflater with a smaller one), and the
 * deflater holds about 262 KiB of native memory while it lives.
 *
 * <p>One per thread or connection: not thread-safe. No allocation per message.
 */
public final class MessageDeflater {
    private static final int TAIL_BYTES = 4;
    private static final int SLACK_BYTES = 64;

    private final Deflater deflater;
    private final boolean contextTakeover;

    /**
     * @param level           compression level 0-9 (1 fastest, 9 smallest)
     * @param contextTakeover whether the window carries over to the next message
     */
    public MessageDeflater(int level, boolean contextTakeover) {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("level=" + level + " (0-9)");
        }
        this.deflater = new Deflater(level, true);
        this.contextTakeover = contextTakeover;
    }

    /** Room that always suffices for a compressed payload of {@code length} bytes, sync flush included. */
    public static int maxCompressedBytes(int length) {
        return length + (length >>> 10) + SLACK_BYTES;
    }

    /** Whether the window carries over from message to message. */
    public boolean contextTakeover() {
        return contextTakeover;
    }

    /**
     * Compresses bytes {@code [offset, offset + length)} of {@code src} into {@code dst} from
     * {@code dstOffset}, writing at most {@code dstLength} bytes; positions and limits are not changed.
     *
     * @return the compressed length, tail stripped; or -1 when it did not fit in {@code dstLength}
     *         bytes (only allowed without context takeover, where the caller then sends the message
     *         uncompressed; give {@link #maxCompressedBytes} with context takeover)
     * @throws IllegalStateException when a context-taking-over deflater ran out of room: its
     *                               context no longer matches the peer's and the connection must end
     */
    public int deflate(ByteBuffer src, int offset, int length, byte[] dst, int dstOffset, int dstLength) {
        if (src.hasArray()) {
            deflater.setInput(src.array(), src.arrayOffset() + offset, length);
        } else {
            deflater.setInput(src.duplicate().limit(offset + length).position(offset));
        }
        int written = deflater.deflate(dst, dstOffset, dstLength, Deflater.SYNC_FLUSH);
        if (written == dstLength) {
            // zlib has flushed everything only when it returns with output room to spare
            deflater.reset();
            if (contextTakeover) {
                throw new IllegalStateException("dstLength=" + dstLength + " too small for a compressed "
                        + length + "-byte message (context lost)");
            }
            return -1;
        }
        if (!contextTakeover) {
            deflater.reset();
        }
        return stripTail(dst, dstOffset, written);
    }

    /** Frees the native memory now rather than when collected; the deflater is unusable afterwards. */
    public void end() {
        deflater.end();
    }

    private static int stripTail(byte[] dst, int offset, int written) {
        int end = offset + written;
        if (written < TAIL_BYTES || dst[end - 4] != 0 || dst[end - 3] != 0 || dst[end - 2] != (byte) 0xFF
                || dst[end - 1] != (byte) 0xFF) {
            throw new IllegalStateException("sync flush did not end with 00 00 FF FF");
        }
        return written - TAIL_BYTES;
    }
}
