package io.ringside.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base64AsciiTest {
    @Test
    void shouldMatchJdkEncoderWhenLengthsVary() {
        // given
        Random random = new Random(4648);

        for (int length = 0; length <= 40; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            ByteBuffer dst = ByteBuffer.allocate(Base64Ascii.encodedLength(length));

            // when
            Base64Ascii.encode(data, 0, length, dst);

            // then
            assertThat(dst.hasRemaining()).isFalse();
            assertThat(new String(dst.array(), StandardCharsets.US_ASCII))
                    .isEqualTo(Base64.getEncoder().encodeToString(data));
        }
    }

    @Test
    void shouldAcceptEveryEncodingOf16BytesWhenCanonical() {
        // given
        Random random = new Random(16);

        for (int round = 0; round < 500; round++) {
            byte[] nonce = new byte[16];
            random.nextBytes(nonce);
            byte[] key = Base64.getEncoder().encode(nonce);

            // when
            boolean valid = Base64Ascii.isKeyOf16Bytes(key, 0, key.length);

            // then
            assertThat(valid).as(new String(key, StandardCharsets.US_ASCII)).isTrue();
        }
    }

    @Test
    void shouldRejectKeyWhenNotExactly16CanonicalBytes() {
        for (String key : new String[] {"", "dGhlIHNhbXBsZSBub25jZQ=", "dGhlIHNhbXBsZSBub25jZQ==A",
            "dGhlIHNhbXBsZSBub25jZQ=A", "dGhlIHNhbXBsZSBub25jZR==", "dGhlIHNhbXBsZSBub25j-Q==",
            "dGhlIHNhbXBsZSBub25jZ===", "AAAAAAAAAAAAAAAAAAAAAAAA", "dGhlIHNhbXBs ZSBub25jZQ=="}) {
            // when
            byte[] bytes = key.getBytes(StandardCharsets.US_ASCII);

            // then
            assertThat(Base64Ascii.isKeyOf16Bytes(bytes, 0, bytes.length)).as(key).isFalse();
        }
    }
}
