package io.ringside.protocol.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one {@code Sec-WebSocket-Extensions} field value into {@link ExtensionOffer}s per the
 * RFC 6455 §9.1 grammar:
 *
 * <pre>
 * extension-list  = 1#extension
 * extension       = extension-token *( ";" extension-param )
 * extension-param = token [ "=" (token | quoted-string) ]
 * </pre>
 *
 * <p>Optional whitespace is allowed around separators; a quoted value is unescaped and must then be a
 * token (§9.1). A repeated parameter is grammatical: the offer records it and the extension
 * decides. Used off the hot path, by {@link UpgradeRequest#extensions()}; allocates freely.
 */
final class ExtensionOfferParser {
    private final byte[] bytes;
    private final int end;
    private int pos;

    private ExtensionOfferParser(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.pos = start;
        this.end = end;
    }

    /** Adds the offers in {@code bytes[start, end)} to {@code out}; 400 when malformed. */
    static void parse(byte[] bytes, int start, int end, List<ExtensionOffer> out) {
        new ExtensionOfferParser(bytes, start, end).parseList(out);
    }

    private void parseList(List<ExtensionOffer> out) {
        while (true) {
            skipOws();
            if (pos == end) {
                return;
            }
            if (bytes[pos] == Ascii.COMMA) {
                pos++;
                continue;
            }
            out.add(parseExtension());
            skipOws();
            if (pos < end && bytes[pos] != Ascii.COMMA) {
                throw malformed("expected ',' or ';'");
            }
        }
    }

    private ExtensionOffer parseExtension() {
        String name = token("extension name");
        Map<String, String> parameters = new LinkedHashMap<>();
        boolean repeats = false;
        while (true) {
            skipOws();
            if (pos == end || bytes[pos] != Ascii.SEMICOLON) {
                return new ExtensionOffer(name, Collections.unmodifiableMap(parameters), repeats);
            }
            pos++;
            skipOws();
            String parameter = token("parameter name");
            skipOws();
            String value = "";
            if (pos < end && bytes[pos] == Ascii.EQUALS) {
                pos++;
                skipOws();
                value = pos < end && bytes[pos] == Ascii.DQUOTE ? quoted() : token("parameter value");
            }
            repeats |= parameters.putIfAbsent(parameter, value) != null;
        }
    }

    private String token(String what) {
        int start = pos;
        while (pos < end && Ascii.isTchar(bytes[pos])) {
            pos++;
        }
        if (pos == start) {
            throw malformed("expected a token as " + what);
        }
        return new String(bytes, start, pos - start, StandardCharsets.US_ASCII);
    }

    private String quoted() {
        pos++;
        StringBuilder value = new StringBuilder();
        while (pos < end) {
            byte b = bytes[pos++];
            if (b == Ascii.DQUOTE) {
                if (!Ascii.isToken(value)) {
                    throw malformed("quoted parameter value is not a token");
                }
                return value.toString();
            }
            if (b == Ascii.BACKSLASH) {
                if (pos == end) {
                    break;
                }
                b = bytes[pos++];
            }
            value.append((char) (b & 0xFF));
        }
        throw malformed("unterminated quoted-string");
    }

    private void skipOws() {
        while (pos < end && Ascii.isOws(bytes[pos])) {
            pos++;
        }
    }

    private static HandshakeException malformed(String detail) {
        return new HandshakeException(HttpStatus.BAD_REQUEST, "malformed Sec-WebSocket-Extensions: " + detail);
    }
}
