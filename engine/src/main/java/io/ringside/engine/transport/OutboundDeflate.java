package io.ringside.engine.transport;

import io.ringside.protocol.deflate.DeflateParameters;
import io.ringside.protocol.deflate.DeflatePolicy;
import io.ringside.protocol.websocket.FrameEncoder;
import io.ringside.protocol.websocket.MessageDeflater;
import io.ringside.protocol.websocket.Opcode;
import io.ringside.protocol.websocket.Role;
import java.nio.ByteBuffer;

/**
 * The send side of permessage-deflate (RFC 7692) for one connection: turns an encoded, unfragmented
 * text or binary frame into the same message compressed (RSV1 set), when it is at least the
 * policy's minimum size.
 *
 * <p>Without the server's context takeover a compressed message depends on nothing before it, so it
 * is made once and shared: a {@link SharedFrame} keeps its compressed twin for every recipient
 * ({@link SharedFrame#deflated}), compressed on the first sender's thread with that thread's own
 * deflater, and a message that does not shrink goes out as it is. With context takeover every
 * message is compressed for this connection alone, on its I/O loop, in the order it is queued (the
 * peer's inflater follows that order), into frames from the loop's pool; a latest-only message is
 * then never dropped for a newer one, since the peer's context already holds it.
 */
final class OutboundDeflate {
    static final int UNKNOWN = 0;
    static final int COMPRESSED = 1;
    static final int PLAIN = 2;
    private static final int FIN = 0x80;
    private static final int RSV1 = 0x40;
    private static final int LENGTH_7 = 0x7F;
    private static final int LENGTH_16 = 126;
    private static final int LEVELS = 10;
    private static final FrameEncoder SERVER_ENCODER = new FrameEncoder(Role.SERVER);
    /** Deflaters without context takeover, one per level per sending thread. */
    private static final ThreadLocal<MessageDeflater[]> SHARED_DEFLATERS =
            ThreadLocal.withInitial(() -> new MessageDeflater[LEVELS]);

    final boolean contextTakeover;
    private final int level;
    private final int minMessageBytes;
    private MessageDeflater own;

    OutboundDeflate(DeflatePolicy policy, DeflateParameters parameters) {
        this.contextTakeover = !parameters.serverNoContextTakeover();
        this.level = policy.level();
        this.minMessageBytes = policy.minMessageBytes();
    }

    /** What to queue for {@code frame} (the caller's reference stands for the result). Any thread; no takeover. */
    SharedFrame shared(SharedFrame frame) {
        return worthCompressing(frame.buffer) ? frame.deflated(this) : frame;
    }

    /** What to queue for {@code frame}: a new compressed frame, or {@code frame}. Any thread; no takeover. */
    ByteBuffer unshared(ByteBuffer frame) {
        if (!worthCompressing(frame)) {
            return frame;
        }
        ByteBuffer out = ByteBuffer.allocate(maxFrameBytes(frame));
        return compressInto(frame, out) ? out : frame;
    }

    /**
     * With context takeover: {@code frame} compressed with this connection's context into a frame of
     * {@code pool}, or {@code null} when it is sent as it is. Loop thread, in queueing order.
     */
    SharedFrame inOrder(ByteBuffer frame, FramePool pool) {
        if (!worthCompressing(frame)) {
            return null;
        }
        SharedFrame out = pool.acquire(maxFrameBytes(frame));
        if (own == null) {
            own = new MessageDeflater(level, true);
        }
        int length = compress(own, frame, out.buffer.array(), out.buffer.capacity());
        out.buffer.limit(length);
        return out;
    }

    /** Frees this connection's deflater now rather than when it is collected. Loop thread. */
    void end() {
        if (own != null) {
            own.end();
            own = null;
        }
    }

    /** Compresses frame {@code src} into {@code dst} (limit set to the frame's end); false if it would not shrink. */
    boolean compressInto(ByteBuffer src, ByteBuffer dst) {
        MessageDeflater[] deflaters = SHARED_DEFLATERS.get();
        MessageDeflater deflater = deflaters[level];
        if (deflater == null) {
            deflater = new MessageDeflater(level, false);
            deflaters[level] = deflater;
        }
        int length = compress(deflater, src, dst.array(), src.remaining() - 1);
        if (length < 0) {
            return false;
        }
        dst.clear().limit(length);
        return true;
    }

    /** Writes frame {@code src} compressed into {@code dst}; its length, or -1 if over {@code room}. */
    private static int compress(MessageDeflater deflater, ByteBuffer src, byte[] dst, int room) {
        int at = src.position();
        int header = headerLength(src.get(at + 1));
        int payload = src.remaining() - header;
        int headerRoom = FrameEncoder.headerLength(payload, false);
        int compressed = deflater.deflate(src, at + header, payload, dst, headerRoom, room - headerRoom);
        if (compressed < 0) {
            return -1;
        }
        int opcode = src.get(at) & 0x0F;
        ByteBuffer head = ByteBuffer.wrap(dst);
        // the header may be shorter than the room left for it: shift the payload down
        SERVER_ENCODER.writeHeader(head, true, opcode, compressed);
        int headerLength = head.position();
        if (headerLength < headerRoom) {
            System.arraycopy(dst, headerRoom, dst, headerLength, compressed);
        }
        dst[0] |= RSV1;
        return headerLength + compressed;
    }

    /** Room for any compressed form of frame {@code frame}: its payload's worst case plus the largest header. */
    static int maxFrameBytes(ByteBuffer frame) {
        int header = headerLength(frame.get(frame.position() + 1));
        return FrameEncoder.MAX_HEADER_BYTES + MessageDeflater.maxCompressedBytes(frame.remaining() - header);
    }

    private boolean worthCompressing(ByteBuffer frame) {
        int at = frame.position();
        if (frame.remaining() < 2) {
            return false;
        }
        int b0 = frame.get(at) & 0xFF;
        int opcode = b0 & 0x0F;
        // whole text and binary messages only: no fragments, control frames, or frames already compressed
        if ((b0 & 0xF0) != FIN || (opcode != Opcode.TEXT && opcode != Opcode.BINARY)) {
            return false;
        }
        return frame.remaining() - headerLength(frame.get(at + 1)) >= minMessageBytes;
    }

    private static int headerLength(byte b1) {
        int length7 = b1 & LENGTH_7;
        return length7 < LENGTH_16 ? 2 : length7 == LENGTH_16 ? 4 : 10;
    }
}
