package io.ringside.engine.transport;

import io.ringside.protocol.http.HandshakeLimits;
import io.ringside.protocol.http.UpgradeRequest;
import io.ringside.protocol.http.UpgradeRequestParser;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Request heads parsed the way the transport parses them, for tests of what reads them. */
final class TestRequests {
    private TestRequests() {
    }

    /**
     * A GET of {@code /} with the given {@code Origin}, {@code Host} and {@code Sec-WebSocket-Protocol}
     * fields, each left out when null (an HTTP/1.0 request when there is no Host).
     */
    static UpgradeRequest request(String origin, String host, String protocols) {
        StringBuilder head = new StringBuilder(host == null ? "GET / HTTP/1.0\r\n" : "GET / HTTP/1.1\r\n");
        if (host != null) {
            head.append("Host: ").append(host).append("\r\n");
        }
        if (origin != null) {
            head.append("Origin: ").append(origin).append("\r\n");
        }
        if (protocols != null) {
            head.append("Sec-WebSocket-Protocol: ").append(protocols).append("\r\n");
        }
        UpgradeRequestParser parser = new UpgradeRequestParser(HandshakeLimits.defaults());
        if (!parser.parse(ByteBuffer.wrap(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1)))) {
            throw new IllegalStateException("incomplete head: " + head);
        }
        return parser.request();
    }
}
