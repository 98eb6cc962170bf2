package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import com.google.protobuf.Empty;
import com.google.protobuf.StringValue;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.Ping;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GameRequestsTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 127, 128, 16_384, Integer.MAX_VALUE, -1})
    void shouldEncodeGameMessagesAsProtobufDoesWhenTypeCrossesVarintLengths(int type) {
        // given
        StringValue message = StringValue.of("move north");

        // when
        byte[] encoded = bytes(GameRequests.game(type, message));

        // then
        ClientEnvelope expected = ClientEnvelope.newBuilder()
                .setGame(GameMessage.newBuilder().setType(type).setPayload(message.toByteString())).build();
        assertThat(encoded).isEqualTo(expected.toByteArray());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 100, 127, 128, 70_000, 1 << 20})
    void shouldEncodeGameMessagesWhenPayloadSizeCrossesVarintLengthsAndScratchSize(int size) throws Exception {
        // given
        BytesValue message = BytesValue.of(ByteString.copyFrom(new byte[size]));

        // when
        ClientEnvelope parsed = ClientEnvelope.parseFrom(GameRequests.game(42, message));

        // then
        assertThat(parsed.getBodyCase()).isEqualTo(ClientEnvelope.BodyCase.GAME);
        assertThat(parsed.getGame().getType()).isEqualTo(42);
        assertThat(BytesValue.parseFrom(parsed.getGame().getPayload())).isEqualTo(message);
    }

    @Test
    void shouldEncodeAnEmptyGameMessageAsAnEmptyGameBodyWhenTypeAndPayloadAreDefaults() throws Exception {
        // when
        ClientEnvelope parsed = ClientEnvelope.parseFrom(GameRequests.game(0, Empty.getDefaultInstance()));

        // then
        assertThat(parsed.getBodyCase()).isEqualTo(ClientEnvelope.BodyCase.GAME);
        assertThat(parsed.getGame()).isEqualTo(GameMessage.getDefaultInstance());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, -1, 1_000_000_007L, Long.MAX_VALUE, Long.MIN_VALUE})
    void shouldEncodePingsAsProtobufDoesWhenTimeTakesAnyValue(long clientTime) {
        // when
        byte[] encoded = bytes(GameRequests.ping(clientTime));

        // then
        ClientEnvelope expected = ClientEnvelope.newBuilder().setPing(Ping.newBuilder().setClientTime(clientTime))
                .build();
        assertThat(encoded).isEqualTo(expected.toByteArray());
    }

    @Test
    void shouldEncodeJoinOrCreateWithOptionsAndToken() throws Exception {
        // when
        ClientEnvelope parsed = ClientEnvelope.parseFrom(
                GameRequests.joinType("arena", false, Map.of("mode", "duel"), "tok"));

        // then
        JoinRequest join = parsed.getJoin();
        assertThat(join.getTargetCase()).isEqualTo(JoinRequest.TargetCase.ROOM_TYPE);
        assertThat(join.getRoomType()).isEqualTo("arena");
        assertThat(join.getCreatePrivate()).isFalse();
        assertThat(join.getOptionsMap()).containsExactly(Map.entry("mode", "duel"));
        assertThat(join.getAuthToken()).isEqualTo("tok");
        assertThat(join.getReconnectToken()).isEmpty();
    }

    @Test
    void shouldEncodeCreatePrivate() throws Exception {
        // when
        ClientEnvelope parsed = ClientEnvelope.parseFrom(GameRequests.joinType("arena", true, Map.of(), ""));

        // then
        assertThat(parsed.getJoin().getRoomType()).isEqualTo("arena");
        assertThat(parsed.getJoin().getCreatePrivate()).isTrue();
    }

    @Test
    void shouldEncodeJoinByIdWithReconnectToken() throws Exception {
        // when
        ClientEnvelope parsed = ClientEnvelope.parseFrom(
                GameRequests.joinId("room-7", Map.of("team", "red"), "tok", "seat-9"));

        // then
        JoinRequest join = parsed.getJoin();
        assertThat(join.getTargetCase()).isEqualTo(JoinRequest.TargetCase.ROOM_ID);
        assertThat(join.getRoomId()).isEqualTo("room-7");
        assertThat(join.getOptionsMap()).containsExactly(Map.entry("team", "red"));
        assertThat(join.getAuthToken()).isEqualTo("tok");
        assertThat(join.getReconnectToken()).isEqualTo("seat-9");
    }

    @Test
    void shouldEncodeListRooms() throws Exception {
        // when
        ClientEnvelope parsed = ClientEnvelope.parseFrom(GameRequests.listRooms("arena"));

        // then
        assertThat(parsed.getBodyCase()).isEqualTo(ClientEnvelope.BodyCase.LIST_ROOMS);
        assertThat(parsed.getListRooms().getRoomType()).isEqualTo("arena");
    }

    @Test
    void shouldEncodeLeave() throws Exception {
        // when
        ClientEnvelope parsed = ClientEnvelope.parseFrom(GameRequests.leave());

        // then
        assertThat(parsed.getBodyCase()).isEqualTo(ClientEnvelope.BodyCase.LEAVE);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
