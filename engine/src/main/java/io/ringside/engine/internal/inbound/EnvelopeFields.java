package io.ringside.engine.internal.inbound;

import java.nio.ByteBuffer;

/**
 * Reads the top-level field of a {@code ClientEnvelope} from its first byte, without parsing, so the
 * I/O thread can route a message: every body is a length-delimited field (wire type 2) numbered
 * below 16, so its tag is the single byte {@code field << 3 | 2}. A payload still masked (RFC 6455
 * §5.3) is read through its key: only that byte is unmasked, in a register.
 *
 * <pre>
 *  byte 0        varint length   body ...
 * +--------------+--------------+---------------------+
 * | field&lt;&lt;3 | 2 |      n       |  n bytes of the body |
 * +--------------+--------------+---------------------+
 * </pre>
 */
public final class EnvelopeFields {
    /** {@code ClientEnvelope.join}. */
    public static final int JOIN = 1;
    /** {@code ClientEnvelope.leave}. */
    public static final int LEAVE = 2;
    /** {@code ClientEnvelope.game}. */
    public static final int GAME = 3;
    /** {@code ClientEnvelope.ping}. */
    public static final int PING = 4;
    /** {@code ClientEnvelope.list_rooms}. */
    public static final int LIST_ROOMS = 5;
    /** {@code ClientEnvelope.input}. */
    public static final int INPUT = 6;
    /** Returned when the first byte is not the tag of a length-delimited field below 16. */
    public static final int UNKNOWN = -1;

    static final int WIRE_VARINT = 0;
    static final int WIRE_FIXED64 = 1;
    static final int WIRE_LENGTH_DELIMITED = 2;
    static final int WIRE_FIXED32 = 5;
    private static final int MAX_SINGLE_BYTE_FIELD = 15;

    private EnvelopeFields() {
    }

    /** The top-level field number of the envelope at {@code buffer[offset, offset + length)}, or {@link #UNKNOWN}. */
    public static int topLevelField(ByteBuffer buffer, int offset, int length) {
        return topLevelField(buffer, offset, length, 0);
    }

    /**
     * The top-level field number of the envelope at {@code buffer[offset, offset + length)}, still
     * masked with {@code maskKey} from its first byte (phase 0), or {@link #UNKNOWN}; reads one byte.
     */
    public static int topLevelField(ByteBuffer buffer, int offset, int length, int maskKey) {
        if (length < 2) {
            return UNKNOWN;
        }
        int tag = (buffer.get(offset) ^ (maskKey >>> 24)) & 0xFF;
        int field = tag >>> 3;
        if ((tag & 7) != WIRE_LENGTH_DELIMITED || field == 0 || field > MAX_SINGLE_BYTE_FIELD) {
            return UNKNOWN;
        }
        return field;
    }
}
