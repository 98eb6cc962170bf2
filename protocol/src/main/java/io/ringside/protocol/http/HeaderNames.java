package io.ringside.protocol.http;

/**
 * The header fields the handshake looks at, as lowercase bytes, and their classification by a
 * length switch plus one case-folding compare.
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

    private static final byte[] HOST_NAME = Ascii.bytes("host");
    private static final byte[] UPGRADE_NAME = Ascii.bytes("upgrade");
    private static final byte[] CONNECTION_NAME = Ascii.bytes("connection");
    private static final byte[] KEY_NAME = Ascii.bytes("sec-websocket-key");
    private static final byte[] VERSION_NAME = Ascii.bytes("sec-websocket-version");
    private static final byte[] PROTOCOL_NAME = Ascii.bytes("sec-websocket-protocol");
    private static final byte[] EXTENSIONS_NAME = Ascii.bytes("sec-websocket-extensions");
    private static final byte[] ORIGIN_NAME = Ascii.bytes("origin");
    private static final byte[] COOKIE_NAME = Ascii.bytes("cookie");
    private static final byte[] CONTENT_LENGTH_NAME = Ascii.bytes("content-length");
    private static final byte[] TRANSFER_ENCODING_NAME = Ascii.bytes("transfer-encoding");

    private HeaderNames() {
    }

    /**
     * The kind of the header named {@code bytes[start, end)}, a token, or {@link #OTHER} when not one
     * we track.
     */
    static byte classify(byte[] bytes, int start, int end) {
        switch (end - start) {
            case 4:
                return match(bytes, start, end, HOST_NAME, HOST);
            case 6:
                return (bytes[start] | 0x20) == 'o'
                        ? match(bytes, start, end, ORIGIN_NAME, ORIGIN)
                        : match(bytes, start, end, COOKIE_NAME, COOKIE);
            case 7:
                return match(bytes, start, end, UPGRADE_NAME, UPGRADE);
            case 10:
                return match(bytes, start, end, CONNECTION_NAME, CONNECTION);
            case 14:
                return match(bytes, start, end, CONTENT_LENGTH_NAME, CONTENT_LENGTH);
            case 17:
                return (bytes[start] | 0x20) == 's'
                        ? match(bytes, start, end, KEY_NAME, KEY)
                        : match(bytes, start, end, TRANSFER_ENCODING_NAME, TRANSFER_ENCODING);
            case 21:
                return match(bytes, start, end, VERSION_NAME, VERSION);
            case 22:
                return match(bytes, start, end, PROTOCOL_NAME, PROTOCOL);
            case 24:
                return match(bytes, start, end, EXTENSIONS_NAME, EXTENSIONS);
            default:
                return OTHER;
        }
    }

    private static byte match(byte[] bytes, int start, int end, byte[] lowerName, byte kind) {
        return Ascii.tokenEqualsLowerName(bytes, start, end, lowerName) ? kind : OTHER;
    }
}
