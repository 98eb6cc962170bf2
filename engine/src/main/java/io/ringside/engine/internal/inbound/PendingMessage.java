package io.ringside.engine.internal.inbound;

import io.ringside.protocol.websocket.Masking;
import java.nio.ByteBuffer;

/**
 * A message that found its ring full, kept with its destination until the ring has room. Its bytes
 * are kept unmasked: a masked view is unmasked while copied in, so the read buffer can be reused.
 */
final class PendingMessage {
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
}
