package io.ringside.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AcceptKeyTest {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    @Test
    void shouldGiveRfcAcceptValueWhenKeyIsRfcExample() {
        // given
        byte[] key = Requests.bytes("dGhlIHNhbXBsZSBub25jZQ==");
        ByteBuffer dst = ByteBuffer.allocate(40).position(3);

        // when
        new AcceptKey().write(key, 0, key.length, dst);

        // then
        assertThat(dst.position()).isEqualTo(3 + AcceptKey.LENGTH);
        assertThat(new String(dst.array(), 3, AcceptKey.LENGTH, StandardCharsets.US_ASCII))
                .isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void shouldMatchJdkSha1AndBase64WhenKeysAreRandomAndDigestIsReused() throws Exception {
        // given
        AcceptKey acceptKey = new AcceptKey();
        Random random = new Random(6455);
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");

        for (int round = 0; round < 200; round++) {
            byte[] nonce = new byte[16];
            random.nextBytes(nonce);
            String key = Base64.getEncoder().encodeToString(nonce);
            byte[] keyBytes = ("xx" + key).getBytes(StandardCharsets.US_ASCII);
            ByteBuffer dst = ByteBuffer.allocateDirect(AcceptKey.LENGTH);

            // when
            acceptKey.write(keyBytes, 2, key.length(), dst);

            // then
            String expected = Base64.getEncoder()
                    .encodeToString(sha1.digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
            byte[] actual = new byte[AcceptKey.LENGTH];
            dst.flip().get(actual);
            assertThat(new String(actual, StandardCharsets.US_ASCII)).isEqualTo(expected);
        }
    }

    @Test
    void shouldThrowOverflowWithoutWritingWhenDstTooSmall() {
        // given
        byte[] key = Requests.bytes("dGhlIHNhbXBsZSBub25jZQ==");
        ByteBuffer dst = ByteBuffer.allocate(27);

        // when / then
        assertThatThrownBy(() -> new AcceptKey().write(key, 0, key.length, dst))
                .isInstanceOf(BufferOverflowException.class);
        assertThat(dst.position()).isZero();
    }
}
