package io.ringside.engine.internal.inbound;

/**
 * A reusable view of a {@code ClientEnvelope} holding one {@code GameMessage} (or one {@code Input},
 * laid out alike): its {@code type} (the input's {@code seq}) and where its {@code payload} lies in
 * the bytes, read in place without allocating.
 *
 * <pre>
 * ClientEnvelope: 0x1A len GameMessage            (field 3, length-delimited, the whole envelope)
 * GameMessage:    0x08 varint(type) 0x12 len payload  (fields in any order; unknown fields skipped)
 * ClientEnvelope: 0x32 len Input                  (field 6)
 * Input:          0x08 varint(seq)  0x12 len payload
 * </pre>
 * Used by one thread (the shard's); {@link #wrap} returns whether the bytes are well formed.
 */
public final class GameMessageView {
    private static final int TYPE_FIELD = 1;
    private static final int PAYLOAD_FIELD = 2;
    private static final int MAX_VARINT_BYTES = 10;

    private byte[] bytes;
    private int position;
    private int limit;
    private long type;
    private int payloadOffset;
    private int payloadLength;

    /** Reads the envelope in {@code bytes[0, length)}; {@code false} if it is not one well-formed game message. */
    public boolean wrap(byte[] bytes, int length) {
        return wrap(bytes, length, EnvelopeFields.GAME);
    }

    /**
     * Reads the envelope in {@code bytes[0, length)} whose body is top-level field {@code envelopeField}
     * ({@link EnvelopeFields#GAME} or {@link EnvelopeFields#INPUT}); {@code false} if it is not well formed.
     */
    public boolean wrap(byte[] bytes, int length, int envelopeField) {
        this.bytes = bytes;
        this.position = 0;
        this.limit = length;
        this.type = 0;
        this.payloadOffset = 0;
        this.payloadLength = 0;
        try {
            if (readVarint() != (envelopeField << 3 | EnvelopeFields.WIRE_LENGTH_DELIMITED)) {
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
                type = value;
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
        return (int) type;
    }

    /** Field 1 as read, unsigned up to 64 bits (an input's {@code seq}; over {@code 2^32 - 1} is out of range). */
    public long seq() {
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
