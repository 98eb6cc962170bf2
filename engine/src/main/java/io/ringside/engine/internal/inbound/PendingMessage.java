package io.ringside.engine.internal.inbound;

import io.ringside.engine.internal.LentArray;
import io.ringside.engine.internal.MessageArrays;
import io.ringside.engine.transport.Connection;
import io.ringside.protocol.websocket.Masking;
import java.nio.ByteBuffer;

/**
 * A message that found its ring full, kept with its destination until the ring has room. Its bytes
 * are kept unmasked: a masked view is unmasked while copied in, so the read buffer can be reused.
 * When it is larger than a ring slot, its bytes are in an array lent by its connection's I/O loop
 * ({@link MessageArrays}) where it can lend one, which then passes to the ring slot as it is (no
 * second copy); otherwise in an array of its own. What it holds beyond a lent array
 * ({@link #heldBytes()}) is charged to its connection's memory budget while it waits; a lent array
 * counts toward the connection until it is given back.
 */
final class PendingMessage {
    /** The object, its array's header and its place in the session's queue, in bytes (an estimate). */
    static final int OVERHEAD_BYTES = 64;

    final InboundRing ring;
    final int kind;
    final Object target;
    final int length;
    /** The message, {@code [0, length)}: {@link #lent}'s array, or one of its own. */
    final byte[] bytes;
    /** The array lent by the connection's loop, or {@code null}; passes to the ring slot when published. */
    LentArray lent;
    private final long heldBytes;

    PendingMessage(InboundRing ring, int kind, Object target, ByteBuffer buffer, int offset, int length,
                   int maskKey, Connection connection) {
        this.ring = ring;
        this.kind = kind;
        this.target = target;
        this.length = length;
        // a message that fits a slot is copied into it when published: an array of its own is smaller
        this.lent = length > ring.slotBytes() && connection instanceof MessageArrays arrays
                ? arrays.borrowMessageArray(length) : null;
        this.bytes = lent != null ? lent.bytes() : new byte[length];
        this.heldBytes = (lent != null ? 0 : length) + (long) OVERHEAD_BYTES;
        Masking.unmaskCopy(buffer, offset, bytes, 0, length, maskKey, 0);
    }

    /**
     * The heap this message holds while it waits, as charged to the memory budget (a lent array aside):
     * fixed when it is made, so that what is credited once it is published is what was charged.
     */
    long heldBytes() {
        return heldBytes;
    }
}
