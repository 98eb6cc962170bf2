package io.ringside.engine.internal.inbound;

import io.ringside.protocol.websocket.Masking;
import java.nio.ByteBuffer;

/**
 * A message that found its ring full, kept with its destination until the ring has room. Its bytes
 * are kept unmasked: a masked view is unmasked while copied in, so the read buffer can be reused.
 * What it holds ({@link #heldBytes()}) is charged to its connection's memory budget while it waits.
 */
final class PendingMessage {
    /** The object, its array's header and its place in the session's queue, in bytes (an estimate). */
    static final int OVERHEAD_BYTES = 64;

    final InboundRing ring;
    final int kind;
    final Object target;
    final byte[] bytes;

    PendingMessage(InboundRing ring, int kind, Object target, ByteBuffer buffer, int offset, int length,
                   int maskKey) {
        this.ring = ring;
        this.kind = kind;
        this.target = target;
        this.bytes = new byte[length];
        Masking.unmaskCopy(buffer, offset, bytes, 0, length, maskKey, 0);
    }

    /** The heap this message holds while it waits, as charged to the memory budget. */
    long heldBytes() {
        return bytes.length + (long) OVERHEAD_BYTES;
    }
}
