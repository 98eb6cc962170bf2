package io.ringside.tools.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HexDumpReaderTest {
    private static final byte[] HELLO = {(byte) 0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f};

    @Test
    void shouldReadBytesWhenDumpIsXxd() {
        // given
        String dump = "00000000: 8105 4865 6c6c 6f                        ..Hello\n";

        // when / then
        assertThat(HexDumpReader.read(dump)).containsExactly(HELLO);
    }

    @Test
    void shouldReadBytesWhenDumpIsHexdumpCanonical() {
        // given
        String dump = "00000000  81 05 48 65 6c 6c 6f                              |..Hello|\n00000007\n";

        // when / then
        assertThat(HexDumpReader.read(dump)).containsExactly(HELLO);
    }

    @Test
    void shouldSkipCommentsWhenDumpIsPlainHex() {
        // given
        String dump = "# text frame\n81 05\n48656c6c6f\n";

        // when / then
        assertThat(HexDumpReader.read(dump)).containsExactly(HELLO);
        assertThat(HexDumpReader.looksLikeHex(dump)).isTrue();
    }

    @Test
    void shouldNameTheLineWhenDumpIsNotHex() {
        assertThatThrownBy(() -> HexDumpReader.read("81 05\nGET / HTTP/1.1\n"))
                .isInstanceOf(CaptureFormatException.class).hasMessageStartingWith("hex dump line 2");
        assertThat(HexDumpReader.looksLikeHex("GET / HTTP/1.1\r\n")).isFalse();
    }
}
