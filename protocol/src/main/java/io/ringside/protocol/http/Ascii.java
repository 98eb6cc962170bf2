package io.ringside.protocol.http;

/**
 * ASCII byte classes and case folding for HTTP parsing (RFC 9110 §5.6.2 token, §5.6.3 OWS), done
 * with 256-entry tables so that the parser never builds a {@code String}.
 */
final class Ascii {
    static final byte SP = ' ';
    static final byte HTAB = '\t';
    static final byte CR = '\r';
    static final byte LF = '\n';
    static final byte COLON = ':';
    static final byte COMMA = ',';
    static final byte SEMICOLON = ';';
    static final byte EQUALS = '=';
    static final byte DQUOTE = '"';
    static final byte BACKSLASH = '\\';
    static final byte SLASH = '/';
    static final byte QUESTION = '?';

    private static final boolean[] TCHAR = new boolean[256];
    private static final boolean[] FIELD_VCHAR = new boolean[256];
    private static final byte[] LOWER = new byte[256];

    static {
        for (int c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (int c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[c - 'a' + 'A'] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
        for (int c = 0; c < 256; c++) {
            // RFC 9110 §5.5: field-vchar is VCHAR / obs-text; SP and HTAB may appear inside a value.
            FIELD_VCHAR[c] = c == HTAB || (c >= 0x20 && c != 0x7F);
            LOWER[c] = (byte) (c >= 'A' && c <= 'Z' ? c | 0x20 : c);
        }
    }

    private Ascii() {
    }

    /** Whether {@code b} is a tchar, the alphabet of tokens and header names. */
    static boolean isTchar(byte b) {
        return TCHAR[b & 0xFF];
    }

    /** Whether {@code b} may appear inside a field value (no CTL other than HTAB). */
    static boolean isFieldChar(byte b) {
        return FIELD_VCHAR[b & 0xFF];
    }

    /** The index of the first byte in {@code bytes[from, to)} that is not a tchar, or {@code to}. */
    static int indexOfNonTchar(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to && TCHAR[bytes[i] & 0xFF]) {
            i++;
        }
        return i;
    }

    static boolean isOws(byte b) {
        return b == SP || b == HTAB;
    }

    static byte lower(byte b) {
        return LOWER[b & 0xFF];
    }

    /** Whether {@code bytes[start, end)} equals {@code lowerName}, ignoring ASCII case. */
    static boolean equalsIgnoreCase(byte[] bytes, int start, int end, byte[] lowerName) {
        int length = lowerName.length;
        if (end - start != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (LOWER[bytes[start + i] & 0xFF] != lowerName[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code bytes[start, end)} equals {@code name}, ignoring ASCII case; no allocation. */
    static boolean equalsIgnoreCase(byte[] bytes, int start, int end, String name) {
        int length = name.length();
        if (end - start != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (c > 0xFF || LOWER[bytes[start + i] & 0xFF] != LOWER[c]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code bytes[start, end)} equals {@code text} exactly (ISO-8859-1); no allocation. */
    static boolean equalsExactly(byte[] bytes, int start, int end, String text) {
        int length = text.length();
        if (end - start != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if ((bytes[start + i] & 0xFF) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether all of {@code bytes[start, end)} are tchars and there is at least one. */
    static boolean isToken(byte[] bytes, int start, int end) {
        if (start >= end) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (!TCHAR[bytes[i] & 0xFF]) {
                return false;
            }
        }
        return true;
    }

    /** Whether every char of {@code text} is a tchar and there is at least one. */
    static boolean isToken(CharSequence text) {
        int length = text.length();
        if (length == 0) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c > 0x7F || !TCHAR[c]) {
                return false;
            }
        }
        return true;
    }

    /** The US-ASCII bytes of a compile-time constant. */
    static byte[] bytes(String constant) {
        byte[] bytes = new byte[constant.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) constant.charAt(i);
        }
        return bytes;
    }
}
