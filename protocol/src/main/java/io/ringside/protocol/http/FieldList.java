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
        for (int i = nextElement(bytes, start, end), stop; i < end; i = nextElement(bytes, stop, end)) {
            stop = elementEnd(bytes, i, end);
            if (Ascii.equalsIgnoreCase(bytes, i, trimEnd(bytes, i, stop), lowerToken)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some element of {@code bytes[start, end)} equals {@code token} exactly. */
    static boolean containsExactly(byte[] bytes, int start, int end, String token) {
        for (int i = nextElement(bytes, start, end), stop; i < end; i = nextElement(bytes, stop, end)) {
            stop = elementEnd(bytes, i, end);
            if (Ascii.equalsExactly(bytes, i, trimEnd(bytes, i, stop), token)) {
                return true;
            }
        }
        return false;
    }

    /** The first element of {@code bytes[start, end)} equal to one of {@code tokens}, as that string; or null. */
    static String firstExactly(byte[] bytes, int start, int end, List<String> tokens) {
        for (int i = nextElement(bytes, start, end), stop; i < end; i = nextElement(bytes, stop, end)) {
            stop = elementEnd(bytes, i, end);
            int elementEnd = trimEnd(bytes, i, stop);
            for (int t = 0; t < tokens.size(); t++) {
                if (Ascii.equalsExactly(bytes, i, elementEnd, tokens.get(t))) {
                    return tokens.get(t);
                }
            }
        }
        return null;
    }

    /** Whether every non-empty element of {@code bytes[start, end)} is a token. */
    static boolean allTokens(byte[] bytes, int start, int end) {
        for (int i = nextElement(bytes, start, end), stop; i < end; i = nextElement(bytes, stop, end)) {
            stop = elementEnd(bytes, i, end);
            if (!Ascii.isToken(bytes, i, trimEnd(bytes, i, stop))) {
                return false;
            }
        }
        return true;
    }

    /** Adds every non-empty element of {@code bytes[start, end)}, trimmed, to {@code out}. */
    static void addElements(RequestHead head, int start, int end, List<String> out) {
        byte[] bytes = head.bytes;
        for (int i = nextElement(bytes, start, end), stop; i < end; i = nextElement(bytes, stop, end)) {
            stop = elementEnd(bytes, i, end);
            out.add(head.text(i, trimEnd(bytes, i, stop)));
        }
    }

    /** The first byte of the next element at or after {@code i}, past commas and whitespace; {@code end} if none. */
    private static int nextElement(byte[] bytes, int i, int end) {
        while (i < end && (bytes[i] == Ascii.COMMA || Ascii.isOws(bytes[i]))) {
            i++;
        }
        return i;
    }

    /** The comma that ends the element starting at {@code i}, or {@code end}. */
    private static int elementEnd(byte[] bytes, int i, int end) {
        while (i < end && bytes[i] != Ascii.COMMA) {
            i++;
        }
        return i;
    }

    static int trimEnd(byte[] bytes, int start, int end) {
        int i = end;
        while (i > start && Ascii.isOws(bytes[i - 1])) {
            i--;
        }
        return i;
    }
}
