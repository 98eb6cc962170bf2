package io.ringside.engine.client;

import io.ringside.protocol.websocket.CloseCode;
import io.ringside.protocol.websocket.FrameEncoder;
import io.ringside.protocol.websocket.MessageDeflater;
import io.ringside.protocol.websocket.Opcode;
import io.ringside.protocol.websocket.Role;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Encodes whole, masked client frames (RFC 6455 §5.2, §5.3) into buffers of their own, so that any
 * thread can encode and the owning I/O thread only writes. Each thread uses its own encoder.
 */
final class ClientFrames {
    /** Longest close reason: a control payload is at most 125 bytes, 2 of them the code (§5.5). */
    static final int MAX_CLOSE_REASON_BYTES = 123;

    private static final ThreadLocal<FrameEncoder> ENCODER =
            ThreadLocal.withInitial(() -> new FrameEncoder(Role.CLIENT));
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private static final int RSV1 = 0x40;
    private static final int LEVEL = 6;
    /** Without context takeover (the client offers client_no_context_takeover), so any thread may compress. */
    private static final ThreadLocal<MessageDeflater> DEFLATER =
            ThreadLocal.withInitial(() -> new MessageDeflater(LEVEL, false));

    private ClientFrames() {
    }

    /** A final frame of {@code opcode} carrying {@code payload}'s remaining bytes; its position is kept. */
    static ByteBuffer frame(int opcode, ByteBuffer payload) {
        int length = payload.remaining();
        ByteBuffer frame = ByteBuffer.allocate(FrameEncoder.headerLength(length, true) + length);
        ENCODER.get().writeFrame(frame, true, opcode, payload);
        return frame.flip();
    }

    /**
     * A final frame of {@code opcode} carrying {@code payload}'s remaining bytes compressed for
     * permessage-deflate (RSV1 set, RFC 7692 §7.2.1), or as they are when that would not shrink them.
     */
    static ByteBuffer compressed(int opcode, ByteBuffer payload) {
        int length = payload.remaining();
        byte[] out = new byte[length];
        int n = DEFLATER.get().deflate(payload, payload.position(), length, out, 0, length);
        if (n < 0) {
            return frame(opcode, payload);
        }
        ByteBuffer frame = frame(opcode, ByteBuffer.wrap(out, 0, n));
        frame.put(0, (byte) (frame.get(0) | RSV1));
        return frame;
    }

    /** A close frame; {@link CloseCode#NO_STATUS_RECEIVED} gives an empty body, a long reason is cut. */
    static ByteBuffer close(int code, String reason) {
        if (code == CloseCode.NO_STATUS_RECEIVED) {
            return frame(Opcode.CLOSE, EMPTY.duplicate());
        }
        ByteBuffer frame = ByteBuffer.allocate(FrameEncoder.MAX_HEADER_BYTES + 2 + MAX_CLOSE_REASON_BYTES);
        ENCODER.get().writeClose(frame, code, truncate(reason));
        return frame.flip();
    }

    /** {@code reason} cut to at most 123 UTF-8 bytes without splitting a character. */
    static String truncate(String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_CLOSE_REASON_BYTES) {
            return reason;
        }
        int end = MAX_CLOSE_REASON_BYTES;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}
