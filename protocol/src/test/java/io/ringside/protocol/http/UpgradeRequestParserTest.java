package io.ringside.protocol.http;

import static io.ringside.protocol.http.Requests.bytes;
import static io.ringside.protocol.http.Requests.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UpgradeRequestParserTest {
    private static final String PLAIN = "GET /healthz HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n\r\n";

    static Stream<String> requests() {
        return Stream.of(Requests.RFC_EXAMPLE, Requests.BROWSER, PLAIN, Requests.bareLf(Requests.BROWSER),
                "\r\n" + Requests.RFC_EXAMPLE,
                Requests.RFC_EXAMPLE.replace("Sec-WebSocket-Version: 13", "Sec-WebSocket-Version: 8"),
                Requests.RFC_EXAMPLE.replace("Upgrade: websocket", "Upgrade : websocket"),
                Requests.BROWSER.replace("Pragma: no-cache", "Pragma: no-cache\r\n  folded"));
    }

    @Test
    void shouldAnswerRfcExampleByteForByteWhenFedWhole() {
        // given
        UpgradeRequestParser parser = new UpgradeRequestParser(HandshakeLimits.defaults());
        ByteBuffer src = ByteBuffer.wrap(bytes(Requests.RFC_EXAMPLE));
        ByteBuffer dst = ByteBuffer.allocate(256);

        // when
        boolean complete = parser.parse(src);
        UpgradeRequest request = parser.request();
        request.validateWebSocketUpgrade();
        UpgradeResponseWriter.writeSwitchingProtocols(dst, request, "chat");

        // then
        assertThat(complete).isTrue();
        assertThat(src.hasRemaining()).isFalse();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/chat");
        assertThat(request.origin()).isEqualTo("http://example.com");
        assertThat(request.subprotocols()).containsExactly("chat", "superchat");
        assertThat(new String(dst.array(), 0, dst.position(), StandardCharsets.US_ASCII))
                .isEqualTo(Requests.RFC_EXAMPLE_RESPONSE);
    }

    @ParameterizedTest
    @MethodSource("requests")
    void shouldGiveSameOutcomeWhenSplitAnywhere(String text) {
        // given
        byte[] bytes = bytes(text);
        HandshakeLimits limits = HandshakeLimits.defaults();
        String whole = outcome(limits, Requests.whole(bytes));

        // when
        String byteByByte = outcome(limits, Requests.oneByteAtATime(bytes));

        // then
        assertThat(whole).doesNotStartWith("incomplete");
        assertThat(byteByByte).isEqualTo(whole);
        for (long seed = 0; seed < 50; seed++) {
            assertThat(outcome(limits, Requests.randomSplits(bytes, seed))).as("seed %d", seed).isEqualTo(whole);
        }
    }

    @Test
    void shouldLeaveBytesAfterHeadInSrcWhenFrameArrivesInSameRead() {
        // given
        byte[] head = bytes(Requests.RFC_EXAMPLE);
        byte[] frame = {(byte) 0x81, (byte) 0x85, 0x37, (byte) 0xfa, 0x21, 0x3d, 0x7f, (byte) 0x9f, 0x4d, 0x51, 0x58};
        ByteBuffer src = ByteBuffer.allocate(head.length + frame.length).put(head).put(frame).flip();
        UpgradeRequestParser parser = new UpgradeRequestParser(HandshakeLimits.defaults());

        // when
        boolean complete = parser.parse(src);

        // then
        assertThat(complete).isTrue();
        assertThat(src.position()).isEqualTo(head.length);
        assertThat(src.remaining()).isEqualTo(frame.length);
        assertThat(src.get(head.length)).isEqualTo((byte) 0x81);
    }

    @Test
    void shouldLeaveBytesAfterHeadInLastReadWhenSplit() {
        // given
        byte[] head = bytes(Requests.BROWSER);
        UpgradeRequestParser parser = new UpgradeRequestParser(HandshakeLimits.defaults());
        ByteBuffer first = ByteBuffer.wrap(head, 0, head.length - 3);
        ByteBuffer second = ByteBuffer.allocate(7).put(head, head.length - 3, 3).put(new byte[] {1, 2, 3, 4}).flip();

        // when
        boolean firstComplete = parser.parse(first);
        boolean secondComplete = parser.parse(second);

        // then
        assertThat(firstComplete).isFalse();
        assertThat(first.hasRemaining()).isFalse();
        assertThat(secondComplete).isTrue();
        assertThat(second.position()).isEqualTo(3);
        assertThat(parser.request().header("cookie")).isEqualTo("session=abc123; theme=dark");
    }

    @Test
    void shouldAcceptBareLfLineEndingsWhenClientOmitsCr() {
        // given
        String text = Requests.bareLf(Requests.RFC_EXAMPLE);

        // when
        String result = outcome(text);

        // then
        assertThat(result).isEqualTo(Requests.RFC_EXAMPLE_RESPONSE);
    }

    @Test
    void shouldParsePlainRequestWhenNoUpgradeIsAsked() {
        // given
        UpgradeRequestParser parser = new UpgradeRequestParser(HandshakeLimits.defaults());

        // when
        boolean complete = parser.parse(ByteBuffer.wrap(bytes("GET /healthz?full=1 HTTP/1.0\r\nAccept: */*\r\n\r\n")));

        // then
        assertThat(complete).isTrue();
        UpgradeRequest request = parser.request();
        assertThat(request.isWebSocketUpgrade()).isFalse();
        assertThat(request.pathEquals("/healthz")).isTrue();
        assertThat(request.query()).isEqualTo("full=1");
        assertThat(request.header("ACCEPT")).isEqualTo("*/*");
        assertThatThrownBy(request::validateWebSocketUpgrade)
                .isInstanceOfSatisfying(HandshakeException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("HTTP/1.1");
    }

    static Stream<Arguments> malformedHeads() {
        String base = "GET / HTTP/1.1\r\nHost: h\r\n";
        return Stream.of(
                Arguments.of("obs-fold", base + "X-A: 1\r\n 2\r\n\r\n", "line folding"),
                Arguments.of("whitespace before first field", "GET / HTTP/1.1\r\n Host: h\r\n\r\n", "line folding"),
                Arguments.of("space before colon", base + "X-A : 1\r\n\r\n", "between header name and colon"),
                Arguments.of("tab before colon", base + "X-A\t: 1\r\n\r\n", "between header name and colon"),
                Arguments.of("name with slash", base + "X/A: 1\r\n\r\n", "not a token"),
                Arguments.of("name with non-ASCII", base + "X\u00e9: 1\r\n\r\n", "not a token"),
                Arguments.of("empty name", base + ": 1\r\n\r\n", "empty header name"),
                Arguments.of("no colon", base + "X-A 1\r\n\r\n", "between header name and colon"),
                Arguments.of("token without colon", base + "X-A\r\n\r\n", "without a colon"),
                Arguments.of("bare CR in value", base + "X-A: 1\r2\r\n\r\n", "control character"),
                Arguments.of("NUL in value", base + "X-A: 1\u00002\r\n\r\n", "control character"),
                Arguments.of("lowercase http", "GET / http/1.1\r\nHost: h\r\n\r\n", "HTTP version"),
                Arguments.of("HTTP/2.0", "GET / HTTP/2.0\r\nHost: h\r\n\r\n", "unsupported HTTP version"),
                Arguments.of("two spaces", "GET  / HTTP/1.1\r\nHost: h\r\n\r\n", "request target"),
                Arguments.of("no version", "GET /\r\nHost: h\r\n\r\n", "request target"),
                Arguments.of("bad method", "G(T / HTTP/1.1\r\nHost: h\r\n\r\n", "method token"),
                Arguments.of("missing Host", "GET / HTTP/1.1\r\nX-A: 1\r\n\r\n", "missing Host"),
                Arguments.of("repeated Host", base + "Host: h\r\n\r\n", "repeated Host"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedHeads")
    void shouldRefuseWith400WhenHeadIsMalformed(String name, String text, String reason) {
        // given
        UpgradeRequestParser parser = new UpgradeRequestParser(HandshakeLimits.defaults());

        // when / then
        assertThatThrownBy(() -> parser.parse(ByteBuffer.wrap(bytes(text))))
                .isInstanceOfSatisfying(HandshakeException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining(reason);
        assertThat(Requests.outcomeOfEverySplit(HandshakeLimits.defaults(), text)).startsWith("400 ");
    }

    @Test
    void shouldRethrowUntilResetWhenParserFailed() {
        // given
        UpgradeRequestParser parser = new UpgradeRequestParser(HandshakeLimits.defaults());
        HandshakeException first = catchHandshake(parser, "GET / HTTP/1.1\r\nX A: 1\r\n\r\n");

        // when
        HandshakeException again = catchHandshake(parser, PLAIN);
        parser.reset();
        boolean complete = parser.parse(ByteBuffer.wrap(bytes(PLAIN)));

        // then
        assertThat(again).isSameAs(first);
        assertThat(complete).isTrue();
        assertThat(parser.request().path()).isEqualTo("/healthz");
    }

    @Test
    void shouldConsumeNothingWhenHeadAlreadyComplete() {
        // given
        UpgradeRequestParser parser = new UpgradeRequestParser(HandshakeLimits.defaults());
        parser.parse(ByteBuffer.wrap(bytes(PLAIN)));
        ByteBuffer next = ByteBuffer.wrap(new byte[] {1, 2});

        // when
        boolean complete = parser.parse(next);

        // then
        assertThat(complete).isTrue();
        assertThat(next.position()).isZero();
    }

    @Test
    void shouldRefuseRequestAccessWhenHeadIncomplete() {
        // given
        UpgradeRequestParser parser = new UpgradeRequestParser(HandshakeLimits.defaults());

        // when
        boolean complete = parser.parse(ByteBuffer.wrap(bytes("GET / HTTP/1.1\r\nHost: h\r\n")));

        // then
        assertThat(complete).isFalse();
        assertThatThrownBy(parser::request).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldParseAnotherRequestWhenReset() {
        // given
        UpgradeRequestParser parser = new UpgradeRequestParser(HandshakeLimits.defaults());
        parser.parse(ByteBuffer.wrap(bytes(Requests.BROWSER)));
        parser.request().validateWebSocketUpgrade();

        // when
        parser.reset();
        boolean complete = parser.parse(ByteBuffer.wrap(bytes(PLAIN)));

        // then
        assertThat(complete).isTrue();
        UpgradeRequest request = parser.request();
        assertThat(request.isWebSocketUpgrade()).isFalse();
        assertThat(request.headerCount()).isEqualTo(2);
        assertThat(request.cookie("session")).isNull();
        assertThatThrownBy(() -> request.writeAcceptKey(ByteBuffer.allocate(28)))
                .isInstanceOf(IllegalStateException.class);
    }

    private static HandshakeException catchHandshake(UpgradeRequestParser parser, String text) {
        try {
            parser.parse(ByteBuffer.wrap(bytes(text)));
        } catch (HandshakeException e) {
            return e;
        }
        throw new AssertionError("no HandshakeException for " + text);
    }
}
