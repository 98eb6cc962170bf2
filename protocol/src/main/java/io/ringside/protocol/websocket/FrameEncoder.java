package io.ringside.protocol.websocket;

import java.nio.ByteBuffer;

/**
 * Writes RFC 6455 frames (§5.2): unmasked for a server, masked with a fresh key per frame for a
 * client (§5.3).
 *
 * <p>STUB: the implementation lands with issue 2 (frame codec). The signatures are the contract.
 */
public final class FrameEncoder {
    /** The largest frame header: 2 + 8 length bytes + 4 mask bytes. */
    public static final int MAX_HEADER_BYTES = 14;

    /** An encoder for frames sent by {@code role}. */
    public FrameEncoder(Role role) {
    }

    /** The header length for a payload of {@code payloadLength} bytes, masked or not. */
    public static int headerLength(long payloadLength, boolean masked) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Writes a whole frame (header, then the payload's remaining bytes, masked for a client) at
     * {@code dst}'s position; {@code payload}'s position is left unchanged.
     *
     * @return bytes written
     */
    public int writeFrame(ByteBuffer dst, boolean fin, int opcode, ByteBuffer payload) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Writes a close frame with {@code code} and a UTF-8 {@code reason} (at most 123 bytes).
     *
     * @return bytes written
     */
    public int writeClose(ByteBuffer dst, int code, String reason) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Encodes an unmasked server frame once into a new read-only buffer that any number of
     * connections may write concurrently (each through its own {@code duplicate()}): broadcast
     * frames the payload once and shares the bytes.
     */
    public static ByteBuffer serverFrame(boolean fin, int opcode, ByteBuffer payload) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
