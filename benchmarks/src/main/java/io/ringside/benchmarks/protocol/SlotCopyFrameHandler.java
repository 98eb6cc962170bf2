package io.ringside.benchmarks.protocol;

import io.ringside.benchmarks.peers.PayloadDigest;
import io.ringside.protocol.websocket.FrameHandler;
import io.ringside.protocol.websocket.Masking;
import java.nio.ByteBuffer;

/**
 * The inbound path's one copy: each payload chunk from a {@code FrameDecoder} is unmasked with
 * {@link Masking#unmaskCopy} into a reused slot-sized array (standing in for a ring slot), so the
 * receive buffer stays pristine. With a {@link PayloadDigest} (setup only) each frame is digested.
 */
final class SlotCopyFrameHandler implements FrameHandler {
    private final byte[] slot;
    private final PayloadDigest digest;
    private int maskKey;
    private int length;
    long frames;

    SlotCopyFrameHandler(int slotBytes, PayloadDigest digest) {
        this.slot = new byte[slotBytes];
        this.digest = digest;
    }

    @Override
    public void onFrameStart(boolean fin, int rsv, int opcode, long payloadLength, boolean masked, int key) {
        this.maskKey = key;
        this.length = (int) payloadLength;
    }

    @Override
    public void onPayload(ByteBuffer buffer, int offset, int chunk, long payloadOffset) {
        Masking.unmaskCopy(buffer, offset, slot, (int) payloadOffset, chunk, maskKey, (int) payloadOffset & 3);
    }

    @Override
    public void onFrameEnd() {
        frames++;
        if (digest != null) {
            digest.add(slot, 0, length);
        }
    }

    /** The last byte copied, so the copies cannot be optimised away. */
    byte lastByte() {
        return slot[slot.length - 1];
    }
}
