package io.ringside.tools.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientHandshakeTest {
    @Test
    void shouldComputeTheRfcAcceptValueWhenGivenTheRfcKey() {
        assertThat(ClientHandshake.acceptFor("dGhlIHNhbXBsZSBub25jZQ==")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void shouldWriteHostPortQuerySubprotocolsAndHeadersWhenBuildingTheRequest() {
        // when
        String request = new ClientHandshake(URI.create("ws://example.com:9001/arena?x=1"), List.of("a", "b"),
                Map.of("Origin", "http://example.com")).request();

        // then
        assertThat(request).startsWith("GET /arena?x=1 HTTP/1.1\r\nHost: example.com:9001\r\n")
                .contains("Sec-WebSocket-Version: 13\r\n", "Sec-WebSocket-Protocol: a, b\r\n",
                        "Origin: http://example.com\r\n")
                .endsWith("\r\n\r\n");
    }

    @Test
    void shouldNameTheProblemWhenTheResponseIsNotAGoodUpgrade() throws Exception {
        // given
        ClientHandshake handshake = new ClientHandshake(URI.create("ws://h/"), List.of(), Map.of());
        String key = handshake.request().split("Sec-WebSocket-Key: ")[1].split("\r\n")[0];
        String good = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + ClientHandshake.acceptFor(key) + "\r\n\r\nframes";

        // when
        List<String> head = ClientHandshake.readHead(new ByteArrayInputStream(good.getBytes(StandardCharsets.UTF_8)));

        // then
        assertThat(head).hasSize(4);
        assertThat(handshake.check(head)).isNull();
        assertThat(handshake.check(List.of("HTTP/1.1 403 Forbidden")))
                .isEqualTo("upgrade refused: HTTP/1.1 403 Forbidden");
        assertThat(handshake.check(List.of(head.get(0), head.get(1), head.get(2), "Sec-WebSocket-Accept: x")))
                .startsWith("bad Sec-WebSocket-Accept x");
        assertThat(handshake.check(List.of(head.get(0), head.get(2), head.get(3))))
                .isEqualTo("101 response without Upgrade: websocket");
    }
}
