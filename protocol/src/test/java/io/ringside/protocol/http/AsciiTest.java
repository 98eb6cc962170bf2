package io.ringside.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AsciiTest {
    @Test
    void shouldStopWordScanAtFirstControlByteOrShortTailWhenBytesAreRandom() {
        // given
        Random random = new Random(9110);

        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                int pick = random.nextInt(10);
                bytes[i] = (byte) (pick == 0 ? random.nextInt(0x20) : pick == 1 ? 0x7F : random.nextInt(256));
            }
            int start = bytes.length == 0 ? 0 : random.nextInt(bytes.length);

            // when
            int stop = Ascii.skipFieldChars(bytes, start, bytes.length);

            // then
            int firstControl = start;
            while (firstControl < bytes.length && isFieldCharByDefinition(bytes[firstControl])
                    && bytes[firstControl] != '\t') {
                firstControl++;
            }
            assertThat(stop).isLessThanOrEqualTo(firstControl);
            if (stop < firstControl) {
                assertThat(bytes.length - stop).isLessThan(Long.BYTES);
            }
        }
    }

    @Test
    void shouldClassifyEveryByteAsFieldCharPerRfc9110() {
        for (int b = 0; b < 256; b++) {
            assertThat(Ascii.isFieldChar((byte) b)).as("0x%02x", b).isEqualTo(isFieldCharByDefinition((byte) b));
        }
    }

    @Test
    void shouldMatchLowerNameWhenTokenDiffersOnlyInCase() {
        // given
        byte[] lower = Ascii.bytes("sec-websocket-extensions");

        // when / then
        assertThat(Ascii.tokenEqualsLowerName(Requests.bytes("Sec-WebSocket-Extensions"), 0, 24, lower)).isTrue();
        assertThat(Ascii.tokenEqualsLowerName(Requests.bytes("SEC-WEBSOCKET-EXTENSIONS"), 0, 24, lower)).isTrue();
        assertThat(Ascii.tokenEqualsLowerName(Requests.bytes("Sec-WebSocket-Extension_"), 0, 24, lower)).isFalse();
        assertThat(Ascii.tokenEqualsLowerName(Requests.bytes("Sec_WebSocket-Extensions"), 0, 24, lower)).isFalse();
        assertThat(Ascii.tokenEqualsLowerName(Requests.bytes("Sec-WebSocket-Extensionsx"), 0, 25, lower)).isFalse();
    }

    @Test
    void shouldAcceptOnlyTcharsInTokens() {
        assertThat(Ascii.isToken("permessage-deflate")).isTrue();
        assertThat(Ascii.isToken("!#$%&'*+-.^_`|~09azAZ")).isTrue();
        assertThat(Ascii.isToken("")).isFalse();
        assertThat(Ascii.isToken("a b")).isFalse();
        assertThat(Ascii.isToken("a\"b")).isFalse();
        assertThat(Ascii.isToken("caf\u00e9")).isFalse();
    }

    private static boolean isFieldCharByDefinition(byte b) {
        int c = b & 0xFF;
        return c == '\t' || (c >= 0x20 && c != 0x7F);
    }
}
