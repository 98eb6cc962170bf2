package io.ringside.engine.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Int64Value;
import com.google.protobuf.MessageLite;
import com.google.protobuf.StringValue;
import io.ringside.engine.internal.MaskedWebSocketHandler;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.ListRoomsRequest;
import io.ringside.protocol.envelope.Ping;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.envelope.ServerEnvelope.BodyCase;
import io.ringside.protocol.websocket.Masking;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The game endpoint fed binary messages still masked, as the transport hands them over: game messages
 * are unmasked on their way into the ring slot, the rare kinds in place, and everything arrives intact.
 */
class GameEndpointMaskedTest {
    private static final int KEY = 0x9C3B_E105;
    private final Queue<String> log = new ConcurrentLinkedQueue<>();

    private EngineHarness harness(GameConfig.Builder builder) {
        return new EngineHarness(builder.shards(1).tickRateHz(10)
                .room("chat", () -> new TestRooms.ChatRoom(log, new AtomicLong()), RoomOptions.defaults()));
    }

    private static ClientEnvelope game(int type, MessageLite message) {
        return ClientEnvelope.newBuilder()
                .setGame(GameMessage.newBuilder().setType(type).setPayload(message.toByteString())).build();
    }

    private static ClientEnvelope join() {
        return ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomType("chat")).build();
    }

    private static List<BodyCase> bodies(List<ServerEnvelope> envelopes) {
        return envelopes.stream().map(ServerEnvelope::getBodyCase).toList();
    }

    @Test
    void shouldRelayGameMessagesIntactWhenHandedOverMaskedSmallAndLargerThanSlot() throws Exception {
        // given: 64-byte slots, so the long message takes the slot's larger-message path
        EngineHarness h = harness(GameConfig.builder().slotBytes(64));
        RecordingConnection a = h.connect();
        RecordingConnection b = h.connect();
        h.sendMasked(a, join(), KEY);
        h.sendMasked(b, join(), ~KEY);
        h.tick();
        a.drain();
        b.drain();
        String large = "x".repeat(3_000) + "end";

        // when
        h.sendMasked(a, game(TestRooms.CHAT, StringValue.of("hi")), KEY);
        h.sendMasked(a, game(TestRooms.CHAT, StringValue.of(large)), Integer.rotateLeft(KEY, 8));
        h.sendMasked(a, game(TestRooms.CHAT, StringValue.of("unmasked")), 0);
        h.tick();

        // then
        List<ServerEnvelope> atB = b.drain();
        assertThat(bodies(atB)).containsExactly(BodyCase.GAME, BodyCase.GAME, BodyCase.GAME);
        assertThat(atB).extracting(e -> StringValue.parseFrom(e.getGame().getPayload()).getValue())
                .containsExactly("hi", large, "unmasked");
        assertThat(h.runtime.metrics().get(0).malformedMessages()).isZero();
    }

    @Test
    void shouldLeaveMaskedSourceUntouchedWhenGameMessageIsCopiedIntoSlot() {
        // given
        EngineHarness h = harness(GameConfig.builder());
        RecordingConnection a = h.connect();
        h.sendMasked(a, join(), KEY);
        h.tick();
        byte[] envelope = game(TestRooms.CHAT, StringValue.of("hello")).toByteArray();
        ByteBuffer buffer = ByteBuffer.allocate(envelope.length).put(envelope);
        Masking.unmask(buffer, 0, envelope.length, KEY, 0);
        byte[] masked = buffer.array().clone();

        // when
        ((MaskedWebSocketHandler) h.runtime.endpoint()).onMaskedBinary(a, buffer, 0, envelope.length, KEY);

        // then: one pass, straight into the slot
        assertThat(buffer.array()).isEqualTo(masked);
        assertThat(h.runtime.metrics().get(0).ringDepth()).isEqualTo(1);
    }

    @Test
    void shouldDeliverAllInOrderWhenRingIsFullAndMessagesWereMasked() throws Exception {
        // given: a four-slot ring; the harness overwrites each read buffer after the call
        EngineHarness h = harness(GameConfig.builder().ringCapacity(4).slotBytes(16));
        RecordingConnection a = h.connect();
        h.sendMasked(a, join(), KEY);
        h.tick();
        a.drain();

        // when
        for (int i = 0; i < 10; i++) {
            h.sendMasked(a, game(TestRooms.COUNT, Int64Value.of(i)), KEY * (i + 1));
        }
        boolean pausedWhenFull = a.paused();
        h.ticks(4);

        // then: the room checks the order (it throws otherwise) and answers each with its count
        assertThat(pausedWhenFull).isTrue();
        List<ServerEnvelope> replies = a.drain();
        assertThat(replies).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(Int64Value.parseFrom(replies.get(i).getGame().getPayload()).getValue()).isEqualTo(i + 1);
        }
        assertThat(a.paused()).isFalse();
        assertThat(h.runtime.metrics().get(0).backpressureEvents()).isEqualTo(1);
        assertThat(h.runtime.metrics().get(0).roomFailures()).isZero();
    }

    @Test
    void shouldHandleRareKindsWhenHandedOverMasked() {
        // given
        EngineHarness h = harness(GameConfig.builder());
        RecordingConnection a = h.connect();
        ClientEnvelope ping = ClientEnvelope.newBuilder().setPing(Ping.newBuilder().setClientTime(42)).build();

        // when
        h.sendMasked(a, ping, KEY);
        h.sendMasked(a, game(TestRooms.CHAT, StringValue.of("early")), KEY);
        h.sendMasked(a, ClientEnvelope.newBuilder().setListRooms(ListRoomsRequest.newBuilder().setRoomType("chat"))
                .build(), KEY);
        List<ServerEnvelope> outside = a.drain();
        h.sendMasked(a, join(), KEY);
        h.tick();
        a.drain();
        h.sendMasked(a, ping, ~KEY);
        h.tick();
        List<ServerEnvelope> inside = a.drain();
        ((MaskedWebSocketHandler) h.runtime.endpoint()).onMaskedBinary(a, ByteBuffer.wrap(new byte[] {7, 7, 7}),
                0, 3, KEY);

        // then
        assertThat(bodies(outside)).containsExactly(BodyCase.PONG, BodyCase.ERROR, BodyCase.ROOM_LIST);
        assertThat(outside.get(0).getPong().getClientTime()).isEqualTo(42);
        assertThat(outside.get(1).getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_NOT_IN_ROOM);
        assertThat(bodies(inside)).containsExactly(BodyCase.PONG);
        assertThat(inside.get(0).getPong().getClientTime()).isEqualTo(42);
        assertThat(inside.get(0).getPong().getTick()).isPositive();
        assertThat(a.drain().get(0).getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_MALFORMED_MESSAGE);
    }
}
