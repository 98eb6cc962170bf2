package io.ringside.engine.inbound;

/**
 * A reusable view of a {@code ClientEnvelope} holding one {@code GameMessage}: its {@code type} and
 * where its {@code payload} lies in the bytes, read in place without allocating.
 *
 * <pre>
 * ClientEnvelope: 0x1A len GameMessage            (field 3, length-delimited, the whole envelope)
 * GameMessage:    0x08 varint(type) 0x12 len payload  (fields in any order; unknown fields skipped)
 * </pre>
 * Used by one thread (the shard's); {@link #wrap} returns whether the bytes are well formed.
 */
public final class GameMessageView {
    private static final int ENVELOPE_GAME_TAG = EnvelopeFields.GAME << 3 | EnvelopeFields.WIRE_LENGTH_DELIMITED;
    private static final int TYPE_FIELD = 1;
    private static final int PAYLOAD_FIELD = 2;
    private static final int MAX_VARINT_BYTES = 10;

    private byte[] bytes;
    private int position;
    private int limit;
    private int type;
    private int payloadOffset;
    private int payloadLength;

    /** Reads the envelope in {@code bytes[0, length)}; {@code false} if it is not one well-formed game message. */
    public boolean wrap(byte[] bytes, int length) {
        this.bytes = bytes;
        this.position = 0;
        this.limit = length;
        this.type = 0;
        this.payloadOffset = 0;
        this.payloadLength = 0;
        try {
            if (readVarint() != ENVELOPE_GAME_TAG) {
                return false;
            }
            long bodyLength = readVarint();
            if (bodyLength != limit - position) {
                return false;
            }
            return readBody();
        } finally {
            this.bytes = null;
        }
    }

    private boolean readBody() {
        while (position < limit) {
            long tag = readVarint();
            if (tag < 0) {
                return false;
            }
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (field == TYPE_FIELD && wire == EnvelopeFields.WIRE_VARINT) {
                long value = readVarint();
                if (value < 0) {
                    return false;
                }
                type = (int) value;
            } else if (field == PAYLOAD_FIELD && wire == EnvelopeFields.WIRE_LENGTH_DELIMITED) {
                long length = readVarint();
                if (length < 0 || length > limit - position) {
                    return false;
                }
                payloadOffset = position;
                payloadLength = (int) length;
                position += payloadLength;
            } else if (field == 0 || !skip(wire)) {
                return false;
            }
        }
        return true;
    }

    private boolean skip(int wire) {
        long length;
        switch (wire) {
            case EnvelopeFields.WIRE_VARINT:
                return readVarint() >= 0;
            case EnvelopeFields.WIRE_FIXED64:
                length = 8;
                break;
            case EnvelopeFields.WIRE_FIXED32:
                length = 4;
                break;
            case EnvelopeFields.WIRE_LENGTH_DELIMITED:
                length = readVarint();
                break;
            default:
                return false;
        }
        if (length < 0 || length > limit - position) {
            return false;
        }
        position += (int) length;
        return true;
    }

    /** A varint read at the position, or -1 when truncated or longer than ten bytes. */
    private long readVarint() {
        long result = 0;
        for (int i = 0; i < MAX_VARINT_BYTES; i++) {
            if (position >= limit) {
                return -1;
            }
            int b = bytes[position++];
            result |= (long) (b & 0x7F) << (7 * i);
            if (b >= 0) {
                return i == MAX_VARINT_BYTES - 1 && (b & 0x7E) != 0 ? -1 : result & Long.MAX_VALUE;
            }
        }
        return -1;
    }

    /** The game message type (the room's own numbering); 0 when absent. */
    public int type() {
        return type;
    }

    /** Where the payload starts in the wrapped bytes. */
    public int payloadOffset() {
        return payloadOffset;
    }

    /** The payload's length in bytes (0 when absent). */
    public int payloadLength() {
        return payloadLength;
    }
}
