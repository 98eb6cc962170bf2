package io.ringside.tools.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HexTest {
    @Test
    void shouldParseWhenBytesAreSpacedPrefixedOrSeparated() {
        // given
        String[] forms = {"81 05 48", "810548", "0x81, 0x05, 0x48", "81:05:48", " 8105\n48 "};

        // when / then
        for (String form : forms) {
            assertThat(Hex.parse(form)).as(form).containsExactly(0x81, 0x05, 0x48);
        }
    }

    @Test
    void shouldRejectWhenDigitsAreOddOrNotHex() {
        assertThatThrownBy(() -> Hex.parse("810")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odd");
        assertThatThrownBy(() -> Hex.parse("81 zz")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'z'");
    }

    @Test
    void shouldFormatWhenGivenARange() {
        // given
        byte[] bytes = {0x00, (byte) 0x81, 0x7f, 0x0a};

        // when
        String text = Hex.format(bytes, 1, 3);

        // then
        assertThat(text).isEqualTo("81 7f 0a");
        assertThat(Hex.formatInt(0x37fa213d)).isEqualTo("37fa213d");
    }
}
