package io.ringside.protocol.websocket;

import java.nio.ByteBuffer;

/**
 * The frame-to-message half of {@link MessageDecoder} (RFC 6455 §5.4-§5.6): fragmentation rules,
 * message size, streaming UTF-8 checks, and where each payload lives until its message is whole.
 *
 * <p>A frame that is its own message and arrives as one chunk is unmasked in place and handed on
 * as a view; a binary one goes to a {@link MaskedMessageHandler} still masked instead, with its key.
 * Any other data payload is unmasked while copied into {@link PayloadBuffer}; control payloads split
 * across reads go to a 125-byte array.
 */
final class MessageAssembler implements FrameHandler {
    /** The per-message compressed bit (RFC 7692 §6). */
    static final int RSV1 = 0b100;
    private static final int NO_MESSAGE = -1;
    private static final int COMPRESSED_SLACK_BYTES = 64;
    private static final int MAX_CONTROL_PAYLOAD = 125;

    private final MessageHandler handler;
    private final MaskedMessageHandler maskedHandler;
    private final FrameDecoder frames;
    private final int maxMessageBytes;
    private final Utf8Validator utf8 = new Utf8Validator();
    private final PayloadBuffer message;
    private final PayloadBuffer control;
    private final MessageInflater inflater;
    /** Lends the arrays uncompressed messages are assembled in, or {@code null}: each grows its own. */
    private final InflaterPool arrays;
    private final long maxCompressedBytes;

    private int messageOpcode = NO_MESSAGE;
    private long messageBytes;
    private boolean closeReceived;
    private boolean compressed;

    /** Control and continuation frames whose header was decoded (not the first frames of data messages). */
    long controlAndContinuationFrames;
    private int frameOpcode;
    private boolean frameFin;
    private long frameLength;
    private int maskKey;
    private ByteBuffer viewBuffer;
    private int viewOffset;
    private boolean viewMasked;

    MessageAssembler(DecoderConfig config, MessageHandler handler, FrameDecoder frames, MessageInflater inflater,
                     InflaterPool arrays) {
        this.handler = handler;
        this.maskedHandler = handler instanceof MaskedMessageHandler m ? m : null;
        this.frames = frames;
        this.maxMessageBytes = config.maxMessageBytes();
        this.message = new PayloadBuffer(maxMessageBytes);
        this.control = new PayloadBuffer(MAX_CONTROL_PAYLOAD);
        this.inflater = inflater;
        this.arrays = arrays;
        this.maxCompressedBytes = maxMessageBytes + (maxMessageBytes >>> 4) + COMPRESSED_SLACK_BYTES;
    }

    /** Whether no data message is in progress: the next data frame must start a new one. */
    boolean isIdle() {
        return messageOpcode == NO_MESSAGE;
    }

    boolean isCloseReceived() {
        return closeReceived;
    }

    int bufferedBytes() {
        return message.length() + control.length();
    }

    int retainedBytes() {
        return message.capacity() + control.capacity();
    }

    /** Drops every held buffer: the connection is failing or closed. */
    void release() {
        message.release();
        control.release();
        viewBuffer = null;
        viewMasked = false;
        if (inflater != null) {
            inflater.release();
        }
    }

    @Override
    public void onFrameStart(boolean fin, int rsv, int opcode, long payloadLength, boolean masked, int key) {
        frameOpcode = opcode;
        frameFin = fin;
        frameLength = payloadLength;
        maskKey = key;
        if (Opcode.isControl(opcode) || opcode == Opcode.CONTINUATION) {
            controlAndContinuationFrames++;
        }
        if (Opcode.isControl(opcode)) {
            if ((rsv & RSV1) != 0) {
                throw protocolViolation(CloseCode.PROTOCOL_ERROR, "RSV1 set on a control frame");
            }
            return;
        }
        if (opcode == Opcode.CONTINUATION) {
            if (messageOpcode == NO_MESSAGE) {
                throw protocolViolation(CloseCode.PROTOCOL_ERROR, "continuation without a message");
            }
            if ((rsv & RSV1) != 0) {
                throw protocolViolation(CloseCode.PROTOCOL_ERROR, "RSV1 set on a continuation frame");
            }
        } else {
            if (messageOpcode != NO_MESSAGE) {
                throw protocolViolation(CloseCode.PROTOCOL_ERROR,
                        "new data frame inside a fragmented message");
            }
            messageOpcode = opcode;
            messageBytes = 0;
            compressed = inflater != null && (rsv & RSV1) != 0;
            utf8.reset();
        }
        messageBytes += payloadLength;
        if (messageBytes > (compressed ? maxCompressedBytes : maxMessageBytes)) {
            throw protocolViolation(CloseCode.MESSAGE_TOO_BIG,
                    "message over " + maxMessageBytes + " bytes");
        }
    }

    @Override
    public void onPayload(ByteBuffer buffer, int offset, int length, long payloadOffset) {
        boolean wholeFrame = length == frameLength;
        if (Opcode.isControl(frameOpcode)) {
            if (wholeFrame) {
                view(buffer, offset, length);
            } else {
                control.append(buffer, offset, length, maskKey, (int) payloadOffset & 3);
            }
            return;
        }
        if (compressed) {
            Masking.unmask(buffer, offset, length, maskKey, (int) payloadOffset & 3);
            Utf8Validator text = messageOpcode == Opcode.TEXT ? utf8 : null;
            if (frameFin && payloadOffset + length == frameLength) {
                inflater.inflateLast(buffer, offset, length, message, text);
            } else {
                inflater.inflate(buffer, offset, length, message, text);
            }
            return;
        }
        if (wholeFrame && frameFin && frameOpcode != Opcode.CONTINUATION) {
            if (frameOpcode == Opcode.BINARY && maskedHandler != null) {
                viewBuffer = buffer;
                viewOffset = offset;
                viewMasked = true;
                return;
            }
            view(buffer, offset, length);
            checkText(buffer, offset, length);
            return;
        }
        if (arrays != null && message.capacity() == 0) {
            message.adopt(arrays.acquireBuffer());
        }
        int start = message.length();
        message.append(buffer, offset, length, maskKey, (int) payloadOffset & 3);
        checkText(message.buffer(), start, length);
    }

    @Override
    public void onFrameEnd() {
        if (Opcode.isControl(frameOpcode)) {
            endControl();
        } else if (frameFin) {
            if (compressed) {
                inflater.finish(message, messageOpcode == Opcode.TEXT ? utf8 : null);
            }
            endMessage();
        }
    }

    private void view(ByteBuffer buffer, int offset, int length) {
        Masking.unmask(buffer, offset, length, maskKey, 0);
        viewBuffer = buffer;
        viewOffset = offset;
    }

    private void checkText(ByteBuffer buffer, int offset, int length) {
        if (messageOpcode == Opcode.TEXT && !utf8.update(buffer, offset, length)) {
            throw protocolViolation(CloseCode.INVALID_PAYLOAD, "invalid UTF-8 in text message");
        }
    }

    private void endMessage() {
        if (messageOpcode == Opcode.TEXT && !utf8.isComplete()) {
            throw protocolViolation(CloseCode.INVALID_PAYLOAD, "text message ends inside a UTF-8 sequence");
        }
        ByteBuffer buffer = viewBuffer;
        int offset = viewOffset;
        int length = (int) frameLength;
        if (buffer == null) {
            buffer = message.buffer();
            offset = 0;
            length = message.length();
        }
        int opcode = messageOpcode;
        boolean masked = viewMasked;
        messageOpcode = NO_MESSAGE;
        viewBuffer = null;
        viewMasked = false;
        try {
            if (masked) {
                maskedHandler.onMaskedBinary(buffer, offset, length, maskKey);
            } else if (opcode == Opcode.TEXT) {
                handler.onText(buffer, offset, length);
            } else {
                handler.onBinary(buffer, offset, length);
            }
        } finally {
            if (compressed) {
                inflater.recycle(message);
            } else if (arrays != null && message.capacity() > PayloadBuffer.RETAINED_BYTES) {
                arrays.releaseBuffer(message.surrender());
            } else {
                message.clear();
            }
        }
    }

    private void endControl() {
        ByteBuffer buffer = viewBuffer;
        int offset = viewOffset;
        int length = (int) frameLength;
        if (buffer == null) {
            buffer = control.buffer();
            offset = 0;
        }
        viewBuffer = null;
        try {
            if (frameOpcode == Opcode.PING) {
                handler.onPing(buffer, offset, length);
            } else if (frameOpcode == Opcode.PONG) {
                handler.onPong(buffer, offset, length);
            } else {
                int code = closeCode(buffer, offset, length);
                closeReceived = true;
                frames.stop();
                int reasonLength = Math.max(0, length - 2);
                handler.onClose(code, buffer, offset + length - reasonLength, reasonLength);
            }
        } finally {
            control.clear();
        }
    }

    /** The status code of a close body (§5.5.1, §7.4): none, or two bytes and a UTF-8 reason. */
    private static int closeCode(ByteBuffer buffer, int offset, int length) {
        if (length == 0) {
            return CloseCode.NO_STATUS_RECEIVED;
        }
        if (length == 1) {
            throw protocolViolation(CloseCode.PROTOCOL_ERROR, "close frame body of one byte");
        }
        int code = (buffer.get(offset) & 0xFF) << 8 | (buffer.get(offset + 1) & 0xFF);
        if (!CloseCode.isValidOnWire(code)) {
            throw protocolViolation(CloseCode.PROTOCOL_ERROR, "close code " + code + " not valid on the wire");
        }
        if (!Utf8Validator.isValid(buffer, offset + 2, length - 2)) {
            throw protocolViolation(CloseCode.INVALID_PAYLOAD, "invalid UTF-8 in close reason");
        }
        return code;
    }

    /** The one way this layer reports a violation; {@link MessageDecoder} makes it terminal. */
    private static WebSocketProtocolException protocolViolation(int closeCode, String reason) {
        return new WebSocketProtocolException(closeCode, reason);
    }
}
