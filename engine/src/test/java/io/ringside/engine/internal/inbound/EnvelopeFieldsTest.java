package io.ringside.engine.internal.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.LeaveRequest;
import io.ringside.protocol.envelope.ListRoomsRequest;
import io.ringside.protocol.envelope.Ping;
import io.ringside.protocol.websocket.Masking;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class EnvelopeFieldsTest {
    private static int field(ClientEnvelope envelope) {
        byte[] bytes = envelope.toByteArray();
        ByteBuffer buffer = ByteBuffer.allocate(bytes.length + 4).put(2, bytes);
        return EnvelopeFields.topLevelField(buffer, 2, bytes.length);
    }

    @Test
    void shouldNameTopLevelFieldWhenEnvelopeIsGenerated() {
        assertThat(field(ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomType("a")).build()))
                .isEqualTo(EnvelopeFields.JOIN);
        assertThat(field(ClientEnvelope.newBuilder().setLeave(LeaveRequest.getDefaultInstance()).build()))
                .isEqualTo(EnvelopeFields.LEAVE);
        assertThat(field(ClientEnvelope.newBuilder().setGame(GameMessage.newBuilder().setType(1)).build()))
                .isEqualTo(EnvelopeFields.GAME);
        assertThat(field(ClientEnvelope.newBuilder().setPing(Ping.newBuilder().setClientTime(1)).build()))
                .isEqualTo(EnvelopeFields.PING);
        assertThat(field(ClientEnvelope.newBuilder().setListRooms(ListRoomsRequest.getDefaultInstance()).build()))
                .isEqualTo(EnvelopeFields.LIST_ROOMS);
    }

    @Test
    void shouldReturnUnknownWhenFirstByteIsNoLengthDelimitedTag() {
        assertThat(EnvelopeFields.topLevelField(ByteBuffer.wrap(new byte[0]), 0, 0)).isEqualTo(EnvelopeFields.UNKNOWN);
        assertThat(EnvelopeFields.topLevelField(ByteBuffer.wrap(new byte[] {0x08, 1}), 0, 2))
                .as("varint wire type").isEqualTo(EnvelopeFields.UNKNOWN);
        assertThat(EnvelopeFields.topLevelField(ByteBuffer.wrap(new byte[] {0x02, 0}), 0, 2))
                .as("field 0").isEqualTo(EnvelopeFields.UNKNOWN);
        assertThat(EnvelopeFields.topLevelField(ByteBuffer.wrap(new byte[] {(byte) 0x82, 1, 0}), 0, 3))
                .as("multi-byte tag").isEqualTo(EnvelopeFields.UNKNOWN);
    }

    @Test
    void shouldReadFieldThroughKeyWhenEnvelopeIsStillMasked() {
        // given
        byte[] bytes = ClientEnvelope.newBuilder().setGame(GameMessage.newBuilder().setType(1)).build().toByteArray();
        int key = 0xA1B2_C3D4;
        ByteBuffer buffer = ByteBuffer.allocate(bytes.length + 4).put(2, bytes);
        Masking.unmask(buffer, 2, bytes.length, key, 0);
        byte[] masked = buffer.array().clone();

        // when
        int field = EnvelopeFields.topLevelField(buffer, 2, bytes.length, key);

        // then
        assertThat(field).isEqualTo(EnvelopeFields.GAME);
        assertThat(buffer.array()).isEqualTo(masked);
        assertThat(EnvelopeFields.topLevelField(buffer, 2, bytes.length, 0)).isEqualTo(EnvelopeFields.UNKNOWN);
        assertThat(EnvelopeFields.topLevelField(buffer, 2, 1, key)).isEqualTo(EnvelopeFields.UNKNOWN);
    }
}
