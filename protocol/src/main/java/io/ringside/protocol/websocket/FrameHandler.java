package io.ringside.protocol.websocket;

import java.nio.ByteBuffer;

/**
 * Receives frames from a {@link FrameDecoder} as they arrive: the header, then the payload in one or
 * more chunks, then the end.
 *
 * <p>When a whole frame is in the decoded buffer, its payload comes as a single chunk that is a
 * view of that buffer: no copy. Payload chunks are delivered as on the wire, still masked if the
 * frame is masked; {@link Masking} unmasks them in place or while copying.
 */
public interface FrameHandler {
    /**
     * A frame header was decoded and passed the frame-level checks (§5.2).
     *
     * @param fin           whether this is the final fragment of its message
     * @param rsv           the three RSV bits, as {@code 0b0RRR} (RSV1 = 4)
     * @param opcode        an {@link Opcode} value
     * @param payloadLength payload bytes that follow
     * @param masked        whether the payload is masked
     * @param maskKey       the masking key as a big-endian int (first key byte in the high byte); 0 if unmasked
     */
    void onFrameStart(boolean fin, int rsv, int opcode, long payloadLength, boolean masked, int maskKey);

    /**
     * Payload bytes {@code [offset, offset + length)} of {@code buffer}, as on the wire.
     *
     * @param payloadOffset how many payload bytes of this frame came before this chunk; the mask
     *                      phase of the first byte is {@code payloadOffset & 3}
     */
    void onPayload(ByteBuffer buffer, int offset, int length, long payloadOffset);

    /** The frame's payload is complete (also called, right after the start, for an empty payload). */
    void onFrameEnd();
}
