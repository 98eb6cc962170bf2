package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.protocol.websocket.CloseCode;
import io.ringside.protocol.websocket.Opcode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClientFramesTest {
    @Test
    void shouldMaskFrameAndKeepPayloadPosition() {
        // given
        ByteBuffer payload = ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII));

        // when
        ByteBuffer frame = ClientFrames.frame(Opcode.TEXT, payload);

        // then: FIN+TEXT, MASK bit with length 5, 4 key bytes, 5 masked bytes (RFC 6455 §5.2)
        assertThat(frame.remaining()).isEqualTo(2 + 4 + 5);
        assertThat(frame.get(0) & 0xff).isEqualTo(0x81);
        assertThat(frame.get(1) & 0xff).isEqualTo(0x80 | 5);
        byte[] unmasked = new byte[5];
        for (int i = 0; i < 5; i++) {
            unmasked[i] = (byte) (frame.get(6 + i) ^ frame.get(2 + (i & 3)));
        }
        assertThat(new String(unmasked, StandardCharsets.US_ASCII)).isEqualTo("hello");
        assertThat(payload.position()).isZero();
    }

    @Test
    void shouldSendEmptyCloseBodyWhenEchoingNoStatus() {
        // when
        ByteBuffer frame = ClientFrames.close(CloseCode.NO_STATUS_RECEIVED, "");

        // then
        assertThat(frame.get(0) & 0xff).isEqualTo(0x88);
        assertThat(frame.get(1) & 0x7f).isZero();
    }

    @Test
    void shouldCutLongReasonWithoutSplittingACharacter() {
        // given: 122 ASCII bytes then a 2-byte character that would end at byte 124
        String reason = "a".repeat(122) + "é";

        // when
        String cut = ClientFrames.truncate(reason);
        ByteBuffer frame = ClientFrames.close(CloseCode.GOING_AWAY, reason);

        // then
        assertThat(cut).isEqualTo("a".repeat(122));
        assertThat(frame.get(1) & 0x7f).isEqualTo(2 + 122);
    }
}
