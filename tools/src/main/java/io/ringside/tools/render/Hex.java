package io.ringside.tools.render;

import java.util.Locale;

/**
 * Hex formatting and parsing for the tools' input and output: {@code "81 05 48 65"}.
 *
 * <p>Stateless; any thread.
 */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** {@code bytes[offset, offset + length)} as lowercase hex pairs separated by single spaces. */
    public static String format(byte[] bytes, int offset, int length) {
        StringBuilder out = new StringBuilder(length * 3);
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            int b = bytes[offset + i] & 0xFF;
            out.append(DIGITS[b >>> 4]).append(DIGITS[b & 0xF]);
        }
        return out.toString();
    }

    /** A 32-bit value as eight hex digits, e.g. a masking key {@code 37fa213d}. */
    public static String formatInt(int value) {
        return String.format(Locale.ROOT, "%08x", value);
    }

    /**
     * Parses hex digits in pairs; whitespace, commas, colons and {@code 0x} prefixes between bytes are
     * ignored, so {@code "8105 48"}, {@code "0x81, 0x05"} and {@code "81:05"} all parse.
     *
     * @throws IllegalArgumentException on any other character or an odd number of digits
     */
    public static byte[] parse(CharSequence text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '0' && i + 1 < text.length() && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X')
                    && (digits.length() & 1) == 0 && isByteStart(text, i)) {
                i++;
            } else if (Character.digit(c, 16) >= 0) {
                digits.append(c);
            } else if (!Character.isWhitespace(c) && c != ',' && c != ':') {
                throw new IllegalArgumentException("not a hex digit: '" + c + "' at index " + i);
            }
        }
        if ((digits.length() & 1) != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + digits.length());
        }
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (Character.digit(digits.charAt(2 * i), 16) << 4
                    | Character.digit(digits.charAt(2 * i + 1), 16));
        }
        return bytes;
    }

    private static boolean isByteStart(CharSequence text, int i) {
        return i == 0 || !isHexDigit(text.charAt(i - 1));
    }

    private static boolean isHexDigit(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
