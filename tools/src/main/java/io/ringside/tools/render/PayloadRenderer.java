package io.ringside.tools.render;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.websocket.CloseCode;
import io.ringside.protocol.websocket.Opcode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Renders a frame or message payload for people: text as a quoted string, binary as hex, close
 * bodies as code and reason, and binary Ringside envelopes in protobuf text format. Payloads longer
 * than the display limit are cut and marked with how many bytes were left out.
 *
 * <p>Immutable; any thread.
 */
public final class PayloadRenderer {
    /** Which envelope binary payloads are parsed as, if any. */
    public enum Envelope {
        /** Binary payloads are shown as hex. */
        NONE,
        /** Binary payloads are parsed as {@link ClientEnvelope} (client to server). */
        CLIENT,
        /** Binary payloads are parsed as {@link ServerEnvelope} (server to client). */
        SERVER
    }

    private final int maxBytes;

    /** A renderer showing at most {@code maxBytes} bytes of each payload. */
    public PayloadRenderer(int maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes=" + maxBytes + " (minimum 0)");
        }
        this.maxBytes = maxBytes;
    }

    /**
     * Renders the payload of a message or frame of type {@code opcode}; {@code bytes} holds its first
     * {@code shown} bytes (already unmasked) of {@code totalLength}.
     */
    public String render(int opcode, byte[] bytes, int shown, long totalLength) {
        switch (opcode) {
            case Opcode.TEXT:
                return text(bytes, shown, totalLength);
            case Opcode.CLOSE:
                return close(bytes, shown);
            default:
                return hex(bytes, shown, totalLength);
        }
    }

    /** The payload as a quoted, escaped string, cut at the display limit. */
    public String text(byte[] bytes, int shown, long totalLength) {
        int n = Math.min(shown, maxBytes);
        return quote(decodeLenient(bytes, n)) + truncation(n, totalLength);
    }

    /** The payload as hex, cut at the display limit. */
    public String hex(byte[] bytes, int shown, long totalLength) {
        int n = Math.min(shown, maxBytes);
        return "[" + Hex.format(bytes, 0, n) + "]" + truncation(n, totalLength);
    }

    /** A close body (RFC 6455 §5.5.1): code, name and reason; {@code (no status)} when empty. */
    public static String close(byte[] bytes, int length) {
        if (length == 0) {
            return "(no status code, " + CloseCodes.describe(CloseCode.NO_STATUS_RECEIVED) + ")";
        }
        if (length == 1) {
            return "(1-byte close body: invalid)";
        }
        int code = (bytes[0] & 0xFF) << 8 | bytes[1] & 0xFF;
        return CloseCodes.describe(code) + " " + quote(decodeLenient(bytes, 2, length - 2));
    }

    /** A whole binary message parsed as the given envelope, in protobuf text format on one line. */
    public static String envelope(Envelope kind, ByteBuffer buffer, int offset, int length) {
        ByteBuffer view = buffer.duplicate().position(offset).limit(offset + length);
        try {
            Message message = kind == Envelope.SERVER ? ServerEnvelope.parseFrom(view) : ClientEnvelope.parseFrom(view);
            String text = TextFormat.printer().emittingSingleLine(true).printToString(message).strip();
            return (kind == Envelope.SERVER ? "ServerEnvelope { " : "ClientEnvelope { ") + text + " }";
        } catch (InvalidProtocolBufferException e) {
            return "not a " + (kind == Envelope.SERVER ? "ServerEnvelope" : "ClientEnvelope") + ": " + e.getMessage();
        }
    }

    /** {@code s} in double quotes with quotes, backslashes and control characters escaped. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < ' ' || c == 0x7F) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String truncation(int shown, long totalLength) {
        return shown < totalLength ? " ...(truncated, " + (totalLength - shown) + " more bytes)" : "";
    }

    private static String decodeLenient(byte[] bytes, int length) {
        return decodeLenient(bytes, 0, length);
    }

    private static String decodeLenient(byte[] bytes, int offset, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer chars = CharBuffer.allocate(length);
        decoder.decode(ByteBuffer.wrap(bytes, offset, length), chars, true);
        return chars.flip().toString();
    }
}
