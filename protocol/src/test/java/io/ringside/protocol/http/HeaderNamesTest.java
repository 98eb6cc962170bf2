package io.ringside.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeaderNamesTest {
    private static final Map<String, Byte> KNOWN = Map.ofEntries(
            Map.entry("host", HeaderNames.HOST),
            Map.entry("upgrade", HeaderNames.UPGRADE),
            Map.entry("connection", HeaderNames.CONNECTION),
            Map.entry("sec-websocket-key", HeaderNames.KEY),
            Map.entry("sec-websocket-version", HeaderNames.VERSION),
            Map.entry("sec-websocket-protocol", HeaderNames.PROTOCOL),
            Map.entry("sec-websocket-extensions", HeaderNames.EXTENSIONS),
            Map.entry("origin", HeaderNames.ORIGIN),
            Map.entry("cookie", HeaderNames.COOKIE),
            Map.entry("content-length", HeaderNames.CONTENT_LENGTH),
            Map.entry("transfer-encoding", HeaderNames.TRANSFER_ENCODING));

    @Test
    void shouldClassifyEveryKnownNameInAnyCaseWhetherFarFromOrAtTheArrayEnd() {
        Random random = new Random(6455);
        for (Map.Entry<String, Byte> known : KNOWN.entrySet()) {
            for (int round = 0; round < 200; round++) {
                // given
                String name = randomCase(known.getKey(), random);
                byte[] roomy = Requests.bytes(name + ": value\r\n");
                byte[] tight = Requests.bytes(name);

                // when
                byte roomyKind = HeaderNames.classify(roomy, 0, name.length());
                byte tightKind = HeaderNames.classify(tight, 0, name.length());

                // then
                assertThat(roomyKind).as(name).isEqualTo(known.getValue());
                assertThat(tightKind).as(name).isEqualTo(known.getValue());
            }
        }
    }

    @Test
    void shouldNotClassifyNameWhenOneByteDiffersBeyondCase() {
        for (String known : KNOWN.keySet()) {
            for (int i = 0; i < known.length(); i++) {
                for (int b = 0; b < 256; b++) {
                    // given
                    byte[] bytes = Requests.bytes(known + ": v\r\n");
                    byte original = bytes[i];
                    bytes[i] = (byte) b;
                    boolean sameLetter = Character.isLetter(original)
                            && Character.toLowerCase((char) b) == (char) original && b < 0x80;

                    // when
                    byte kind = HeaderNames.classify(bytes, 0, known.length());

                    // then: a CR where a '-' belongs (0x0D | 0x20 == '-') is no match either
                    assertThat(kind).as("%s with 0x%02x at %d", known, b, i)
                            .isEqualTo(b == original || sameLetter ? KNOWN.get(known) : HeaderNames.OTHER);
                }
            }
        }
    }

    @Test
    void shouldGiveOtherWhenNameIsUnknownOfAKnownLength() {
        assertThat(HeaderNames.classify(Requests.bytes("Hoste: h"), 0, 5)).isEqualTo(HeaderNames.OTHER);
        assertThat(HeaderNames.classify(Requests.bytes("Accept: */*"), 0, 6)).isEqualTo(HeaderNames.OTHER);
        assertThat(HeaderNames.classify(Requests.bytes("Sec-WebSocket-Kez: x"), 0, 17)).isEqualTo(HeaderNames.OTHER);
        assertThat(HeaderNames.classify(Requests.bytes("X".repeat(40)), 0, 40)).isEqualTo(HeaderNames.OTHER);
    }

    private static String randomCase(String lower, Random random) {
        StringBuilder name = new StringBuilder();
        for (char c : lower.toCharArray()) {
            name.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return random.nextInt(10) == 0 ? lower.toUpperCase(Locale.ROOT) : name.toString();
    }
}
