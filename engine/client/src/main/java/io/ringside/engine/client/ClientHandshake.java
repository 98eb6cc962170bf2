package io.ringside.engine.client;

import io.ringside.protocol.deflate.DeflateNegotiation;
import io.ringside.protocol.deflate.DeflateParameters;
import io.ringside.protocol.http.ExtensionOffer;
import io.ringside.protocol.http.HandshakeException;
import io.ringside.protocol.http.HttpStatus;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The client side of the opening handshake (RFC 6455 §4.1): writes the upgrade request with a fresh
 * random key, then reads and checks the server's response.
 *
 * <p>One per connection attempt, used by its I/O thread and dropped once the connection is open.
 */
final class ClientHandshake {
    /** The GUID appended to the key before hashing (RFC 6455 §1.3). */
    static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private static final int KEY_BYTES = 16;
    private static final int DEFAULT_PORT = 80;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String expectedAccept;
    private final List<String> offered;
    private final ResponseHeadParser parser;
    private final int maxErrorBodyBytes;
    private final ByteBuffer request;
    private final boolean deflateOffered;
    private DeflateParameters deflate;
    private ResponseHead refusal;
    private byte[] body;
    private int bodyLength;
    private long bodyExpected;

    ClientHandshake(URI uri, ConnectConfig config) {
        byte[] keyBytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(keyBytes);
        String key = Base64.getEncoder().encodeToString(keyBytes);
        this.expectedAccept = acceptFor(key);
        this.offered = config.subprotocols();
        this.parser = new ResponseHeadParser(config.maxResponseHeadBytes());
        this.maxErrorBodyBytes = config.maxErrorBodyBytes();
        this.deflateOffered = config.deflate();
        this.request = ByteBuffer.wrap(requestText(uri, key, config).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The Sec-WebSocket-Accept value a server must answer to {@code key} (RFC 6455 §4.2.2). */
    static String acceptFor(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + ACCEPT_GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JDK", e);
        }
    }

    /** The permessage-deflate parameters the server agreed to, or {@code null}; known once verified. */
    DeflateParameters deflate() {
        return deflate;
    }

    /** The upgrade request bytes, still to be written from their position. */
    ByteBuffer request() {
        return request;
    }

    /**
     * Consumes response bytes; bytes after a verified head stay in {@code src} (they are frames).
     *
     * @return the negotiated subprotocol ({@code ""} for none) once the 101 response is verified,
     *         {@code null} while more bytes are needed
     * @throws ClientHandshakeException when the server refused or answered wrongly
     */
    String consume(ByteBuffer src) {
        if (refusal == null) {
            if (!parser.consume(src)) {
                return null;
            }
            ResponseHead head = parser.parse();
            if (head.status() == HttpStatus.SWITCHING_PROTOCOLS) {
                return verify(head);
            }
            startRefusal(head);
        }
        collectBody(src);
        if (bodyLength >= bodyExpected) {
            throw refused();
        }
        return null;
    }

    /** The failure to report when the server closed the connection before the handshake ended. */
    ClientHandshakeException failureOnEof() {
        return refusal != null ? refused() : new ClientHandshakeException("server closed the connection"
                + " before answering the upgrade");
    }

    /** The refusal seen so far, to report when the handshake timed out; {@code null} if none. */
    ClientHandshakeException refusalSoFar() {
        return refusal != null ? refused() : null;
    }

    private String verify(ResponseHead head) {
        if (!"websocket".equalsIgnoreCase(head.header("upgrade"))) {
            throw new ClientHandshakeException("101 response without Upgrade: websocket");
        }
        if (!head.headerHasToken("connection", "upgrade")) {
            throw new ClientHandshakeException("101 response without Connection: Upgrade");
        }
        String accept = head.header("sec-websocket-accept");
        if (!expectedAccept.equals(accept)) {
            throw new ClientHandshakeException("bad Sec-WebSocket-Accept: " + accept + ", expected " + expectedAccept);
        }
        String extensions = head.header("sec-websocket-extensions");
        if (extensions != null && !extensions.isEmpty()) {
            if (!deflateOffered) {
                throw new ClientHandshakeException("server selected extensions we did not offer: " + extensions);
            }
            try {
                deflate = DeflateNegotiation.clientAccept(ExtensionOffer.parse(extensions));
            } catch (IllegalArgumentException | HandshakeException e) {
                throw new ClientHandshakeException("bad Sec-WebSocket-Extensions answer: " + e.getMessage());
            }
        }
        String protocol = head.header("sec-websocket-protocol");
        if (protocol == null || protocol.isEmpty()) {
            return "";
        }
        if (!offered.contains(protocol)) {
            throw new ClientHandshakeException("server selected subprotocol " + protocol + ", offered " + offered);
        }
        return protocol;
    }

    private void startRefusal(ResponseHead head) {
        refusal = head;
        long length = head.contentLength();
        boolean chunked = head.header("transfer-encoding") != null;
        // without a length the body ends at EOF (RFC 9112 §6.3); a chunked body is not decoded, so not kept
        bodyExpected = chunked ? 0 : Math.min(length < 0 ? Long.MAX_VALUE : length, maxErrorBodyBytes);
        body = new byte[(int) Math.min(bodyExpected, maxErrorBodyBytes)];
    }

    private void collectBody(ByteBuffer src) {
        int n = Math.min(src.remaining(), body.length - bodyLength);
        src.get(body, bodyLength, n);
        bodyLength += n;
        src.position(src.limit());
    }

    private ClientHandshakeException refused() {
        int status = refusal.status();
        String text = new String(Arrays.copyOf(body, bodyLength), StandardCharsets.ISO_8859_1);
        return new ClientHandshakeException(status, "server refused the upgrade: " + status + " "
                + refusal.reason(), text);
    }

    private static String requestText(URI uri, String key, ConnectConfig config) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        String host = uri.getHost().indexOf(':') >= 0 && !uri.getHost().startsWith("[")
                ? "[" + uri.getHost() + "]" : uri.getHost();
        int port = uri.getPort();
        StringBuilder sb = new StringBuilder(256)
                .append("GET ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(port < 0 || port == DEFAULT_PORT ? "" : ":" + port)
                .append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(key)
                .append("\r\nSec-WebSocket-Version: 13\r\n");
        if (!config.subprotocols().isEmpty()) {
            sb.append("Sec-WebSocket-Protocol: ").append(String.join(", ", config.subprotocols())).append("\r\n");
        }
        if (config.deflate()) {
            // our deflater cannot shrink its window, so the offer has no client_max_window_bits
            sb.append("Sec-WebSocket-Extensions: ").append(DeflateNegotiation.clientOffer(true)).append("\r\n");
        }
        for (Map.Entry<String, String> e : config.headers().entrySet()) {
            sb.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }
}
