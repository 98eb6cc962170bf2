package io.ringside.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AsciiTest {
    @Test
    void shouldClassifyEveryByteAsFieldCharPerRfc9110() {
        for (int b = 0; b < 256; b++) {
            assertThat(Ascii.isFieldChar((byte) b)).as("0x%02x", b).isEqualTo(isFieldCharByDefinition((byte) b));
        }
    }

    @Test
    void shouldFindFirstNonTcharWhenNameHasOne() {
        // given
        byte[] bytes = Requests.bytes("X-Custom_Name.1 : v");

        // when
        int stop = Ascii.indexOfNonTchar(bytes, 0, bytes.length);
        int none = Ascii.indexOfNonTchar(bytes, 0, 15);

        // then
        assertThat(stop).isEqualTo(15);
        assertThat(none).isEqualTo(15);
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
