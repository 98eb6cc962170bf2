package io.ringside.tools.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The client's opening handshake (RFC 6455 §4.1) done in the open, so that the tool can show the
 * request and response heads as sent: builds the request, reads the response head, checks it.
 */
public final class ClientHandshake {
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_RESPONSE_HEAD_BYTES = 16 << 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String key;
    private final String request;

    ClientHandshake(URI uri, List<String> subprotocols, Map<String, String> headers) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        this.key = Base64.getEncoder().encodeToString(nonce);
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder r = new StringBuilder();
        r.append("GET ").append(path).append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                .append(" HTTP/1.1\r\nHost: ").append(uri.getHost()).append(port == 80 ? "" : ":" + port)
                .append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ").append(key)
                .append("\r\nSec-WebSocket-Version: 13\r\n");
        if (!subprotocols.isEmpty()) {
            r.append("Sec-WebSocket-Protocol: ").append(String.join(", ", subprotocols)).append("\r\n");
        }
        headers.forEach((name, value) -> r.append(name).append(": ").append(value).append("\r\n"));
        this.request = r.append("\r\n").toString();
    }

    /** The {@code Sec-WebSocket-Accept} value a server answers to {@code key} (RFC 6455 §4.2.2). */
    public static String acceptFor(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return Base64.getEncoder().encodeToString(
                    sha1.digest((key + ACCEPT_GUID).getBytes(StandardCharsets.ISO_8859_1)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-1", e);
        }
    }

    String request() {
        return request;
    }

    /** Reads the response head (status line and fields, without the blank line) from {@code in}. */
    static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int total = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection during the handshake");
            }
            if (++total > MAX_RESPONSE_HEAD_BYTES) {
                throw new IOException("response head over " + MAX_RESPONSE_HEAD_BYTES + " bytes");
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    end--;
                }
                if (end == 0) {
                    return lines;
                }
                lines.add(line.substring(0, end));
                line.setLength(0);
            } else {
                line.append((char) b);
            }
        }
    }

    /** What is wrong with the response head, or {@code null} if it accepts the upgrade. */
    String check(List<String> head) {
        String[] status = head.isEmpty() ? new String[0] : head.get(0).split(" ", 3);
        if (status.length < 2 || !"101".equals(status[1])) {
            return "upgrade refused: " + (head.isEmpty() ? "empty response" : head.get(0));
        }
        if (!"websocket".equalsIgnoreCase(header(head, "upgrade"))) {
            return "101 response without Upgrade: websocket";
        }
        String connection = header(head, "connection");
        if (connection == null || !connection.toLowerCase(Locale.ROOT).contains("upgrade")) {
            return "101 response without Connection: Upgrade";
        }
        String accept = header(head, "sec-websocket-accept");
        if (!acceptFor(key).equals(accept)) {
            return "bad Sec-WebSocket-Accept " + accept + " (expected " + acceptFor(key) + ")";
        }
        return null;
    }

    static String header(List<String> head, String name) {
        for (int i = 1; i < head.size(); i++) {
            String line = head.get(i);
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
