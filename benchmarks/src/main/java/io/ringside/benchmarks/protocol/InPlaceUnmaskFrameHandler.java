package io.ringside.benchmarks.protocol;

import io.ringside.protocol.websocket.FrameHandler;
import io.ringside.protocol.websocket.Masking;
import java.nio.ByteBuffer;

/**
 * Unmasks each payload chunk in place with {@link Masking#unmask}, the floor's XOR loop, or the
 * floor's loop over bulk-copied chunks (for direct buffers): a diagnostic that separates the cost
 * of the unmask routine from that of the message layer.
 */
final class InPlaceUnmaskFrameHandler implements FrameHandler {
    private final String unmasker;
    private final byte[] scratch = new byte[2048];
    private int maskKey;
    long frames;

    /** {@code unmasker}: {@code masking}, {@code floorXor} (heap only) or {@code chunked}. */
    InPlaceUnmaskFrameHandler(String unmasker) {
        this.unmasker = unmasker;
    }

    @Override
    public void onFrameStart(boolean fin, int rsv, int opcode, long payloadLength, boolean masked, int key) {
        this.maskKey = key;
    }

    @Override
    public void onPayload(ByteBuffer buffer, int offset, int length, long payloadOffset) {
        // The floor's loops assume phase 0: whole frames arrive as one chunk here.
        switch (unmasker) {
            case "masking":
                Masking.unmask(buffer, offset, length, maskKey, (int) payloadOffset & 3);
                break;
            case "floorXor":
                XorFloor.unmaskInPlace(buffer.array(), buffer.arrayOffset() + offset, length, maskKey);
                break;
            default:
                XorFloor.unmaskChunked(buffer, offset, length, maskKey, scratch);
                break;
        }
    }

    @Override
    public void onFrameEnd() {
        frames++;
    }
}
