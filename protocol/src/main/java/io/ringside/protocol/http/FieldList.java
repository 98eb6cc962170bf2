package io.ringside.protocol.http;

import java.util.List;

/**
 * Scans comma-separated list fields in place (RFC 9110 §5.6.1: elements separated by commas with
 * optional whitespace; empty elements are ignored).
 */
final class FieldList {
    static final byte[] WEBSOCKET = Ascii.bytes("websocket");
    static final byte[] UPGRADE = Ascii.bytes("upgrade");

    private FieldList() {
    }

    /** Whether some element of {@code bytes[start, end)} equals {@code lowerToken}, ignoring ASCII case. */
    static boolean containsToken(byte[] bytes, int start, int end, byte[] lowerToken) {
        int i = start;
        while (i < end) {
            byte b = bytes[i];
            if (b == Ascii.COMMA || Ascii.isOws(b)) {
                i++;
                continue;
            }
            int elementStart = i;
            while (i < end && bytes[i] != Ascii.COMMA) {
                i++;
            }
            if (Ascii.equalsIgnoreCase(bytes, elementStart, trimEnd(bytes, elementStart, i), lowerToken)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some element of {@code bytes[start, end)} equals {@code token} exactly. */
    static boolean containsExactly(byte[] bytes, int start, int end, String token) {
        int i = start;
        while (i < end) {
            byte b = bytes[i];
            if (b == Ascii.COMMA || Ascii.isOws(b)) {
                i++;
                continue;
            }
            int elementStart = i;
            while (i < end && bytes[i] != Ascii.COMMA) {
                i++;
            }
            if (Ascii.equalsExactly(bytes, elementStart, trimEnd(bytes, elementStart, i), token)) {
                return true;
            }
        }
        return false;
    }

    /** Whether every non-empty element of {@code bytes[start, end)} is a token. */
    static boolean allTokens(byte[] bytes, int start, int end) {
        int i = start;
        while (i < end) {
            byte b = bytes[i];
            if (b == Ascii.COMMA || Ascii.isOws(b)) {
                i++;
                continue;
            }
            int elementStart = i;
            while (i < end && bytes[i] != Ascii.COMMA) {
                i++;
            }
            if (!Ascii.isToken(bytes, elementStart, trimEnd(bytes, elementStart, i))) {
                return false;
            }
        }
        return true;
    }

    /** Adds every non-empty element of {@code bytes[start, end)}, trimmed, to {@code out}. */
    static void addElements(RequestHead head, int start, int end, List<String> out) {
        byte[] bytes = head.bytes;
        int i = start;
        while (i < end) {
            byte b = bytes[i];
            if (b == Ascii.COMMA || Ascii.isOws(b)) {
                i++;
                continue;
            }
            int elementStart = i;
            while (i < end && bytes[i] != Ascii.COMMA) {
                i++;
            }
            out.add(head.text(elementStart, trimEnd(bytes, elementStart, i)));
        }
    }

    static int trimEnd(byte[] bytes, int start, int end) {
        int i = end;
        while (i > start && Ascii.isOws(bytes[i - 1])) {
            i--;
        }
        return i;
    }
}
