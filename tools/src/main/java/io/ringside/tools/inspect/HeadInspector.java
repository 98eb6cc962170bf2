package io.ringside.tools.inspect;

import io.ringside.protocol.http.HandshakeException;
import io.ringside.protocol.http.HandshakeLimits;
import io.ringside.protocol.http.UpgradeRequest;
import io.ringside.protocol.http.UpgradeRequestParser;
import io.ringside.tools.client.ClientHandshake;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads the HTTP head at the start of a stream and reports it: the upgrade request checked as a
 * Ringside server would (RFC 6455 §4.2.1, refusals with their HTTP status), or the response checked
 * as a client would (101, Upgrade, Connection, and the accept value when the key is known, §4.1).
 */
final class HeadInspector {
    static final int MORE = 0;
    static final int SWITCH_TO_FRAMES = 1;
    static final int STOP = 2;

    private static final int MAX_HEAD_BYTES = 64 << 10;
    private static final int LF_LF = 0x0A0A;
    private static final int CRLF_CRLF = 0x0D0A0D0A;
    private static final int SWITCHING_PROTOCOLS = 101;

    private final boolean request;
    private final Consumer<String> out;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int last4;
    private String key;
    private String expectedAccept;
    private int problems;

    HeadInspector(boolean request, Consumer<String> out) {
        this.request = request;
        this.out = out;
    }

    void expectAcceptFor(String webSocketKey) {
        this.expectedAccept = webSocketKey == null ? null : ClientHandshake.acceptFor(webSocketKey);
    }

    String webSocketKey() {
        return key;
    }

    int problems() {
        return problems;
    }

    /** Takes the next byte; says whether the head goes on, ended in an upgrade, or ended otherwise. */
    int accept(byte b) {
        bytes.write(b);
        last4 = last4 << 8 | (b & 0xFF);
        if ((last4 & 0xFFFF) == LF_LF || last4 == CRLF_CRLF) {
            return request ? request(bytes.toByteArray()) : response(bytes.toByteArray());
        }
        if (bytes.size() >= MAX_HEAD_BYTES) {
            out.accept("HTTP head over " + MAX_HEAD_BYTES + " bytes without an end: not a handshake");
            problems++;
            return STOP;
        }
        return MORE;
    }

    private int request(byte[] head) {
        printHead("HTTP request", head);
        UpgradeRequestParser parser = new UpgradeRequestParser(HandshakeLimits.builder()
                .maxHeadBytes(MAX_HEAD_BYTES).build());
        try {
            parser.parse(ByteBuffer.wrap(head));
            UpgradeRequest upgrade = parser.request();
            key = upgrade.header("Sec-WebSocket-Key");
            upgrade.validateWebSocketUpgrade();
            out.accept("  => valid WebSocket upgrade request (RFC 6455 §4.2.1)");
        } catch (HandshakeException e) {
            out.accept("  => HANDSHAKE REFUSED: a server answers HTTP " + e.status() + ": " + e.getMessage());
            problems++;
        }
        return SWITCH_TO_FRAMES;
    }

    private int response(byte[] head) {
        String[] lines = printHead("HTTP response", head);
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/") || !isNumber(status[1])) {
            out.accept("  => MALFORMED status line");
            problems++;
            return STOP;
        }
        if (Integer.parseInt(status[1]) != SWITCHING_PROTOCOLS) {
            out.accept("  => upgrade REFUSED with HTTP " + status[1] + "; what follows is the response body");
            problems++;
            return STOP;
        }
        String problem = checkSwitch(lines);
        if (problem != null) {
            out.accept("  => BAD 101 response: " + problem + " (a client fails the connection, RFC 6455 §4.1)");
            problems++;
            return STOP;
        }
        out.accept("  => switching to WebSocket" + (expectedAccept != null ? " (accept value matches the key)" : ""));
        return SWITCH_TO_FRAMES;
    }

    private String checkSwitch(String[] lines) {
        String upgrade = header(lines, "upgrade");
        String connection = header(lines, "connection");
        String accept = header(lines, "sec-websocket-accept");
        if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
            return "Upgrade is " + upgrade + ", not websocket";
        }
        if (connection == null || !connection.toLowerCase(Locale.ROOT).contains("upgrade")) {
            return "Connection is " + connection + ", without the Upgrade token";
        }
        if (accept == null) {
            return "no Sec-WebSocket-Accept";
        }
        if (expectedAccept != null && !expectedAccept.equals(accept)) {
            return "Sec-WebSocket-Accept " + accept + " does not match the key (expected " + expectedAccept + ")";
        }
        return null;
    }

    private String[] printHead(String what, byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1).strip();
        String[] lines = text.split("\r?\n");
        out.accept(what + " (" + head.length + " bytes)");
        for (String line : lines) {
            out.accept("  | " + line);
        }
        return lines;
    }

    private static String header(String[] lines, String name) {
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).trim().equalsIgnoreCase(name)) {
                return lines[i].substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
