package io.ringside.benchmarks.protocol;

import io.ringside.protocol.websocket.FrameHandler;
import io.ringside.protocol.websocket.Masking;
import java.nio.ByteBuffer;

/**
 * Unmasks each payload chunk in place, with either {@link Masking#unmask} or the floor's XOR loop:
 * a diagnostic that separates the cost of the unmask routine from that of the message layer.
 */
final class InPlaceUnmaskFrameHandler implements FrameHandler {
    private final boolean useMasking;
    private int maskKey;
    long frames;

    InPlaceUnmaskFrameHandler(boolean useMasking) {
        this.useMasking = useMasking;
    }

    @Override
    public void onFrameStart(boolean fin, int rsv, int opcode, long payloadLength, boolean masked, int key) {
        this.maskKey = key;
    }

    @Override
    public void onPayload(ByteBuffer buffer, int offset, int length, long payloadOffset) {
        if (useMasking) {
            Masking.unmask(buffer, offset, length, maskKey, (int) payloadOffset & 3);
        } else {
            // The floor's loop assumes phase 0: whole frames arrive as one chunk here.
            XorFloor.unmaskInPlace(buffer.array(), buffer.arrayOffset() + offset, length, maskKey);
        }
    }

    @Override
    public void onFrameEnd() {
        frames++;
    }
}
