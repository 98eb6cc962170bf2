package io.ringside.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UpgradeResponseWriterTest {
    @Test
    void shouldWriteRfc101WhenNoSubprotocolChosen() {
        // given
        UpgradeRequest request = validated(Requests.RFC_EXAMPLE);
        ByteBuffer dst = ByteBuffer.allocate(256);

        // when
        UpgradeResponseWriter.writeSwitchingProtocols(dst, request, null);

        // then
        assertThat(text(dst)).isEqualTo("HTTP/1.1 101 Switching Protocols\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                + "\r\n");
    }

    @Test
    void shouldWriteExactlyIntoDirectBufferWhenSizedToFit() {
        // given
        UpgradeRequest request = validated(Requests.RFC_EXAMPLE);
        ByteBuffer dst = ByteBuffer.allocateDirect(Requests.RFC_EXAMPLE_RESPONSE.length());

        // when
        UpgradeResponseWriter.writeSwitchingProtocols(dst, request, "chat");

        // then
        assertThat(dst.hasRemaining()).isFalse();
        byte[] written = new byte[dst.capacity()];
        dst.flip().get(written);
        assertThat(new String(written, StandardCharsets.US_ASCII)).isEqualTo(Requests.RFC_EXAMPLE_RESPONSE);
    }

    @Test
    void shouldThrowOverflowWithoutWritingWhenDstOneByteShort() {
        // given
        UpgradeRequest request = validated(Requests.RFC_EXAMPLE);
        ByteBuffer dst = ByteBuffer.allocate(Requests.RFC_EXAMPLE_RESPONSE.length() - 1);

        // when / then
        assertThatThrownBy(() -> UpgradeResponseWriter.writeSwitchingProtocols(dst, request, "chat"))
                .isInstanceOf(BufferOverflowException.class);
        assertThat(dst.position()).isZero();
        assertThatThrownBy(() -> UpgradeResponseWriter.writeError(dst.limit(20), 400, "bad"))
                .isInstanceOf(BufferOverflowException.class);
        assertThatThrownBy(() -> UpgradeResponseWriter.writeResponseHead(dst, 200, "text/plain", 2))
                .isInstanceOf(BufferOverflowException.class);
        assertThat(dst.position()).isZero();
    }

    @Test
    void shouldRefuseSubprotocolWhenClientDidNotOfferIt() {
        // given
        UpgradeRequest request = validated(Requests.RFC_EXAMPLE);

        // when / then
        assertThatThrownBy(() -> UpgradeResponseWriter.writeSwitchingProtocols(ByteBuffer.allocate(256), request,
                "chat\r\nX-Injected: 1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("subprotocol=");
    }

    @Test
    void shouldRefuse101WhenRequestNotValidated() {
        // given
        UpgradeRequestParser parser = new UpgradeRequestParser(HandshakeLimits.defaults());
        parser.parse(ByteBuffer.wrap(Requests.bytes(Requests.RFC_EXAMPLE)));
        ByteBuffer dst = ByteBuffer.allocate(256);

        // when / then
        assertThatThrownBy(() -> UpgradeResponseWriter.writeSwitchingProtocols(dst, parser.request(), null))
                .isInstanceOf(IllegalStateException.class);
        assertThat(dst.position()).isZero();
    }

    @Test
    void shouldWritePlainTextRefusalWhenBadRequest() {
        // given
        ByteBuffer dst = ByteBuffer.allocate(256);

        // when
        UpgradeResponseWriter.writeError(dst, HttpStatus.BAD_REQUEST, "missing Host header \u2014 sorry");

        // then
        assertThat(new String(dst.array(), 0, dst.position(), StandardCharsets.UTF_8)).isEqualTo(
                "HTTP/1.1 400 Bad Request\r\n"
                        + "Content-Type: text/plain; charset=utf-8\r\n"
                        + "Content-Length: 29\r\n"
                        + "Connection: close\r\n"
                        + "\r\n"
                        + "missing Host header \u2014 sorry");
    }

    @Test
    void shouldNameWebSocketAndVersion13WhenUpgradeRequired() {
        // given
        ByteBuffer dst = ByteBuffer.allocate(256);

        // when
        UpgradeResponseWriter.writeError(dst, HttpStatus.UPGRADE_REQUIRED, null);

        // then
        assertThat(text(dst)).isEqualTo("HTTP/1.1 426 Upgrade Required\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: 16\r\n"
                + "Connection: close, Upgrade\r\n"
                + "Upgrade: websocket\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "\r\n"
                + "Upgrade Required");
    }

    @Test
    void shouldWriteResponseHeadWhenServingPlainHttp() {
        // given
        ByteBuffer dst = ByteBuffer.allocate(256);

        // when
        UpgradeResponseWriter.writeResponseHead(dst, HttpStatus.OK, "text/html; charset=utf-8", 9_876_543_210L);

        // then
        assertThat(text(dst)).isEqualTo("HTTP/1.1 200 OK\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n"
                + "Content-Length: 9876543210\r\n"
                + "Connection: close\r\n"
                + "\r\n");
    }

    @Test
    void shouldWriteZeroLengthAndLargestLengthWhenAtBounds() {
        // given
        ByteBuffer zero = ByteBuffer.allocate(256);
        ByteBuffer largest = ByteBuffer.allocate(256);

        // when
        UpgradeResponseWriter.writeResponseHead(zero, HttpStatus.NOT_FOUND, "text/plain", 0);
        UpgradeResponseWriter.writeResponseHead(largest, HttpStatus.OK, "application/octet-stream", Long.MAX_VALUE);

        // then
        assertThat(text(zero)).startsWith("HTTP/1.1 404 Not Found\r\n").contains("Content-Length: 0\r\n");
        assertThat(text(largest)).contains("Content-Length: 9223372036854775807\r\n");
    }

    @Test
    void shouldRejectArgumentsWhenTheyWouldCorruptTheHead() {
        ByteBuffer dst = ByteBuffer.allocate(256);
        assertThatThrownBy(() -> UpgradeResponseWriter.writeResponseHead(dst, 200, "text/plain\r\nX: 1", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("contentType=");
        assertThatThrownBy(() -> UpgradeResponseWriter.writeResponseHead(dst, 200, "text/plain", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("contentLength=-1");
        assertThatThrownBy(() -> UpgradeResponseWriter.writeError(dst, 1000, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("status=1000");
        assertThat(dst.position()).isZero();
    }

    private static UpgradeRequest validated(String text) {
        UpgradeRequestParser parser = new UpgradeRequestParser(HandshakeLimits.defaults());
        parser.parse(ByteBuffer.wrap(Requests.bytes(text)));
        UpgradeRequest request = parser.request();
        request.validateWebSocketUpgrade();
        return request;
    }

    private static String text(ByteBuffer dst) {
        return new String(dst.array(), 0, dst.position(), StandardCharsets.US_ASCII);
    }
}
