package io.ringside.protocol.http;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

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

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long SPACES = 0x2020202020202020L;
    private static final long DELS = 0x7F7F7F7F7F7F7F7FL;

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

    /**
     * The index of the first CTL (0x00-0x1F, 0x7F, HTAB included) in {@code bytes[start, end)}, found
     * eight bytes at a time, or where fewer than eight bytes remain unchecked: the word-at-a-time test
     * of a header value; the caller finishes byte by byte.
     */
    static int skipFieldChars(byte[] bytes, int start, int end) {
        int i = start;
        while (end - i >= Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            // High bit set in a byte below 0x20 or equal to 0x7F (bytes >= 0x80 never match); a borrow
            // can only mark bytes above a real match, so the lowest marked byte is the first CTL.
            long below = (word - SPACES) & ~word & HIGH_BITS;
            long del = word ^ DELS;
            long marks = below | ((del - ONES) & ~del & HIGH_BITS);
            if (marks != 0) {
                return i + (Long.numberOfTrailingZeros(marks) >>> 3);
            }
            i += Long.BYTES;
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

    /**
     * Whether the token {@code bytes[start, end)} equals {@code lowerName}, a name of lowercase letters
     * and '-', ignoring ASCII case, eight bytes at a time. Exact only because tokens hold no CTL: OR-ing
     * 0x20 maps an uppercase letter to its lowercase and '-' to itself, and only CR to '-'.
     */
    static boolean tokenEqualsLowerName(byte[] bytes, int start, int end, byte[] lowerName) {
        int length = lowerName.length;
        if (end - start != length) {
            return false;
        }
        int i = 0;
        for (; length - i >= Long.BYTES; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, start + i) | SPACES;
            if (word != (long) LONGS.get(lowerName, i)) {
                return false;
            }
        }
        for (; i < length; i++) {
            if ((bytes[start + i] | 0x20) != lowerName[i]) {
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
