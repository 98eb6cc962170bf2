package io.ringside.protocol.http;

import static io.ringside.protocol.http.Requests.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The head, header-count and request-line limits of {@link UpgradeRequestParser}, at and past each limit. */
class UpgradeRequestParserLimitsTest {
    private static final String FIELD = "X-Pad: 0123456789\r\n";

    @Test
    void shouldRefuseWith431WhenHeadExceedsDefault() {
        // given
        String big = "a".repeat(HandshakeLimits.DEFAULT_MAX_HEAD_BYTES);
        String text = "GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + big + "\r\n\r\n";

        // when / then
        assertStatus(HandshakeLimits.defaults(), text, 431, "maxHeadBytes=8192");
    }

    @Test
    void shouldAcceptHeadWhenExactlyAtLimitAndRefuseOneByteMore() {
        // given
        String head = "GET / HTTP/1.1\r\nHost: h\r\nX-A: 12\r\n\r\n";
        HandshakeLimits exact = HandshakeLimits.builder().maxRequestLineBytes(16).maxHeadBytes(head.length()).build();
        HandshakeLimits smaller = HandshakeLimits.builder().maxRequestLineBytes(16).maxHeadBytes(head.length() - 1)
                .build();

        // when
        boolean complete = new UpgradeRequestParser(exact).parse(ByteBuffer.wrap(bytes(head)));

        // then
        assertThat(complete).isTrue();
        assertStatus(smaller, head, 431, "maxHeadBytes=" + (head.length() - 1));
    }

    @Test
    void shouldRefuseWith431WhenHeadFillsUpAcrossReads() {
        // given
        HandshakeLimits limits = HandshakeLimits.builder().maxHeadBytes(64).maxRequestLineBytes(32).build();
        UpgradeRequestParser parser = new UpgradeRequestParser(limits);
        parser.parse(ByteBuffer.wrap(bytes("GET / HTTP/1.1\r\nHost: h\r\n")));

        // when / then
        assertThatThrownBy(() -> parser.parse(ByteBuffer.wrap(bytes(FIELD + FIELD + FIELD))))
                .isInstanceOfSatisfying(HandshakeException.class, e -> assertThat(e.status()).isEqualTo(431));
    }

    @Test
    void shouldRefuseWith431WhenMoreFieldsThanDefault() {
        // given
        int count = HandshakeLimits.DEFAULT_MAX_HEADER_COUNT;
        String ok = "GET / HTTP/1.1\r\nHost: h\r\n" + FIELD.repeat(count - 1) + "\r\n";
        String tooMany = "GET / HTTP/1.1\r\nHost: h\r\n" + FIELD.repeat(count) + "\r\n";

        // when
        boolean complete = new UpgradeRequestParser(HandshakeLimits.defaults()).parse(ByteBuffer.wrap(bytes(ok)));

        // then
        assertThat(complete).isTrue();
        assertStatus(HandshakeLimits.defaults(), tooMany, 431, "maxHeaderCount=64");
    }

    @Test
    void shouldRefuseWith431WhenMoreFieldsThanConfigured() {
        // given
        HandshakeLimits limits = HandshakeLimits.builder().maxHeaderCount(2).build();

        // when / then
        assertStatus(limits, "GET / HTTP/1.1\r\nHost: h\r\n" + FIELD + FIELD + "\r\n", 431, "maxHeaderCount=2");
    }

    @Test
    void shouldRefuseWith414WhenRequestLineExceedsDefault() {
        // given
        String path = "/" + "p".repeat(HandshakeLimits.DEFAULT_MAX_REQUEST_LINE_BYTES);

        // when / then
        assertStatus(HandshakeLimits.defaults(), "GET " + path + " HTTP/1.1\r\nHost: h\r\n\r\n", 414,
                "maxRequestLineBytes=4096");
    }

    @Test
    void shouldAcceptRequestLineWhenExactlyAtLimitAndRefuseOneByteMore() {
        // given
        String line = "GET /abcd HTTP/1.1";
        HandshakeLimits exact = HandshakeLimits.builder().maxRequestLineBytes(line.length()).build();
        HandshakeLimits smaller = HandshakeLimits.builder().maxRequestLineBytes(line.length() - 1).build();
        String text = line + "\r\nHost: h\r\n\r\n";

        // when
        boolean complete = new UpgradeRequestParser(exact).parse(ByteBuffer.wrap(bytes(text)));

        // then
        assertThat(complete).isTrue();
        assertStatus(smaller, text, 414, "maxRequestLineBytes=" + (line.length() - 1));
    }

    @Test
    void shouldRefuseWith414BeforeLineEndsWhenRequestLineGrowsPastLimit() {
        // given
        HandshakeLimits limits = HandshakeLimits.builder().maxRequestLineBytes(32).build();
        UpgradeRequestParser parser = new UpgradeRequestParser(limits);
        boolean complete = parser.parse(ByteBuffer.wrap(bytes("GET /" + "a".repeat(27))));

        // when / then
        assertThat(complete).isFalse();
        assertThatThrownBy(() -> parser.parse(ByteBuffer.wrap(bytes("aa"))))
                .isInstanceOfSatisfying(HandshakeException.class, e -> assertThat(e.status()).isEqualTo(414));
    }

    @Test
    void shouldNotCountLineEndingWhenRequestLineIsExactlyAtLimitAndSplitAtCr() {
        // given
        HandshakeLimits limits = HandshakeLimits.builder().maxRequestLineBytes(16).build();
        UpgradeRequestParser parser = new UpgradeRequestParser(limits);

        // when
        boolean first = parser.parse(ByteBuffer.wrap(bytes("GET /a HTTP/1.1\r")));
        boolean second = parser.parse(ByteBuffer.wrap(bytes("\nHost: h\r\n\r\n")));

        // then
        assertThat(first).isFalse();
        assertThat(second).isTrue();
    }

    private static void assertStatus(HandshakeLimits limits, String text, int status, String reason) {
        assertThat(Requests.outcomeOfEverySplit(limits, text)).startsWith(status + " ").contains(reason);
        UpgradeRequestParser parser = new UpgradeRequestParser(limits);
        assertThatThrownBy(() -> parser.parse(ByteBuffer.wrap(bytes(text))))
                .isInstanceOfSatisfying(HandshakeException.class, e -> assertThat(e.status()).isEqualTo(status))
                .hasMessageContaining(reason);
    }
}
