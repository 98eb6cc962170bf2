package io.ringside.protocol.http;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes HTTP/1.1 responses for the handshake: 101 Switching Protocols, refusals with a short
 * body and {@code Connection: close}, and plain response heads.
 *
 * <p>Stateless; any thread. Each method first computes the response's size and, if it does not
 * fit in {@code dst}'s remaining bytes, throws {@link BufferOverflowException} (as
 * {@link ByteBuffer#put(byte[])} does) without writing anything; otherwise it writes at
 * {@code dst}'s position and advances it. The 101 and head paths allocate nothing.
 */
public final class UpgradeResponseWriter {
    private static final byte[] SWITCHING_PROTOCOLS = Ascii.bytes("HTTP/1.1 101 Switching Protocols\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: ");
    private static final byte[] PROTOCOL = Ascii.bytes("\r\nSec-WebSocket-Protocol: ");
    private static final byte[] CRLF = Ascii.bytes("\r\n");
    private static final byte[] CRLF_CRLF = Ascii.bytes("\r\n\r\n");
    private static final byte[] HTTP_1_1 = Ascii.bytes("HTTP/1.1 ");
    private static final byte[] CONTENT_TYPE = Ascii.bytes("\r\nContent-Type: ");
    private static final byte[] CONTENT_LENGTH = Ascii.bytes("\r\nContent-Length: ");
    private static final byte[] CONNECTION_CLOSE = Ascii.bytes("\r\nConnection: close");
    // RFC 9110 §15.5.22: a 426 names the protocol to upgrade to; §7.8: Upgrade is listed in Connection
    private static final byte[] UPGRADE_REQUIRED_FIELDS = Ascii.bytes(
            ", Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13");
    private static final byte[] BEARER_CHALLENGE = Ascii.bytes("\r\nWWW-Authenticate: Bearer");
    private static final String TEXT_PLAIN = "text/plain; charset=utf-8";
    private static final int MAX_LONG_DIGITS = 19;

    private UpgradeResponseWriter() {
    }

    /**
     * Writes the 101 response to a validated {@code request} at {@code dst}'s position (RFC 6455
     * §4.2.2): Upgrade, Connection, Sec-WebSocket-Accept and, when not {@code null}, the chosen
     * {@code subprotocol}. Called on the connection's I/O thread; allocates nothing.
     *
     * @throws IllegalStateException    if the request has not passed {@code validateWebSocketUpgrade()}
     * @throws IllegalArgumentException if {@code subprotocol} is not one the client offered
     * @throws BufferOverflowException  if the response does not fit; nothing is written then
     */
    public static void writeSwitchingProtocols(ByteBuffer dst, UpgradeRequest request, String subprotocol) {
        if (!request.validated()) {
            throw new IllegalStateException("validateWebSocketUpgrade() has not passed");
        }
        if (subprotocol != null && !request.offersSubprotocol(subprotocol)) {
            throw new IllegalArgumentException("subprotocol=" + subprotocol + " was not offered by the client");
        }
        int size = SWITCHING_PROTOCOLS.length + AcceptKey.LENGTH + CRLF_CRLF.length
                + (subprotocol == null ? 0 : PROTOCOL.length + subprotocol.length());
        checkRoom(dst, size);
        dst.put(SWITCHING_PROTOCOLS);
        request.writeAcceptKey(dst);
        if (subprotocol != null) {
            dst.put(PROTOCOL);
            putAscii(dst, subprotocol);
        }
        dst.put(CRLF_CRLF);
    }

    /**
     * Writes a refusal with status {@code status} (100–999), a {@code text/plain; charset=utf-8}
     * body {@code message} (the reason phrase when {@code null}) and {@code Connection: close}; a 426
     * also carries {@code Upgrade: websocket} (RFC 9110 §15.5.22, listed in Connection as §7.8 asks)
     * and {@code Sec-WebSocket-Version: 13} (RFC 6455 §4.4), a 401 the challenge
     * {@code WWW-Authenticate: Bearer} it must carry (RFC 9110 §15.5.2). Allocates for the body.
     *
     * @throws BufferOverflowException if the response does not fit; nothing is written then
     */
    public static void writeError(ByteBuffer dst, int status, String message) {
        byte[] body = (message == null ? HttpStatus.reasonPhrase(status) : message)
                .getBytes(StandardCharsets.UTF_8);
        byte[] extra = status == HttpStatus.UPGRADE_REQUIRED ? UPGRADE_REQUIRED_FIELDS
                : status == HttpStatus.UNAUTHORIZED ? BEARER_CHALLENGE : null;
        int size = headSize(status, TEXT_PLAIN, body.length) + (extra == null ? 0 : extra.length)
                + CRLF_CRLF.length + body.length;
        checkRoom(dst, size);
        putHead(dst, status, TEXT_PLAIN, body.length);
        if (extra != null) {
            dst.put(extra);
        }
        dst.put(CRLF_CRLF);
        dst.put(body);
    }

    /**
     * Writes a plain HTTP response head (status line, Content-Type, Content-Length, Connection:
     * close, blank line) for a body of {@code contentLength} bytes that the caller writes after it.
     * Used for static files and health checks; allocates nothing.
     *
     * @param contentType a field value of visible ASCII and spaces, e.g. {@code "text/html"}
     * @throws IllegalArgumentException if {@code status} is not 100–999, {@code contentType} holds a
     *                                  control or non-ASCII character, or {@code contentLength < 0}
     * @throws BufferOverflowException  if the head does not fit; nothing is written then
     */
    public static void writeResponseHead(ByteBuffer dst, int status, String contentType, long contentLength) {
        if (contentLength < 0) {
            throw new IllegalArgumentException("contentLength=" + contentLength);
        }
        checkFieldValue(contentType);
        checkRoom(dst, headSize(status, contentType, contentLength) + CRLF_CRLF.length);
        putHead(dst, status, contentType, contentLength);
        dst.put(CRLF_CRLF);
    }

    /** Size of the status line and the three fields, without the final blank line. */
    private static int headSize(int status, String contentType, long contentLength) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status=" + status);
        }
        return HTTP_1_1.length + 4 + HttpStatus.reasonPhrase(status).length()
                + CONTENT_TYPE.length + contentType.length()
                + CONTENT_LENGTH.length + digits(contentLength)
                + CONNECTION_CLOSE.length;
    }

    private static void putHead(ByteBuffer dst, int status, String contentType, long contentLength) {
        dst.put(HTTP_1_1);
        putDecimal(dst, status);
        dst.put(Ascii.SP);
        putAscii(dst, HttpStatus.reasonPhrase(status));
        dst.put(CONTENT_TYPE);
        putAscii(dst, contentType);
        dst.put(CONTENT_LENGTH);
        putDecimal(dst, contentLength);
        dst.put(CONNECTION_CLOSE);
    }

    private static void checkRoom(ByteBuffer dst, int size) {
        if (dst.remaining() < size) {
            throw new BufferOverflowException();
        }
    }

    private static void checkFieldValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7F) {
                throw new IllegalArgumentException("contentType=" + value + " (control or non-ASCII character)");
            }
        }
    }

    private static void putAscii(ByteBuffer dst, String text) {
        for (int i = 0; i < text.length(); i++) {
            dst.put((byte) text.charAt(i));
        }
    }

    private static int digits(long value) {
        long limit = 10;
        for (int digits = 1; digits < MAX_LONG_DIGITS; digits++) {
            if (value < limit) {
                return digits;
            }
            limit *= 10;
        }
        return MAX_LONG_DIGITS;
    }

    private static void putDecimal(ByteBuffer dst, long value) {
        int digits = digits(value);
        int end = dst.position() + digits;
        long rest = value;
        for (int i = end - 1; i >= dst.position(); i--) {
            dst.put(i, (byte) ('0' + rest % 10));
            rest /= 10;
        }
        dst.position(end);
    }
}
