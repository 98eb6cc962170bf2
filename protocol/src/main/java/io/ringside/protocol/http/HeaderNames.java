package io.ringside.protocol.http;

/**
 * The header fields the handshake looks at, and the classification of a header name among them by
 * a switch on its length plus one word-at-a-time compare.
 *
 * <p>The compare folds case only where the known name has a letter and needs every other byte
 * ('-') to match exactly, so it is exact for any bytes: a CR, which OR 0x20 turns into '-', matches
 * nothing.
 */
final class HeaderNames {
    static final byte OTHER = 0;
    static final byte HOST = 1;
    static final byte UPGRADE = 2;
    static final byte CONNECTION = 3;
    static final byte KEY = 4;
    static final byte VERSION = 5;
    static final byte PROTOCOL = 6;
    static final byte EXTENSIONS = 7;
    static final byte ORIGIN = 8;
    static final byte COOKIE = 9;
    static final byte CONTENT_LENGTH = 10;
    static final byte TRANSFER_ENCODING = 11;

    private static final KnownName HOST_NAME = new KnownName("host", HOST);
    private static final KnownName UPGRADE_NAME = new KnownName("upgrade", UPGRADE);
    private static final KnownName CONNECTION_NAME = new KnownName("connection", CONNECTION);
    private static final KnownName KEY_NAME = new KnownName("sec-websocket-key", KEY);
    private static final KnownName VERSION_NAME = new KnownName("sec-websocket-version", VERSION);
    private static final KnownName PROTOCOL_NAME = new KnownName("sec-websocket-protocol", PROTOCOL);
    private static final KnownName EXTENSIONS_NAME = new KnownName("sec-websocket-extensions", EXTENSIONS);
    private static final KnownName ORIGIN_NAME = new KnownName("origin", ORIGIN);
    private static final KnownName COOKIE_NAME = new KnownName("cookie", COOKIE);
    private static final KnownName CONTENT_LENGTH_NAME = new KnownName("content-length", CONTENT_LENGTH);
    private static final KnownName TRANSFER_ENCODING_NAME = new KnownName("transfer-encoding", TRANSFER_ENCODING);

    private HeaderNames() {
    }

    /** The known name of each length, or null; for 6 and 17 the one of two that starts with 'o' / 's'. */
    private static final KnownName[] BY_LENGTH = new KnownName[25];
    /** The other known name of the same length, or null. */
    private static final KnownName[] ALTERNATIVE = new KnownName[25];

    static {
        for (KnownName name : new KnownName[] {HOST_NAME, UPGRADE_NAME, CONNECTION_NAME, KEY_NAME, VERSION_NAME,
                PROTOCOL_NAME, EXTENSIONS_NAME, CONTENT_LENGTH_NAME}) {
            BY_LENGTH[name.length] = name;
        }
        BY_LENGTH[ORIGIN_NAME.length] = ORIGIN_NAME;
        ALTERNATIVE[COOKIE_NAME.length] = COOKIE_NAME;
        ALTERNATIVE[TRANSFER_ENCODING_NAME.length] = TRANSFER_ENCODING_NAME;
    }

    /**
     * The kind of the header named {@code bytes[start, end)} (any bytes), or {@link #OTHER} when not
     * one we track, ignoring ASCII case.
     */
    static byte classify(byte[] bytes, int start, int end) {
        int length = end - start;
        if (length >= BY_LENGTH.length) {
            return OTHER;
        }
        KnownName name = BY_LENGTH[length];
        if (name == null) {
            return OTHER;
        }
        KnownName other = ALTERNATIVE[length];
        if (other != null && (bytes[start] | 0x20) != name.first) {
            name = other;
        }
        return name.match(bytes, start) ? name.kind : OTHER;
    }

    /**
     * One known name as little-endian words to compare against: the words at 0, 8, ... and, for a
     * length that is not a multiple of eight, a last word ending at the name's end (overlapping the
     * one before); a name shorter than eight bytes is one word whose bytes past the name are ignored.
     */
    private static final class KnownName {
        private final byte[] lower;
        private final int length;
        private final byte first;
        private final byte kind;
        private final long[] words = new long[3];
        private final long[] folds = new long[3];
        private final int[] offsets = new int[3];
        private final long keep;

        KnownName(String lowerName, byte kind) {
            this.lower = Ascii.bytes(lowerName);
            this.length = lower.length;
            this.first = lower[0];
            this.kind = kind;
            for (int w = 0; w < words.length; w++) {
                int at = length < Long.BYTES ? 0 : Math.min(w * Long.BYTES, length - Long.BYTES);
                offsets[w] = at;
                for (int b = 0; b < Long.BYTES && at + b < length; b++) {
                    byte c = lower[at + b];
                    words[w] |= (long) (c & 0xFF) << (b * Byte.SIZE);
                    folds[w] |= (long) (isLetter(c) ? 0x20 : 0) << (b * Byte.SIZE);
                }
            }
            keep = length < Long.BYTES ? (1L << (length * Byte.SIZE)) - 1 : -1L;
        }

        /** Whether {@code bytes[start, start + length)} is this name in any case. */
        boolean match(byte[] bytes, int start) {
            if (start + Math.max(length, Long.BYTES) > bytes.length) {
                return matchBytes(bytes, start);
            }
            long diff = ((AsciiScan.word(bytes, start + offsets[0]) | folds[0]) ^ words[0])
                    | ((AsciiScan.word(bytes, start + offsets[1]) | folds[1]) ^ words[1])
                    | ((AsciiScan.word(bytes, start + offsets[2]) | folds[2]) ^ words[2]);
            return (diff & keep) == 0;
        }

        private boolean matchBytes(byte[] bytes, int start) {
            for (int i = 0; i < length; i++) {
                byte c = lower[i];
                byte b = bytes[start + i];
                if ((isLetter(c) ? b | 0x20 : b) != c) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isLetter(byte c) {
            return c >= 'a' && c <= 'z';
        }
    }
}
