package io.ringside.benchmarks.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The opening-handshake requests the handshake benchmark answers, and their expected
 * {@code Sec-WebSocket-Accept} (RFC 6455 §4.2.2), computed the plain way.
 */
final class HandshakeRequests {
    /** RFC 6455 §4.2.2: appended to the key before hashing. */
    static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** RFC 6455 §1.3, byte for byte (8 lines, subprotocols offered). */
    static final String RFC = "GET /chat HTTP/1.1\r\n"
            + "Host: server.example.com\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Origin: http://example.com\r\n"
            + "Sec-WebSocket-Protocol: chat, superchat\r\n"
            + "Sec-WebSocket-Version: 13\r\n"
            + "\r\n";

    /** What Chrome 131 on Windows sends to a game server, in its header order, with a few cookies. */
    static final String BROWSER = "GET /arena?room=lobby-7 HTTP/1.1\r\n"
            + "Host: play.example.com\r\n"
            + "Connection: Upgrade\r\n"
            + "Pragma: no-cache\r\n"
            + "Cache-Control: no-cache\r\n"
            + "User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36\r\n"
            + "Upgrade: websocket\r\n"
            + "Origin: https://play.example.com\r\n"
            + "Sec-WebSocket-Version: 13\r\n"
            + "Accept-Encoding: gzip, deflate, br, zstd\r\n"
            + "Accept-Language: en-US,en;q=0.9,de;q=0.8\r\n"
            + "Cookie: session=7f3c9a1e5b2d4c8fa06e1d2b3c4a5f60; theme=dark; _ga=GA1.1.1234567890.1732147200;"
            + " consent=analytics%3Dfalse\r\n"
            + "Sec-WebSocket-Key: x3JJHMbDL1EzLkh9GBhXDw==\r\n"
            + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
            + "\r\n";

    private static final String KEY_FIELD = "Sec-WebSocket-Key: ";
    private static final String ACCEPT_FIELD = "sec-websocket-accept:";

    private HandshakeRequests() {
    }

    /** The request text for a benchmark parameter value: {@code rfc} or {@code browser}. */
    static String byName(String name) {
        switch (name) {
            case "rfc": return RFC;
            case "browser": return BROWSER;
            default: throw new IllegalArgumentException("request=" + name + " (rfc or browser)");
        }
    }

    /** Offset of the 24-character key value inside {@code request}. */
    static int keyOffset(String request) {
        return request.indexOf(KEY_FIELD) + KEY_FIELD.length();
    }

    /** The expected accept value for {@code request}'s key. */
    static String expectedAccept(String request) throws NoSuchAlgorithmException {
        String key = request.substring(keyOffset(request), keyOffset(request) + 24);
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
        return Base64.getEncoder().encodeToString(sha1);
    }

    /** Throws unless {@code response} is a 101 whose {@code Sec-WebSocket-Accept} matches {@code request}. */
    static void requireAccepted(byte[] response, String request, String who) throws NoSuchAlgorithmException {
        String text = new String(response, StandardCharsets.US_ASCII);
        String expected = expectedAccept(request);
        String accept = null;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith(ACCEPT_FIELD)) {
                accept = line.substring(ACCEPT_FIELD.length()).trim();
            }
        }
        if (!text.startsWith("HTTP/1.1 101") || !text.endsWith("\r\n\r\n") || !expected.equals(accept)) {
            throw new IllegalStateException(who + " answered wrongly (expected accept " + expected + "):\n" + text);
        }
    }
}
