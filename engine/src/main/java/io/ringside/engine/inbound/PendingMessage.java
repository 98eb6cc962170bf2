package io.ringside.engine.inbound;

import java.nio.ByteBuffer;

/** A message that found its ring full, kept with its destination until the ring has room. */
final class PendingMessage {
    final InboundRing ring;
    final int kind;
    final Object target;
    final byte[] bytes;

    PendingMessage(InboundRing ring, int kind, Object target, ByteBuffer buffer, int offset, int length) {
        this.ring = ring;
        this.kind = kind;
        this.target = target;
        this.bytes = new byte[length];
        buffer.get(offset, bytes, 0, length);
    }
}
