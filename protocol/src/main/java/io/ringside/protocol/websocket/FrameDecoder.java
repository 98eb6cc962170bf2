package io.ringside.protocol.websocket;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Incremental, zero-copy RFC 6455 frame decoder (§5.2): header checks, then payload chunks.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-------+-+-------------+-------------------------------+
 * |F|R|R|R| opcode|M| Payload len |    Extended payload length    |
 * |I|S|S|S|  (4)  |A|     (7)     |             (16/64)           |
 * |N|V|V|V|       |S|             |   (if payload len==126/127)   |
 * | |1|2|3|       |K|             |                               |
 * +-+-+-+-+-------+-+-------------+ - - - - - - - - - - - - - - - +
 * |     Extended payload length continued, if payload len == 127  |
 * + - - - - - - - - - - - - - - - +-------------------------------+
 * |                               | Masking-key, if MASK set to 1 |
 * +-------------------------------+-------------------------------+
 * | Masking-key (continued)       |          Payload Data         |
 * +-------------------------------- - - - - - - - - - - - - - - - +
 * </pre>
 *
 * <p>One per connection, used by one thread. A header with at least {@value FrameEncoder#MAX_HEADER_BYTES}
 * bytes behind it is read with wide absolute reads; a header split across calls is accumulated
 * byte by byte in fields. Payload is handed over as views of the decoded buffer, never copied.
 * No allocation per frame.
 */
public final class FrameDecoder {
    private static final int STATE_HEADER = 0;
    private static final int STATE_PAYLOAD = 1;
    private static final int STATE_STOPPED = 2;
    private static final int STATE_FAILED = 3;

    private static final int FIN = 0x80;
    private static final int MASK = 0x80;
    private static final int LENGTH_7 = 0x7F;
    private static final int LENGTH_16 = 126;
    private static final int LENGTH_64 = 127;
    private static final int MAX_CONTROL_PAYLOAD = 125;
    private static final int MIN_LENGTH_64 = 0x1_0000;

    private final boolean expectMasked;
    private final int forbiddenRsv;
    private final long maxFramePayloadBytes;

    private int state = STATE_HEADER;
    private WebSocketProtocolException failure;

    private int headerRead;
    private int headerLength;
    private int b0;
    private int b1;
    private long lengthAcc;
    private int maskAcc;

    private long payloadLength;
    private long payloadRead;

    /** A decoder for frames received by {@code config.role()}, within {@code config}'s frame limits. */
    public FrameDecoder(DecoderConfig config) {
        this(config, 0);
    }

    /**
     * A decoder that also lets RSV bits {@code negotiatedRsv} ({@code 0b0RRR}) through, for an extension
     * negotiated on this connection (permessage-deflate: RSV1, {@code 0b100}).
     */
    public FrameDecoder(DecoderConfig config, int negotiatedRsv) {
        this.expectMasked = config.role() == Role.SERVER;
        this.forbiddenRsv = ~(config.allowedRsvBits() | negotiatedRsv) & 0b111;
        this.maxFramePayloadBytes = config.maxFramePayloadBytes();
    }

    /**
     * Decodes every byte of {@code src} from its position to its limit, calling {@code handler} as
     * frames start, carry payload and end; a header split across calls is kept internally. On
     * return {@code src.position() == src.limit()}.
     *
     * @throws WebSocketProtocolException on a violation; the decoder is then terminal
     */
    public void decode(ByteBuffer src, FrameHandler handler) {
        if (state == STATE_FAILED) {
            throw failure;
        }
        int pos = src.position();
        int limit = src.limit();
        boolean littleEndian = src.order() == ByteOrder.LITTLE_ENDIAN;
        while (pos < limit) {
            pos = step(src, pos, limit, littleEndian, handler);
        }
        src.position(limit);
    }

    /**
     * Decodes {@code src} from {@code pos} until one frame has ended or {@code limit} is reached, and
     * returns the position reached ({@code limit} once the decoder has stopped); {@code src}'s own
     * position is not used or changed. For {@link MessageDecoder}, which alternates this with its
     * small-message path.
     */
    int decodeFrame(ByteBuffer src, int pos, int limit, FrameHandler handler) {
        if (state == STATE_FAILED) {
            throw failure;
        }
        boolean littleEndian = src.order() == ByteOrder.LITTLE_ENDIAN;
        int p = pos;
        do {
            p = step(src, p, limit, littleEndian, handler);
        } while (p < limit && !atFrameBoundary());
        return p;
    }

    /** Whether the next byte is the first of a frame header (no header or payload is in progress). */
    boolean atFrameBoundary() {
        return state == STATE_HEADER && headerRead == 0;
    }

    private int step(ByteBuffer src, int pos, int limit, boolean littleEndian, FrameHandler handler) {
        int s = state;
        if (s == STATE_PAYLOAD) {
            return payload(src, pos, limit, handler);
        }
        if (s == STATE_HEADER) {
            if (headerRead == 0 && limit - pos >= FrameEncoder.MAX_HEADER_BYTES) {
                return headerFast(src, pos, littleEndian, handler);
            }
            return headerSlow(src, pos, limit, handler);
        }
        return limit;
    }

    /** Ignores every later byte: the message layer calls it once a close frame has arrived (§5.5.1). */
    void stop() {
        if (state != STATE_FAILED) {
            state = STATE_STOPPED;
        }
    }

    private int headerFast(ByteBuffer src, int pos, boolean littleEndian, FrameHandler handler) {
        short first = src.getShort(pos);
        int bits = (littleEndian ? Short.reverseBytes(first) : first) & 0xFFFF;
        b0 = bits >>> 8;
        b1 = bits & 0xFF;
        checkFirstBytes();
        int p = pos + 2;
        int length7 = b1 & LENGTH_7;
        long length;
        if (length7 < LENGTH_16) {
            length = length7;
        } else if (length7 == LENGTH_16) {
            short s = src.getShort(p);
            length = (littleEndian ? Short.reverseBytes(s) : s) & 0xFFFF;
            p += 2;
        } else {
            long l = src.getLong(p);
            length = littleEndian ? Long.reverseBytes(l) : l;
            p += 8;
        }
        int key = 0;
        if ((b1 & MASK) != 0) {
            int k = src.getInt(p);
            key = littleEndian ? Integer.reverseBytes(k) : k;
            p += 4;
        }
        startFrame(length7, length, key, handler);
        return p;
    }

    private int headerSlow(ByteBuffer src, int pos, int limit, FrameHandler handler) {
        int p = pos;
        while (p < limit) {
            int b = src.get(p++) & 0xFF;
            int n = headerRead++;
            if (n == 0) {
                b0 = b;
            } else if (n == 1) {
                b1 = b;
                checkFirstBytes();
                int length7 = b1 & LENGTH_7;
                int extended = length7 < LENGTH_16 ? 0 : length7 == LENGTH_16 ? 2 : 8;
                headerLength = 2 + extended + ((b1 & MASK) != 0 ? 4 : 0);
                lengthAcc = length7 < LENGTH_16 ? length7 : 0;
                maskAcc = 0;
            } else if (n < headerLength - ((b1 & MASK) != 0 ? 4 : 0)) {
                lengthAcc = (lengthAcc << 8) | b;
            } else {
                maskAcc = (maskAcc << 8) | b;
            }
            if (headerRead >= 2 && headerRead == headerLength) {
                headerRead = 0;
                startFrame(b1 & LENGTH_7, lengthAcc, maskAcc, handler);
                return p;
            }
        }
        return p;
    }

    private void checkFirstBytes() {
        int rsv = (b0 >>> 4) & 0b111;
        if ((rsv & forbiddenRsv) != 0) {
            throw protocolViolation(CloseCode.PROTOCOL_ERROR, "RSV bits not negotiated: " + rsv);
        }
        int opcode = b0 & 0x0F;
        if (!Opcode.isDefined(opcode)) {
            throw protocolViolation(CloseCode.PROTOCOL_ERROR, "reserved opcode " + opcode);
        }
        boolean masked = (b1 & MASK) != 0;
        if (masked != expectMasked) {
            throw protocolViolation(CloseCode.PROTOCOL_ERROR,
                    expectMasked ? "unmasked frame from a client" : "masked frame from a server");
        }
        if (Opcode.isControl(opcode)) {
            if ((b0 & FIN) == 0) {
                throw protocolViolation(CloseCode.PROTOCOL_ERROR, "fragmented control frame");
            }
            if ((b1 & LENGTH_7) > MAX_CONTROL_PAYLOAD) {
                throw protocolViolation(CloseCode.PROTOCOL_ERROR, "control frame payload over 125 bytes");
            }
        }
    }

    private void startFrame(int length7, long length, int maskKey, FrameHandler handler) {
        if (length7 == LENGTH_16 && length < LENGTH_16) {
            throw protocolViolation(CloseCode.PROTOCOL_ERROR, "16-bit length " + length + " below 126");
        }
        if (length7 == LENGTH_64) {
            if (length < 0) {
                throw protocolViolation(CloseCode.PROTOCOL_ERROR, "64-bit length with the top bit set");
            }
            if (length < MIN_LENGTH_64) {
                throw protocolViolation(CloseCode.PROTOCOL_ERROR, "64-bit length " + length + " below 65536");
            }
        }
        if (length > maxFramePayloadBytes) {
            throw protocolViolation(CloseCode.MESSAGE_TOO_BIG,
                    "frame payload " + length + " over " + maxFramePayloadBytes + " bytes");
        }
        payloadLength = length;
        payloadRead = 0;
        state = STATE_PAYLOAD;
        handler.onFrameStart((b0 & FIN) != 0, (b0 >>> 4) & 0b111, b0 & 0x0F, length, (b1 & MASK) != 0, maskKey);
        if (length == 0) {
            endFrame(handler);
        }
    }

    private int payload(ByteBuffer src, int pos, int limit, FrameHandler handler) {
        long left = payloadLength - payloadRead;
        int chunk = (int) Math.min(left, limit - pos);
        long offset = payloadRead;
        payloadRead = offset + chunk;
        handler.onPayload(src, pos, chunk, offset);
        if (chunk == left) {
            endFrame(handler);
        }
        return pos + chunk;
    }

    private void endFrame(FrameHandler handler) {
        if (state == STATE_PAYLOAD) {
            state = STATE_HEADER;
        }
        handler.onFrameEnd();
    }

    private WebSocketProtocolException protocolViolation(int closeCode, String reason) {
        state = STATE_FAILED;
        failure = new WebSocketProtocolException(closeCode, reason);
        return failure;
    }
}
