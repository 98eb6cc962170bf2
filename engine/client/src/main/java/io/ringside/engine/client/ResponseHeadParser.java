package io.ringside.engine.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Accumulates an HTTP/1.1 response head (RFC 9112 §2.1, §4, §5) from bytes that arrive in any
 * split, up to a size limit, then parses it.
 *
 * <p>Off the hot path: runs once per connection, on the I/O thread. Lines end with CRLF or a bare
 * LF (RFC 9112 §2.2); obsolete line folding is rejected.
 */
final class ResponseHeadParser {
    private static final int INITIAL_CAPACITY = 256;
    private static final int STATUS_DIGITS = 3;

    private final int maxHeadBytes;
    private byte[] bytes;
    private int length;
    private int lineLength;
    private boolean complete;

    ResponseHeadParser(int maxHeadBytes) {
        this.maxHeadBytes = maxHeadBytes;
        this.bytes = new byte[Math.min(INITIAL_CAPACITY, maxHeadBytes)];
    }

    /**
     * Consumes bytes of {@code src} up to and including the empty line that ends the head; bytes after
     * it stay in {@code src}.
     *
     * @return whether the head is complete
     * @throws ClientHandshakeException when the head exceeds the limit
     */
    boolean consume(ByteBuffer src) {
        while (!complete && src.hasRemaining()) {
            byte b = src.get();
            append(b);
            if (b == '\n') {
                complete = lineLength == 0;
                lineLength = 0;
            } else if (b != '\r') {
                lineLength++;
            }
        }
        return complete;
    }

    /** Parses the complete head; throws {@link ClientHandshakeException} when it is malformed. */
    ResponseHead parse() {
        String[] lines = new String(bytes, 0, length, StandardCharsets.ISO_8859_1).split("\r?\n");
        String statusLine = lines.length == 0 ? "" : lines[0];
        int status = parseStatus(statusLine);
        String reason = statusLine.length() > 13 ? statusLine.substring(13) : "";
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            addField(headers, lines[i]);
        }
        return new ResponseHead(status, reason, headers);
    }

    private void append(byte b) {
        if (length == maxHeadBytes) {
            throw new ClientHandshakeException("response head exceeds maxResponseHeadBytes=" + maxHeadBytes);
        }
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(maxHeadBytes, bytes.length * 2));
        }
        bytes[length++] = b;
    }

    private static int parseStatus(String line) {
        // status-line = HTTP-version SP status-code SP [ reason-phrase ]; version is "HTTP/1.x"
        boolean shaped = line.length() >= 12 && line.startsWith("HTTP/1.") && line.charAt(8) == ' '
                && (line.length() == 12 || line.charAt(12) == ' ');
        if (!shaped) {
            throw new ClientHandshakeException("malformed status line: " + printable(line));
        }
        int status = 0;
        for (int i = 9; i < 9 + STATUS_DIGITS; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw new ClientHandshakeException("malformed status line: " + printable(line));
            }
            status = status * 10 + (c - '0');
        }
        return status;
    }

    private static void addField(Map<String, String> headers, String line) {
        if (line.isEmpty()) {
            return;
        }
        int colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line, colon)) {
            throw new ClientHandshakeException("malformed header field: " + printable(line));
        }
        String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = line.substring(colon + 1).strip();
        headers.merge(name, value, (first, next) -> first + ", " + next);
    }

    private static boolean isToken(String line, int end) {
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            boolean ok = c > ' ' && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String line) {
        String cut = line.length() > 80 ? line.substring(0, 80) + "..." : line;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
