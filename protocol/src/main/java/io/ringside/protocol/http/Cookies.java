package io.ringside.protocol.http;

/**
 * Finds a cookie in a {@code Cookie} field value ({@code a=1; b=2}, RFC 6265 §4.2.1) without
 * allocating until it matches.
 */
final class Cookies {
    private Cookies() {
    }

    /**
     * The value of cookie {@code name} (case-sensitive, RFC 6265 §5.3) in {@code head}'s bytes
     * {@code [start, end)}, as sent (a quoted value keeps its quotes); {@code null} when absent.
     */
    static String find(RequestHead head, int start, int end, String name) {
        byte[] bytes = head.bytes;
        int i = start;
        while (i < end) {
            byte b = bytes[i];
            if (b == Ascii.SEMICOLON || Ascii.isOws(b)) {
                i++;
                continue;
            }
            int pairStart = i;
            int equals = -1;
            while (i < end && bytes[i] != Ascii.SEMICOLON) {
                if (equals < 0 && bytes[i] == Ascii.EQUALS) {
                    equals = i;
                }
                i++;
            }
            if (equals > 0
                    && Ascii.equalsExactly(bytes, pairStart, FieldList.trimEnd(bytes, pairStart, equals), name)) {
                int valueStart = equals + 1;
                while (valueStart < i && Ascii.isOws(bytes[valueStart])) {
                    valueStart++;
                }
                return head.text(valueStart, FieldList.trimEnd(bytes, valueStart, i));
            }
        }
        return null;
    }
}
