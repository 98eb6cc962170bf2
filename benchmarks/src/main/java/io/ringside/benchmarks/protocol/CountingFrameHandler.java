package io.ringside.benchmarks.protocol;

import io.ringside.protocol.websocket.FrameHandler;
import java.nio.ByteBuffer;

/** Counts frames and payload bytes without touching the payload: the cost of header decoding alone. */
final class CountingFrameHandler implements FrameHandler {
    long frames;
    long bytes;

    @Override
    public void onFrameStart(boolean fin, int rsv, int opcode, long payloadLength, boolean masked, int maskKey) {
        bytes += payloadLength;
    }

    @Override
    public void onPayload(ByteBuffer buffer, int offset, int length, long payloadOffset) {
        // Deliberately empty: this handler measures the frame layer only.
    }

    @Override
    public void onFrameEnd() {
        frames++;
    }
}
