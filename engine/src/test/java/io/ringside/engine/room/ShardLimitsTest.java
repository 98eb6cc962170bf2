package io.ringside.engine.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Int64Value;
import com.google.protobuf.MessageLite;
import com.google.protobuf.StringValue;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.LeaveRequest;
import io.ringside.protocol.websocket.CloseCode;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Shard limits and metrics, driven by hand like {@link RoomRuntimeTest}. */
class ShardLimitsTest {
    private final Queue<String> log = new ConcurrentLinkedQueue<>();
    private final AtomicLong ticks = new AtomicLong();

    private EngineHarness harness(GameConfig.Builder builder, int capacity, long disposeWhenEmptyMs) {
        return new EngineHarness(builder.tickRateHz(10)
                .room("chat", () -> new TestRooms.ChatRoom(log, ticks), RoomOptions.builder().capacity(capacity)
                        .disposeWhenEmptyMs(disposeWhenEmptyMs).build()));
    }

    private static ClientEnvelope game(int type, MessageLite message) {
        return ClientEnvelope.newBuilder()
                .setGame(GameMessage.newBuilder().setType(type).setPayload(message.toByteString())).build();
    }

    @Test
    void shouldDispatchAtMostMaxEventsPerTickWhenMoreArrive() {
        // given
        EngineHarness h = harness(GameConfig.builder().shards(1).maxEventsPerTick(3), 4, 0);
        RecordingConnection a = h.connect();
        h.join(a, "chat");
        h.tick();
        long before = h.runtime.metrics().get(0).messagesIn();

        // when
        for (int i = 0; i < 5; i++) {
            h.send(a, game(TestRooms.COUNT, Int64Value.of(i)));
        }
        h.tick();
        long afterOne = h.runtime.metrics().get(0).messagesIn();
        h.tick();

        // then
        assertThat(afterOne - before).isEqualTo(3);
        assertThat(h.runtime.metrics().get(0).messagesIn() - before).isEqualTo(5);
        assertThat(h.runtime.metrics().get(0).ringDepth()).isZero();
    }

    @Test
    void shouldAnswerMalformedAndSeatNobodyWhenJoinRequestIsOverItsLimit() {
        // given: options that would be kept for as long as the seat
        EngineHarness h = harness(GameConfig.builder().shards(1).maxJoinRequestBytes(1024), 4, 0);
        RecordingConnection a = h.connect();
        JoinRequest.Builder join = JoinRequest.newBuilder().setRoomType("chat").putOptions("blob", "x".repeat(2000));

        // when
        h.send(a, ClientEnvelope.newBuilder().setJoin(join).build());
        h.tick();

        // then
        assertThat(a.drain().get(0).getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_MALFORMED_MESSAGE);
        assertThat(h.runtime.metrics().get(0).rooms()).isZero();
        h.send(a, ClientEnvelope.newBuilder().setJoin(join.putOptions("blob", "small")).build());
        h.tick();
        assertThat(a.drain().get(0).hasJoined()).isTrue();
    }

    @Test
    void shouldCountASendThePlayersConnectionRefusedWhenItIsClosed() {
        // given: two players, and one connection closed under the room's feet
        EngineHarness h = harness(GameConfig.builder().shards(1), 4, 0);
        RecordingConnection a = h.connect();
        RecordingConnection b = h.connect();
        h.join(a, "chat");
        h.join(b, "chat");
        h.tick();
        b.close(1006, "");

        // when: a's chat goes to everybody but a
        h.send(a, game(TestRooms.CHAT, StringValue.of("hello?")));
        h.tick();

        // then
        assertThat(h.runtime.metrics().get(0).sendsRefused()).isEqualTo(1);
    }

    @Test
    void shouldClosePolicyViolationWhenRefusedRequestsReachTheirLimit() {
        // given: game messages outside any room are refused
        EngineHarness h = harness(GameConfig.builder().shards(1).maxRefusedRequests(3), 4, 0);
        RecordingConnection a = h.connect();

        // when
        h.send(a, game(TestRooms.CHAT, StringValue.of("anyone?")));
        h.send(a, game(TestRooms.CHAT, StringValue.of("anyone?")));
        int afterTwo = a.closeCode();
        h.send(a, game(TestRooms.CHAT, StringValue.of("anyone?")));

        // then
        assertThat(afterTwo).isZero();
        assertThat(a.drain()).allMatch(e -> e.getError().getCode() == ErrorCode.ERROR_CODE_NOT_IN_ROOM);
        assertThat(a.closeCode()).isEqualTo(CloseCode.POLICY_VIOLATION);
    }

    @Test
    void shouldRefusePostsBeyondQueueCapacityWhenPostedAtOnce() throws Exception {
        // given
        EngineHarness h = harness(GameConfig.builder().shards(1).postQueueCapacity(5), 4, 0);
        RecordingConnection a = h.connect();
        h.join(a, "chat");
        h.tick();
        a.drain();

        // when
        h.send(a, game(TestRooms.POST_MANY, Int64Value.of(8)));
        h.tick();

        // then
        assertThat(Int64Value.parseFrom(a.drain().get(0).getGame().getPayload()).getValue()).isEqualTo(5);
    }

    @Test
    void shouldCountMessagesAndBytesWhenRoomSends() {
        // given
        EngineHarness h = harness(GameConfig.builder().shards(1), 4, 0);
        RecordingConnection a = h.connect();
        RecordingConnection b = h.connect();
        h.join(a, "chat");
        h.join(b, "chat");
        h.tick();
        ShardMetrics before = h.runtime.metrics().get(0);

        // when
        h.send(a, game(TestRooms.CHAT, StringValue.of("x")));
        h.tick();

        // then
        ShardMetrics after = h.runtime.metrics().get(0);
        assertThat(after.messagesOut() - before.messagesOut()).isEqualTo(1);
        assertThat(after.bytesOut() - before.bytesOut()).isEqualTo(2 + 9);
        assertThat(after.tick().ticks()).isGreaterThan(before.tick().ticks());
        assertThat(after.ringCapacity()).isEqualTo(16_384);
    }

    @Test
    void shouldAnswerRoomFullWhenJoiningFullRoomById() {
        // given
        EngineHarness h = harness(GameConfig.builder().shards(1), 1, 0);
        RecordingConnection a = h.connect();
        RecordingConnection b = h.connect();
        h.join(a, "chat");
        h.tick();
        String room = a.drain().get(0).getJoined().getRoomId();

        // when
        h.send(b, ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomId(room)).build());

        // then
        assertThat(b.drain().get(0).getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_ROOM_FULL);
    }
    @Test
    void shouldDropAndCountMessagesOverTheLimitUntilTheClockRefillsTheBucket() throws Exception {
        // given: COUNT limited to 10 per second with a burst of 2 (one tick is 100 ms at 10 Hz)
        EngineHarness h = new EngineHarness(GameConfig.builder().shards(1).tickRateHz(10)
                .room("limited", () -> new LimitedRoom(RateLimit.builder().ratePerSecond(10).burst(2).build()),
                        RoomOptions.defaults()));
        RecordingConnection a = h.connect();
        h.join(a, "limited");
        h.tick();
        a.drain();

        // when: five in one tick, then one in each of the next two ticks
        for (int i = 0; i < 5; i++) {
            h.send(a, game(TestRooms.COUNT, Int64Value.of(i)));
        }
        h.tick();
        long handledFirst = a.drain().size();
        h.send(a, game(TestRooms.COUNT, Int64Value.of(5)));
        h.tick();
        h.send(a, game(TestRooms.COUNT, Int64Value.of(6)));
        h.tick();

        // then: two of the five, then one per tick; nothing said about the dropped ones
        assertThat(handledFirst).isEqualTo(2);
        assertThat(a.drain()).hasSize(2).allMatch(ServerEnvelopeCheck::isGame);
        ShardMetrics metrics = h.runtime.metrics().get(0);
        assertThat(metrics.rateLimitedDropped()).isEqualTo(3);
        assertThat(metrics.rateLimitedErrored() + metrics.rateLimitedKicked()).isZero();
        assertThat(a.closeCode()).isZero();
    }

    @Test
    void shouldCountARejectedJoinTowardTheRefusedRequestLimit() {
        // given: a room that rejects joins with option reject
        EngineHarness h = harness(GameConfig.builder().shards(1).maxRefusedRequests(3), 4, 0);
        RecordingConnection a = h.connect();
        ClientEnvelope rejected = ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomType("chat")
                .putOptions("reject", "no")).build();

        // when
        for (int i = 0; i < 3; i++) {
            h.send(a, rejected);
            h.tick();
        }

        // then
        assertThat(a.drain()).hasSize(3)
                .allMatch(e -> e.getError().getCode() == ErrorCode.ERROR_CODE_JOIN_REJECTED);
        assertThat(a.closeCode()).isEqualTo(CloseCode.POLICY_VIOLATION);
    }

    private static ClientEnvelope createPrivate(String type) {
        return ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomType(type).setCreatePrivate(true))
                .build();
    }

    @Test
    void shouldAnswerRoomLimitWhenANewRoomWouldBeOverTheServersCapButStillSeatJoinsInExistingRooms() {
        // given: at most two rooms, both alive
        EngineHarness h = harness(GameConfig.builder().shards(1).maxRooms(2), 4, 0);
        RecordingConnection a = h.connect();
        RecordingConnection b = h.connect();
        RecordingConnection c = h.connect();
        h.send(a, createPrivate("chat"));
        h.send(b, createPrivate("chat"));
        h.tick();
        String roomOfA = a.drain().get(0).getJoined().getRoomId();

        // when
        h.send(c, createPrivate("chat"));
        ErrorCode refused = c.drain().get(0).getError().getCode();
        h.send(c, ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomId(roomOfA)).build());
        h.tick();

        // then
        assertThat(refused).isEqualTo(ErrorCode.ERROR_CODE_ROOM_LIMIT);
        assertThat(c.drain().get(0).getJoined().getRoomId()).isEqualTo(roomOfA);
        assertThat(h.runtime.gameMetrics().joinsByOutcome()).containsEntry("room_limit", 1L);
    }

    @Test
    void shouldLetAClientCreateAgainWhenARoomItCreatedIsDisposed() {
        // given: one room per client, and the client's room kept alive by another player
        EngineHarness h = harness(GameConfig.builder().shards(1).maxRoomsPerClient(1), 4, 0);
        RecordingConnection a = h.connect();
        RecordingConnection b = h.connect();
        h.send(a, createPrivate("chat"));
        h.tick();
        String room = a.drain().get(0).getJoined().getRoomId();
        h.send(b, ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomId(room)).build());
        h.send(a, ClientEnvelope.newBuilder().setLeave(LeaveRequest.getDefaultInstance())
                .build());
        h.tick();
        a.drain();

        // when: a cannot create while its room lives, and can once the last player left and it is gone
        h.send(a, createPrivate("chat"));
        ErrorCode whileAlive = a.drain().get(0).getError().getCode();
        h.send(b, ClientEnvelope.newBuilder().setLeave(LeaveRequest.getDefaultInstance())
                .build());
        h.ticks(2);
        h.send(a, createPrivate("chat"));
        h.tick();

        // then
        assertThat(whileAlive).isEqualTo(ErrorCode.ERROR_CODE_ROOM_LIMIT);
        assertThat(a.drain().get(0).hasJoined()).isTrue();
    }

    @Test
    void shouldChargeWhatASeatKeepsOfItsJoinRequestUntilTheSeatEnds() {
        // given: a connection, charged for its handshake
        EngineHarness h = harness(GameConfig.builder().shards(1), 4, 0);
        RecordingConnection a = h.connect("Cookie: session=" + "c".repeat(1000));
        long handshake = a.chargedBytes();
        JoinRequest join = JoinRequest.newBuilder().setRoomType("chat").putOptions("blob", "x".repeat(4000)).build();

        // when
        h.send(a, ClientEnvelope.newBuilder().setJoin(join).build());
        h.tick();
        long seated = a.chargedBytes();
        h.send(a, ClientEnvelope.newBuilder().setLeave(LeaveRequest.getDefaultInstance()).build());
        h.tick();
        long left = a.chargedBytes();
        h.disconnect(a);

        // then: the cookie, then twice the request beside it, then nothing
        assertThat(handshake).isGreaterThan(1000);
        assertThat(seated - handshake).isGreaterThanOrEqualTo(2L * join.getSerializedSize() + handshake);
        assertThat(left).isEqualTo(handshake);
        assertThat(a.chargedBytes()).isZero();
    }

    /** Answers COUNT with the count so far; COUNT has the given rate limit. */
    static final class LimitedRoom extends Room {
        private final RateLimit limit;
        private long counted;

        LimitedRoom(RateLimit limit) {
            this.limit = limit;
        }

        @Override
        protected void onCreate(java.util.Map<String, String> options) {
            messages().on(TestRooms.COUNT, Int64Value.parser(), (player, value) -> send(player, TestRooms.COUNT,
                    Int64Value.of(++counted))).limit(TestRooms.COUNT, limit);
        }
    }

    private static final class ServerEnvelopeCheck {
        static boolean isGame(io.ringside.protocol.envelope.ServerEnvelope envelope) {
            return envelope.hasGame();
        }
    }
}
