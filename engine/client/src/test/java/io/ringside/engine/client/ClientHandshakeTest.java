package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ClientHandshakeTest {
    private static final URI URI_WITH_QUERY = URI.create("ws://example.com:8080/chat?room=1");

    @Test
    void shouldComputeTheAcceptOfTheRfcExample() {
        // given: RFC 6455 §1.3
        String key = "dGhlIHNhbXBsZSBub25jZQ==";

        // when
        String accept = ClientHandshake.acceptFor(key);

        // then
        assertThat(accept).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void shouldWriteUpgradeRequestWithFreshKeyProtocolsAndHeaders() {
        // given
        ConnectConfig config = ConnectConfig.builder().subprotocol("chat").subprotocol("v2.chat")
                .header("Origin", "http://example.com").header("Cookie", "a=b").build();

        // when
        String request = text(new ClientHandshake(URI_WITH_QUERY, config).request());
        String other = text(new ClientHandshake(URI_WITH_QUERY, config).request());

        // then
        assertThat(request).startsWith("GET /chat?room=1 HTTP/1.1\r\n").endsWith("\r\n\r\n")
                .contains("\r\nHost: example.com:8080\r\n", "\r\nUpgrade: websocket\r\n",
                        "\r\nConnection: Upgrade\r\n", "\r\nSec-WebSocket-Version: 13\r\n",
                        "\r\nSec-WebSocket-Protocol: chat, v2.chat\r\n", "\r\nOrigin: http://example.com\r\n",
                        "\r\nCookie: a=b\r\n");
        assertThat(Base64.getDecoder().decode(keyOf(request))).hasSize(16);
        assertThat(keyOf(other)).isNotEqualTo(keyOf(request));
    }

    @Test
    void shouldOmitDefaultPortAndUseSlashWhenPathIsEmpty() {
        // when
        String request = text(new ClientHandshake(URI.create("ws://example.com"), ConnectConfig.defaults()).request());

        // then
        assertThat(request).startsWith("GET / HTTP/1.1\r\nHost: example.com\r\n")
                .doesNotContain("Sec-WebSocket-Protocol");
    }

    @Test
    void shouldOpenAndLeaveFrameBytesWhenResponseIsValid() {
        // given
        ClientHandshake handshake = new ClientHandshake(URI_WITH_QUERY, protocols("chat", "v2.chat"));
        ByteBuffer response = ascii(upgrade(handshake, "Sec-WebSocket-Protocol: v2.chat\r\n") + "\u0081\u0000");

        // when
        String selected = handshake.consume(response);

        // then
        assertThat(selected).isEqualTo("v2.chat");
        assertThat(response.remaining()).isEqualTo(2);
    }

    @Test
    void shouldOpenWithoutSubprotocolWhenServerSelectsNone() {
        // given
        ClientHandshake handshake = new ClientHandshake(URI_WITH_QUERY, protocols("chat"));

        // when
        String selected = handshake.consume(ascii(upgrade(handshake, "")));

        // then
        assertThat(selected).isEmpty();
    }

    @Test
    void shouldFailWhenAcceptKeyIsWrong() {
        // given
        ClientHandshake handshake = new ClientHandshake(URI_WITH_QUERY, ConnectConfig.defaults());
        String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";

        // when / then
        assertThatThrownBy(() -> handshake.consume(ascii(response)))
                .isInstanceOf(ClientHandshakeException.class).hasMessageContaining("Sec-WebSocket-Accept");
    }

    @Test
    void shouldFailWhenServerSelectsProtocolNotOffered() {
        // given
        ClientHandshake handshake = new ClientHandshake(URI_WITH_QUERY, protocols("chat"));

        // when / then
        assertThatThrownBy(() -> handshake.consume(ascii(upgrade(handshake, "Sec-WebSocket-Protocol: mqtt\r\n"))))
                .isInstanceOf(ClientHandshakeException.class).hasMessageContaining("mqtt");
    }

    @Test
    void shouldFailWhenServerSelectsExtensionNotOffered() {
        // given
        ClientHandshake handshake = new ClientHandshake(URI_WITH_QUERY, ConnectConfig.defaults());
        String extension = "Sec-WebSocket-Extensions: permessage-deflate\r\n";

        // when / then
        assertThatThrownBy(() -> handshake.consume(ascii(upgrade(handshake, extension))))
                .isInstanceOf(ClientHandshakeException.class).hasMessageContaining("permessage-deflate");
    }

    @Test
    void shouldFailWhenUpgradeOrConnectionHeaderIsMissing() {
        // given
        ClientHandshake noUpgrade = new ClientHandshake(URI_WITH_QUERY, ConnectConfig.defaults());
        ClientHandshake noConnection = new ClientHandshake(URI_WITH_QUERY, ConnectConfig.defaults());
        String accept = "Sec-WebSocket-Accept: ";

        // when / then
        assertThatThrownBy(() -> noUpgrade.consume(ascii("HTTP/1.1 101 OK\r\nConnection: upgrade\r\n" + accept
                + ClientHandshake.acceptFor(keyOf(text(noUpgrade.request()))) + "\r\n\r\n")))
                .isInstanceOf(ClientHandshakeException.class).hasMessageContaining("Upgrade: websocket");
        assertThatThrownBy(() -> noConnection.consume(ascii("HTTP/1.1 101 OK\r\nUpgrade: WebSocket\r\n"
                + "Connection: keep-alive\r\n" + accept + ClientHandshake.acceptFor(keyOf(text(noConnection.request())))
                + "\r\n\r\n")))
                .isInstanceOf(ClientHandshakeException.class).hasMessageContaining("Connection: Upgrade");
    }

    @Test
    void shouldReportStatusAndBodyWhenRefusedWithContentLength() {
        // given
        ClientHandshake handshake = new ClientHandshake(URI_WITH_QUERY, ConnectConfig.defaults());
        byte[] response = ascii("HTTP/1.1 403 Forbidden\r\nContent-Length: 9\r\n\r\nno entry!").array();

        // when: the body is split across two reads
        int headEnd = response.length - 9 + 2;
        String first = handshake.consume(ByteBuffer.wrap(response, 0, headEnd));

        // then
        assertThat(first).isNull();
        assertThatThrownBy(() -> handshake.consume(ByteBuffer.wrap(response, headEnd, response.length - headEnd)))
                .isInstanceOfSatisfying(ClientHandshakeException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.body()).isEqualTo("no entry!");
                    assertThat(e.getMessage()).contains("403 Forbidden");
                });
    }

    @Test
    void shouldReportBodyReadUntilEofWhenRefusedWithoutLength() {
        // given
        ClientHandshake handshake = new ClientHandshake(URI_WITH_QUERY, ConnectConfig.defaults());

        // when
        String selected = handshake.consume(ascii("HTTP/1.0 503 Service Unavailable\r\n\r\nbusy"));
        ClientHandshakeException onEof = handshake.failureOnEof();

        // then
        assertThat(selected).isNull();
        assertThat(onEof.status()).isEqualTo(503);
        assertThat(onEof.body()).isEqualTo("busy");
    }

    @Test
    void shouldCapKeptBodyWhenBodyExceedsMaxErrorBodyBytes() {
        // given
        ConnectConfig config = ConnectConfig.builder().maxErrorBodyBytes(4).build();
        ClientHandshake handshake = new ClientHandshake(URI_WITH_QUERY, config);

        // when / then
        assertThatThrownBy(() -> handshake.consume(ascii("HTTP/1.1 404 Not Found\r\nContent-Length: 10\r\n\r\n"
                + "0123456789")))
                .isInstanceOfSatisfying(ClientHandshakeException.class, e -> assertThat(e.body()).isEqualTo("0123"));
    }

    private static ConnectConfig protocols(String... names) {
        ConnectConfig.Builder builder = ConnectConfig.builder();
        for (String name : names) {
            builder.subprotocol(name);
        }
        return builder.build();
    }

    private static String upgrade(ClientHandshake handshake, String extra) {
        String accept = ClientHandshake.acceptFor(keyOf(text(handshake.request())));
        return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n" + extra + "\r\n";
    }

    private static String keyOf(String request) {
        int start = request.indexOf("Sec-WebSocket-Key: ") + "Sec-WebSocket-Key: ".length();
        return request.substring(start, request.indexOf("\r\n", start));
    }

    private static String text(ByteBuffer request) {
        return StandardCharsets.ISO_8859_1.decode(request.duplicate()).toString();
    }

    private static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
