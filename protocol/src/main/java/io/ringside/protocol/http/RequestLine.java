package io.ringside.protocol.http;

/**
 * Parses the request line {@code method SP request-target SP HTTP-version} (RFC 9112 §3) in place
 * and records its offsets in a {@link RequestHead}.
 */
final class RequestLine {
    private static final String HTTP_SLASH = "HTTP/";
    private static final byte[] HTTP_SCHEME = Ascii.bytes("http://");
    private static final byte[] HTTPS_SCHEME = Ascii.bytes("https://");
    private static final int VERSION_LENGTH = 8;
    /** "HTTP/1.1" as a little-endian word. */
    private static final long HTTP_1_1 = 0x312E312F50545448L;

    private RequestLine() {
    }

    /** Parses {@code head.bytes[start, end)}, the line without its line ending; 400 when malformed. */
    static void parse(RequestHead head, int start, int end) {
        byte[] bytes = head.bytes;
        int i = start;
        while (i < end && Ascii.isTchar(bytes[i])) {
            i++;
        }
        if (i == start || i == end || bytes[i] != Ascii.SP) {
            throw malformed("malformed request line: expected a method token and one space");
        }
        head.methodStart = start;
        head.methodEnd = i;
        int targetStart = ++i;
        i = AsciiScan.indexOfNonVisible(bytes, i, end);
        if (i == targetStart || i == end || bytes[i] != Ascii.SP) {
            throw malformed("malformed request line: expected a request target of visible ASCII and one space");
        }
        head.targetStart = targetStart;
        head.targetEnd = i;
        parseVersion(head, i + 1, end);
        splitTarget(head, targetStart, i);
    }

    private static void parseVersion(RequestHead head, int start, int end) {
        byte[] bytes = head.bytes;
        if (end - start == VERSION_LENGTH && AsciiScan.word(bytes, start) == HTTP_1_1) {
            head.versionMinor = 1;
            return;
        }
        if (end - start != VERSION_LENGTH
                || !Ascii.equalsExactly(bytes, start, start + HTTP_SLASH.length(), HTTP_SLASH)
                || !isDigit(bytes[start + 5]) || bytes[start + 6] != '.' || !isDigit(bytes[start + 7])) {
            throw malformed("malformed HTTP version: expected HTTP/1.x");
        }
        if (bytes[start + 5] != '1') {
            throw malformed("unsupported HTTP version: only HTTP/1.x is spoken here");
        }
        head.versionMinor = bytes[start + 7] - '0';
    }

    private static void splitTarget(RequestHead head, int start, int end) {
        byte[] bytes = head.bytes;
        int pathStart;
        if (bytes[start] == Ascii.SLASH) {
            pathStart = start;
        } else if (startsWithIgnoreCase(bytes, start, end, HTTP_SCHEME)
                || startsWithIgnoreCase(bytes, start, end, HTTPS_SCHEME)) {
            // absolute-form (RFC 9112 §3.2.2): the path starts after the authority; empty means "/".
            pathStart = bytes[start + 4] == ':' ? start + HTTP_SCHEME.length : start + HTTPS_SCHEME.length;
            while (pathStart < end && bytes[pathStart] != Ascii.SLASH && bytes[pathStart] != Ascii.QUESTION) {
                pathStart++;
            }
        } else {
            head.pathStart = start;
            head.pathEnd = end;
            head.resourceTarget = false;
            return;
        }
        int i = pathStart;
        while (i < end && bytes[i] != Ascii.QUESTION) {
            i++;
        }
        head.pathStart = pathStart;
        head.pathEnd = i;
        head.queryStart = i < end ? i + 1 : -1;
        head.resourceTarget = true;
    }

    private static boolean startsWithIgnoreCase(byte[] bytes, int start, int end, byte[] lowerPrefix) {
        return end - start >= lowerPrefix.length
                && Ascii.equalsIgnoreCase(bytes, start, start + lowerPrefix.length, lowerPrefix);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static HandshakeException malformed(String reason) {
        return new HandshakeException(HttpStatus.BAD_REQUEST, reason);
    }
}
