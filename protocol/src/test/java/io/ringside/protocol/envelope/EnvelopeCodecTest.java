package io.ringside.protocol.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class EnvelopeCodecTest {

    private static final byte[] GAME_PAYLOAD = {1, 2, 3, 4, 5};

    private static ByteBuffer framedAt(int offset, byte[] envelope, boolean direct) {
        ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(offset + envelope.length + 3)
                : ByteBuffer.allocate(offset + envelope.length + 3);
        buffer.position(offset);
        buffer.put(envelope);
        buffer.put(new byte[] {9, 9, 9});
        buffer.flip();
        return buffer;
    }

    private static byte[] gameEnvelope() {
        return ClientEnvelope.newBuilder()
                .setGame(GameMessage.newBuilder().setType(7).setPayload(ByteString.copyFrom(GAME_PAYLOAD)))
                .build()
                .toByteArray();
    }

    @Test
    void shouldParseClientEnvelopeFromTheMiddleOfAHeapBuffer() throws InvalidProtocolBufferException {
        // given
        byte[] envelope = gameEnvelope();
        ByteBuffer buffer = framedAt(11, envelope, false);

        // when
        ClientEnvelope parsed = EnvelopeCodec.parseClientEnvelope(buffer, 11, envelope.length);

        // then
        assertThat(parsed.getGame().getType()).isEqualTo(7);
        assertThat(parsed.getGame().getPayload().toByteArray()).containsExactly(GAME_PAYLOAD);
        assertThat(buffer.position()).isZero();
        assertThat(buffer.limit()).isEqualTo(11 + envelope.length + 3);
    }

    @Test
    void shouldAliasTheGamePayloadInsteadOfCopyingIt() throws InvalidProtocolBufferException {
        // given
        byte[] envelope = gameEnvelope();
        ByteBuffer buffer = framedAt(4, envelope, false);
        ClientEnvelope parsed = EnvelopeCodec.parseClientEnvelope(buffer, 4, envelope.length);
        int payloadIndex = 4 + envelope.length - GAME_PAYLOAD.length;

        // when
        buffer.put(payloadIndex, (byte) 42);

        // then
        assertThat(parsed.getGame().getPayload().byteAt(0)).isEqualTo((byte) 42);
    }

    @Test
    void shouldParseFromADirectBuffer() throws InvalidProtocolBufferException {
        // given
        byte[] envelope = ServerEnvelope.newBuilder()
                .setPong(Pong.newBuilder().setClientTime(123).setServerTimeMs(456).setTick(789))
                .build()
                .toByteArray();
        ByteBuffer buffer = framedAt(2, envelope, true);

        // when
        ServerEnvelope parsed = EnvelopeCodec.parseServerEnvelope(buffer, 2, envelope.length);

        // then
        assertThat(parsed.getPong().getClientTime()).isEqualTo(123);
        assertThat(parsed.getPong().getTick()).isEqualTo(789);
    }

    @Test
    void shouldRejectBytesThatAreNotAnEnvelope() {
        // given: a field tag whose length-delimited body runs past the end
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {0x1a, 0x7f, 0x01});

        // when / then
        assertThatThrownBy(() -> EnvelopeCodec.parseClientEnvelope(buffer, 0, 3))
                .isInstanceOf(InvalidProtocolBufferException.class);
    }

    @Test
    void shouldRejectARangeOutsideTheBuffer() {
        // given
        ByteBuffer buffer = ByteBuffer.allocate(4);

        // when / then
        assertThatThrownBy(() -> EnvelopeCodec.parseClientEnvelope(buffer, 2, 3))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("offset=2");
    }
}
