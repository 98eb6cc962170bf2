package io.ringside.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Sample request heads and ways to feed them to a parser, shared by the handshake tests. */
final class Requests {
    /** The client handshake of RFC 6455 §1.3 / §4.1. */
    static final String RFC_EXAMPLE = "GET /chat HTTP/1.1\r\n"
            + "Host: server.example.com\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Origin: http://example.com\r\n"
            + "Sec-WebSocket-Protocol: chat, superchat\r\n"
            + "Sec-WebSocket-Version: 13\r\n"
            + "\r\n";

    /** The server's answer to {@link #RFC_EXAMPLE} choosing "chat" (RFC 6455 §1.3). */
    static final String RFC_EXAMPLE_RESPONSE = "HTTP/1.1 101 Switching Protocols\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
            + "Sec-WebSocket-Protocol: chat\r\n"
            + "\r\n";

    /** What a current desktop browser sends: 13 fields, mixed-case list values, cookies, extensions. */
    static final String BROWSER = "GET /arena?room=7&team=red HTTP/1.1\r\n"
            + "Host: play.example.com:8443\r\n"
            + "Connection: keep-alive, Upgrade\r\n"
            + "Pragma: no-cache\r\n"
            + "Cache-Control: no-cache\r\n"
            + "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36\r\n"
            + "Upgrade: websocket\r\n"
            + "Origin: https://play.example.com\r\n"
            + "Sec-WebSocket-Version: 13\r\n"
            + "Accept-Encoding: gzip, deflate, br, zstd\r\n"
            + "Accept-Language: en-GB,en;q=0.9\r\n"
            + "Cookie: session=abc123; theme=dark\r\n"
            + "Sec-WebSocket-Key: x3JJHMbDL1EzLkh9GBhXDw==\r\n"
            + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
            + "\r\n";

    private Requests() {
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A copy of {@code text} with every CRLF replaced by a bare LF. */
    static String bareLf(String text) {
        return text.replace("\r\n", "\n");
    }

    /** {@code bytes} as one read. */
    static List<ByteBuffer> whole(byte[] bytes) {
        return List.of(ByteBuffer.wrap(bytes.clone()));
    }

    /** {@code bytes} as one read per byte. */
    static List<ByteBuffer> oneByteAtATime(byte[] bytes) {
        List<ByteBuffer> reads = new ArrayList<>();
        for (byte b : bytes) {
            reads.add(ByteBuffer.wrap(new byte[] {b}));
        }
        return reads;
    }

    /** {@code bytes} cut at random points chosen by {@code seed}, some reads empty. */
    static List<ByteBuffer> randomSplits(byte[] bytes, long seed) {
        Random random = new Random(seed);
        List<ByteBuffer> reads = new ArrayList<>();
        int i = 0;
        while (i < bytes.length) {
            int length = Math.min(bytes.length - i, random.nextInt(Math.max(2, bytes.length / 3)));
            ByteBuffer read = ByteBuffer.allocateDirect(length);
            read.put(bytes, i, length).flip();
            reads.add(read);
            i += length;
        }
        return reads;
    }

    /**
     * Feeds {@code reads} until the head is complete; returns the read that completed it (its
     * position just past the head) or {@code null} when the reads ran out first.
     */
    static ByteBuffer feed(UpgradeRequestParser parser, List<ByteBuffer> reads) {
        for (ByteBuffer read : reads) {
            if (parser.parse(read)) {
                return read;
            }
        }
        return null;
    }

    /**
     * The whole handshake as text: the 101 response (choosing the first offered subprotocol), or
     * {@code "plain <method> <path>"} for a request without upgrade, or {@code "<status> <reason>"}
     * for a refusal, or {@code "incomplete"}.
     */
    static String outcome(HandshakeLimits limits, List<ByteBuffer> reads) {
        UpgradeRequestParser parser = new UpgradeRequestParser(limits);
        try {
            if (feed(parser, reads) == null) {
                return "incomplete";
            }
            UpgradeRequest request = parser.request();
            if (!request.isWebSocketUpgrade()) {
                return "plain " + request.method() + " " + request.path();
            }
            request.validateWebSocketUpgrade();
            List<String> protocols = request.subprotocols();
            ByteBuffer response = ByteBuffer.allocate(512);
            UpgradeResponseWriter.writeSwitchingProtocols(response, request,
                    protocols.isEmpty() ? null : protocols.get(0));
            return new String(response.array(), 0, response.position(), StandardCharsets.US_ASCII);
        } catch (HandshakeException e) {
            return e.status() + " " + e.getMessage();
        }
    }

    static String outcome(String text) {
        return outcome(HandshakeLimits.defaults(), whole(bytes(text)));
    }

    /** The {@link #outcome} of {@code text} fed whole, after checking that every way of cutting it agrees. */
    static String outcomeOfEverySplit(HandshakeLimits limits, String text) {
        byte[] bytes = bytes(text);
        String whole = outcome(limits, whole(bytes));
        assertThat(outcome(limits, oneByteAtATime(bytes))).as("one byte at a time").isEqualTo(whole);
        for (long seed = 0; seed < 20; seed++) {
            assertThat(outcome(limits, randomSplits(bytes, seed))).as("split with seed %d", seed).isEqualTo(whole);
        }
        return whole;
    }
}
