package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseHeadParserTest {
    private static final String HEAD = "HTTP/1.1 101 Switching Protocols\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
            + "X-Twice: a\r\n"
            + "x-twice: b\r\n"
            + "\r\n";
    private static final String FRAMES = "\u0081\u0002hi";

    @Test
    void shouldParseAndLeaveFrameBytesWhenSplitAtEveryByte() {
        byte[] bytes = (HEAD + FRAMES).getBytes(StandardCharsets.ISO_8859_1);
        for (int split = 0; split <= bytes.length; split++) {
            // given
            ResponseHeadParser parser = new ResponseHeadParser(1024);
            ByteBuffer first = ByteBuffer.wrap(bytes, 0, split);
            ByteBuffer second = ByteBuffer.wrap(bytes, split, bytes.length - split);

            // when
            boolean done = parser.consume(first) || parser.consume(second);

            // then
            assertThat(done).as("split at %d", split).isTrue();
            assertThat(first.remaining() + second.remaining()).as("split at %d", split).isEqualTo(FRAMES.length());
            assertHead(parser.parse());
        }
    }

    @Test
    void shouldParseWhenFedOneByteAtATime() {
        // given
        byte[] bytes = HEAD.getBytes(StandardCharsets.ISO_8859_1);
        ResponseHeadParser parser = new ResponseHeadParser(1024);

        // when
        boolean done = false;
        for (int i = 0; i < bytes.length; i++) {
            assertThat(done).as("complete before byte %d", i).isFalse();
            done = parser.consume(ByteBuffer.wrap(bytes, i, 1));
        }

        // then
        assertThat(done).isTrue();
        assertHead(parser.parse());
    }

    @Test
    void shouldAcceptBareLineFeedsWhenServerOmitsCarriageReturns() {
        // given
        ResponseHeadParser parser = new ResponseHeadParser(1024);

        // when
        boolean done = parser.consume(ascii("HTTP/1.1 404 Not Found\nContent-Length: 12\n\n"));

        // then
        assertThat(done).isTrue();
        ResponseHead head = parser.parse();
        assertThat(head.status()).isEqualTo(404);
        assertThat(head.reason()).isEqualTo("Not Found");
        assertThat(head.contentLength()).isEqualTo(12);
    }

    @Test
    void shouldAcceptHeadOfExactlyTheLimitAndRejectOneByteMore() {
        // given
        int length = HEAD.length();

        // when
        boolean atLimit = new ResponseHeadParser(length).consume(ascii(HEAD));

        // then
        assertThat(atLimit).isTrue();
        assertThatThrownBy(() -> new ResponseHeadParser(length - 1).consume(ascii(HEAD)))
                .isInstanceOf(ClientHandshakeException.class)
                .hasMessageContaining("maxResponseHeadBytes=" + (length - 1));
    }

    @Test
    void shouldRejectWhenHeadNeverEndsWithinLimit() {
        // given
        ResponseHeadParser parser = new ResponseHeadParser(64);
        ByteBuffer endless = ascii("HTTP/1.1 101 OK\r\n" + "X: y\r\n".repeat(20));

        // when / then
        assertThatThrownBy(() -> parser.consume(endless)).isInstanceOf(ClientHandshakeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 10 OK", "HTTP/2 101 OK", "ICY 200 OK", "HTTP/1.1 1O1 OK", "HTTP/1.1  101",
        "HTTP/1.1 101X", ""})
    void shouldRejectMalformedStatusLine(String statusLine) {
        // given
        ResponseHeadParser parser = new ResponseHeadParser(1024);
        parser.consume(ascii(statusLine + "\r\nUpgrade: websocket\r\n\r\n"));

        // when / then
        assertThatThrownBy(parser::parse).isInstanceOf(ClientHandshakeException.class)
                .hasMessageContaining("status line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NoColon", ": empty-name", "Bad Name: x", "Name : x", " folded: x", "Bad(name): x"})
    void shouldRejectMalformedHeaderField(String field) {
        // given
        ResponseHeadParser parser = new ResponseHeadParser(1024);
        parser.consume(ascii("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n" + field + "\r\n\r\n"));

        // when / then
        assertThatThrownBy(parser::parse).isInstanceOf(ClientHandshakeException.class)
                .hasMessageContaining("header field");
    }

    @Test
    void shouldReportNoContentLengthWhenAbsentOrNotANumber() {
        // given
        ResponseHeadParser absent = new ResponseHeadParser(1024);
        absent.consume(ascii("HTTP/1.1 500 Oops\r\n\r\n"));
        ResponseHeadParser bad = new ResponseHeadParser(1024);
        bad.consume(ascii("HTTP/1.1 500 Oops\r\nContent-Length: -3\r\n\r\n"));

        // when / then
        assertThat(absent.parse().contentLength()).isEqualTo(-1);
        assertThat(bad.parse().contentLength()).isEqualTo(-1);
    }

    private static void assertHead(ResponseHead head) {
        assertThat(head.status()).isEqualTo(101);
        assertThat(head.reason()).isEqualTo("Switching Protocols");
        assertThat(head.header("UPGRADE")).isEqualTo("websocket");
        assertThat(head.headerHasToken("connection", "upgrade")).isTrue();
        assertThat(head.header("sec-websocket-accept")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        assertThat(head.header("x-twice")).isEqualTo("a, b");
        assertThat(head.header("missing")).isNull();
    }

    private static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
