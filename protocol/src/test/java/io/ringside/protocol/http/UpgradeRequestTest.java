package io.ringside.protocol.http;

import static io.ringside.protocol.http.Requests.RFC_EXAMPLE;
import static io.ringside.protocol.http.Requests.bytes;
import static io.ringside.protocol.http.Requests.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UpgradeRequestTest {
    private static final String ACCEPTED = "HTTP/1.1 101";

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("POST", RFC_EXAMPLE.replace("GET /chat", "POST /chat"), 400, "method must be GET"),
                Arguments.of("lowercase get", RFC_EXAMPLE.replace("GET /chat", "get /chat"), 400, "method must be GET"),
                Arguments.of("HTTP/1.0", RFC_EXAMPLE.replace("HTTP/1.1", "HTTP/1.0"), 400, "HTTP/1.1 or later"),
                Arguments.of("asterisk target", RFC_EXAMPLE.replace("/chat", "*"), 400, "request target"),
                Arguments.of("missing Host", RFC_EXAMPLE.replace("Host: server.example.com\r\n", ""), 400,
                        "missing Host"),
                Arguments.of("repeated Host", RFC_EXAMPLE.replace("Host: server.example.com\r\n",
                        "Host: a\r\nHost: b\r\n"), 400, "repeated Host"),
                Arguments.of("missing Upgrade", RFC_EXAMPLE.replace("Upgrade: websocket\r\n", "")
                        .replace("Connection: Upgrade", "Connection: Upgrade\r\nX: Upgrade"), 400, "plain"),
                Arguments.of("wrong Upgrade", RFC_EXAMPLE.replace("Upgrade: websocket", "Upgrade: h2c"), 400, "plain"),
                Arguments.of("Connection without Upgrade", RFC_EXAMPLE.replace("Connection: Upgrade",
                        "Connection: keep-alive, Upgraded"), 400, "Connection header does not contain"),
                Arguments.of("missing Connection", RFC_EXAMPLE.replace("Connection: Upgrade\r\n", ""), 400,
                        "Connection header does not contain"),
                Arguments.of("missing key", RFC_EXAMPLE.replace("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n", ""),
                        400, "missing Sec-WebSocket-Key"),
                Arguments.of("repeated key", RFC_EXAMPLE.replace("Origin:",
                        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin:"), 400, "repeated Sec-WebSocket-Key"),
                Arguments.of("key of 15 bytes", withKey("dGhlIHNhbXBsZSBub25j"), 400, "exactly 16 bytes"),
                Arguments.of("key of 17 bytes", withKey("dGhlIHNhbXBsZSBub25jZQ0A"), 400, "exactly 16 bytes"),
                Arguments.of("key not base64", withKey("dGhlIHNhbXBsZSBub25j*Q=="), 400, "exactly 16 bytes"),
                Arguments.of("key url-safe base64", withKey("dGhlIHNhbXBsZSBub25j_Q=="), 400, "exactly 16 bytes"),
                Arguments.of("key with stray bits", withKey("dGhlIHNhbXBsZSBub25jZR=="), 400, "exactly 16 bytes"),
                Arguments.of("version 8", RFC_EXAMPLE.replace("Version: 13", "Version: 8"), 426, "speaks 13"),
                Arguments.of("version missing", RFC_EXAMPLE.replace("Sec-WebSocket-Version: 13\r\n", ""), 426,
                        "missing Sec-WebSocket-Version"),
                Arguments.of("version repeated", RFC_EXAMPLE.replace("Origin:", "Sec-WebSocket-Version: 8\r\nOrigin:"),
                        426, "unsupported Sec-WebSocket-Version"),
                Arguments.of("body", RFC_EXAMPLE.replace("Origin:", "Content-Length: 5\r\nOrigin:"), 400,
                        "must not have a body"),
                Arguments.of("chunked body", RFC_EXAMPLE.replace("Origin:", "Transfer-Encoding: chunked\r\nOrigin:"),
                        400, "must not have a body"),
                Arguments.of("bad subprotocol list", RFC_EXAMPLE.replace("chat, superchat", "chat, super chat"), 400,
                        "Sec-WebSocket-Protocol"));
    }

    private static String withKey(String key) {
        return RFC_EXAMPLE.replace("dGhlIHNhbXBsZSBub25jZQ==", key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void shouldRefuseWithStatusWhenHandshakeIsInvalid(String name, String text, int status, String reason) {
        // given
        UpgradeRequestParser parser = new UpgradeRequestParser(HandshakeLimits.defaults());

        // when
        String result = Requests.outcomeOfEverySplit(HandshakeLimits.defaults(), text);

        // then
        if ("plain".equals(reason)) {
            assertThat(result).startsWith("plain GET");
            parser.parse(ByteBuffer.wrap(bytes(text)));
            assertThatThrownBy(() -> parser.request().validateWebSocketUpgrade())
                    .isInstanceOfSatisfying(HandshakeException.class, e -> assertThat(e.status()).isEqualTo(status))
                    .hasMessageContaining("Upgrade");
        } else {
            assertThat(result).startsWith(status + " ").contains(reason);
        }
    }

    @Test
    void shouldAcceptWhenNamesAndTokensDifferInCaseAndValuesHaveWhitespace() {
        // given
        String text = "GET /chat HTTP/1.1\r\n"
                + "hOST:server.example.com\r\n"
                + "UPGRADE: \t WebSocket \t\r\n"
                + "connection:keep-alive,  UPGRADE\r\n"
                + "sec-websocket-key:   dGhlIHNhbXBsZSBub25jZQ==   \r\n"
                + "SEC-WEBSOCKET-VERSION: 13\r\n"
                + "\r\n";

        // when
        String result = outcome(text);

        // then
        assertThat(result).contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n");
    }

    @Test
    void shouldCombineListFieldsWhenRepeated() {
        // given
        String text = RFC_EXAMPLE.replace("Connection: Upgrade", "Connection: keep-alive\r\nConnection: Upgrade")
                .replace("Upgrade: websocket", "Upgrade: h2c\r\nUpgrade: foo/2, websocket");

        // when
        String result = outcome(text);

        // then
        assertThat(result).startsWith(ACCEPTED);
    }

    @Test
    void shouldListSubprotocolsOfEveryFieldInOrderWhenSeveralFieldsSent() {
        // given
        UpgradeRequest request = parse(RFC_EXAMPLE.replace("Origin:",
                "Sec-WebSocket-Protocol: ,v2.arena ,, \r\nSec-WebSocket-Protocol: json\r\nOrigin:"));

        // when
        request.validateWebSocketUpgrade();

        // then
        assertThat(request.subprotocols()).containsExactly("v2.arena", "json", "chat", "superchat");
        assertThat(request.offersSubprotocol("json")).isTrue();
        assertThat(request.offersSubprotocol("JSON")).isFalse();
        assertThat(request.headers("sec-websocket-protocol")).containsExactly(",v2.arena ,,", "json",
                "chat, superchat");
    }

    @Test
    void shouldParseExtensionOffersWithParamsAndQuotedValues() {
        // given
        UpgradeRequest request = parse(RFC_EXAMPLE.replace("Origin:",
                "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits; server_max_window_bits=\"10\""
                        + ", x-webkit-deflate-frame\r\n"
                        + "Sec-WebSocket-Extensions: foo ; bar = baz ;q=\"a\\b\"\r\nOrigin:"));

        // when
        var offers = request.extensions();

        // then
        assertThat(offers).containsExactly(
                new ExtensionOffer("permessage-deflate",
                        Map.of("client_max_window_bits", "", "server_max_window_bits", "10")),
                new ExtensionOffer("x-webkit-deflate-frame", Map.of()),
                new ExtensionOffer("foo", Map.of("bar", "baz", "q", "ab")));
        assertThat(offers.get(0).parameters().keySet())
                .containsExactly("client_max_window_bits", "server_max_window_bits");
    }

    static Stream<String> malformedExtensions() {
        return Stream.of("permessage-deflate; x=\"a b\"", "a; x=\"unterminated", "a b", "a; =1", "; a",
                "a; x=");
    }

    @ParameterizedTest
    @MethodSource("malformedExtensions")
    void shouldRefuseWith400WhenExtensionOfferIsMalformed(String value) {
        // given
        UpgradeRequest request = parse(RFC_EXAMPLE.replace("Origin:", "Sec-WebSocket-Extensions: " + value
                + "\r\nOrigin:"));

        // when / then
        assertThatThrownBy(request::extensions)
                .isInstanceOfSatisfying(HandshakeException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("Sec-WebSocket-Extensions");
    }

    @Test
    void shouldReportRepeatedParameterWhenAnOfferRepeatsOne() {
        // given: RFC 7692 §7 declines such an offer, which is the extension's call, not a 400
        UpgradeRequest request = parse(RFC_EXAMPLE.replace("Origin:",
                "Sec-WebSocket-Extensions: a;x=1;x=2, a;x=3\r\nOrigin:"));

        // when
        var offers = request.extensions();

        // then
        assertThat(offers).containsExactly(new ExtensionOffer("a", Map.of("x", "1"), true),
                new ExtensionOffer("a", Map.of("x", "3"), false));
    }

    @Test
    void shouldFindCookiesAcrossFieldsWhenAsked() {
        // given
        UpgradeRequest request = parse(Requests.BROWSER.replace("Cookie: session=abc123; theme=dark",
                "Cookie: session=abc123; theme=dark;empty=; spaced = x y \r\nCookie: late=\"q\"; session=second"));

        // when / then
        assertThat(request.cookie("session")).isEqualTo("abc123");
        assertThat(request.cookie("theme")).isEqualTo("dark");
        assertThat(request.cookie("empty")).isEmpty();
        assertThat(request.cookie("spaced")).isEqualTo("x y");
        assertThat(request.cookie("late")).isEqualTo("\"q\"");
        assertThat(request.cookie("Session")).isNull();
        assertThat(request.cookie("missing")).isNull();
    }

    @Test
    void shouldExposeTargetHeadersAndOriginWhenBrowserRequestParsed() {
        // given
        UpgradeRequest request = parse(Requests.BROWSER);

        // when
        request.validateWebSocketUpgrade();

        // then
        assertThat(request.isWebSocketUpgrade()).isTrue();
        assertThat(request.path()).isEqualTo("/arena");
        assertThat(request.pathEquals("/arena")).isTrue();
        assertThat(request.pathEquals("/arena?room=7&team=red")).isFalse();
        assertThat(request.pathEquals("/Arena")).isFalse();
        assertThat(request.query()).isEqualTo("room=7&team=red");
        assertThat(request.origin()).isEqualTo("https://play.example.com");
        assertThat(request.header("HOST")).isEqualTo("play.example.com:8443");
        assertThat(request.header("x-missing")).isNull();
        assertThat(request.headers("x-missing")).isEmpty();
        assertThat(request.headerCount()).isEqualTo(13);
        assertThat(request.subprotocols()).isEmpty();
        assertThat(request.extensions()).containsExactly(
                new ExtensionOffer("permessage-deflate", Map.of("client_max_window_bits", "")));
    }

    @Test
    void shouldTakePathFromAbsoluteUriWhenTargetIsAbsoluteForm() {
        // given
        UpgradeRequest withPath = parse(RFC_EXAMPLE.replace("GET /chat", "GET HTTPS://server.example.com/chat?x=1"));
        UpgradeRequest withoutPath = parse(RFC_EXAMPLE.replace("GET /chat", "GET http://server.example.com"));

        // when
        withPath.validateWebSocketUpgrade();
        withoutPath.validateWebSocketUpgrade();

        // then
        assertThat(withPath.path()).isEqualTo("/chat");
        assertThat(withPath.query()).isEqualTo("x=1");
        assertThat(withoutPath.path()).isEqualTo("/");
        assertThat(withoutPath.pathEquals("/")).isTrue();
        assertThat(withoutPath.query()).isNull();
    }

    @Test
    void shouldDecodeValuesAsLatin1WhenObsTextSent() {
        // given
        UpgradeRequest request = parse(RFC_EXAMPLE.replace("Origin:", "X-Name: caf\u00e9\r\nOrigin:"));

        // when / then
        assertThat(request.header("x-name")).isEqualTo("caf\u00e9");
    }

    private static UpgradeRequest parse(String text) {
        UpgradeRequestParser parser = new UpgradeRequestParser(HandshakeLimits.defaults());
        assertThat(parser.parse(ByteBuffer.wrap(bytes(text)))).isTrue();
        return parser.request();
    }
}
