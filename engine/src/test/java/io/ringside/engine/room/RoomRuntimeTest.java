package io.ringside.engine.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Int64Value;
import com.google.protobuf.MessageLite;
import com.google.protobuf.StringValue;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.LeaveReason;
import io.ringside.protocol.envelope.LeaveRequest;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.envelope.ServerEnvelope.BodyCase;
import io.ringside.protocol.websocket.CloseCode;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The engine driven by hand: in-memory connections, an injected clock, ticks run on the test thread. */
class RoomRuntimeTest {
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

    private static List<BodyCase> bodies(List<ServerEnvelope> envelopes) {
        return envelopes.stream().map(ServerEnvelope::getBodyCase).toList();
    }

    @Test
    void shouldDeliverMessageToOtherPlayerAtNextTickWhenSent() throws Exception {
        // given
        EngineHarness h = harness(GameConfig.builder().shards(2), 4, 0);
        RecordingConnection a = h.connect();
        RecordingConnection b = h.connect();
        h.join(a, "chat");
        h.join(b, "chat");
        h.tick();
        a.drain();
        b.drain();

        // when
        h.send(a, game(TestRooms.CHAT, StringValue.of("hi")));
        List<ServerEnvelope> beforeTick = b.drain();
        h.tick();

        // then
        assertThat(beforeTick).isEmpty();
        List<ServerEnvelope> atB = b.drain();
        assertThat(bodies(atB)).containsExactly(BodyCase.GAME);
        assertThat(StringValue.parseFrom(atB.get(0).getGame().getPayload()).getValue()).isEqualTo("hi");
        assertThat(a.drain()).isEmpty();
    }

    @Test
    void shouldDisposeEmptyRoomOnlyAfterDelayWhenLastPlayerLeaves() {
        // given: 300 ms at 10 Hz is 3 ticks
        EngineHarness h = harness(GameConfig.builder().shards(1), 4, 300);
        RecordingConnection a = h.connect();
        h.join(a, "chat");
        h.tick();
        String room = a.drain().get(0).getJoined().getRoomId();

        // when
        h.send(a, ClientEnvelope.newBuilder().setLeave(LeaveRequest.getDefaultInstance()).build());
        h.ticks(3);
        boolean disposedEarly = log.contains("dispose " + room);
        h.tick();

        // then
        assertThat(disposedEarly).isFalse();
        assertThat(log).contains("dispose " + room);
        assertThat(bodies(a.drain())).containsExactly(BodyCase.LEFT);
    }

    @Test
    void shouldKeepOtherRoomTickingWhenOneRoomThrows() {
        // given: one shard, capacity 1, so two rooms share the tick thread
        EngineHarness h = harness(GameConfig.builder().shards(1), 1, 0);
        RecordingConnection a = h.connect();
        RecordingConnection b = h.connect();
        h.join(a, "chat");
        h.join(b, "chat");
        h.tick();
        h.send(a, game(TestRooms.BOOM, StringValue.of("now")));

        // when
        h.tick();
        long ticksAfter = ticks.get();
        h.tick();
        h.send(b, game(TestRooms.COUNT, Int64Value.of(0)));
        h.tick();

        // then
        assertThat(a.closeCode()).isEqualTo(CloseCode.INTERNAL_ERROR);
        assertThat(a.drain().get(1).getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_INTERNAL);
        assertThat(ticks.get()).isEqualTo(ticksAfter + 2);
        assertThat(bodies(b.drain())).containsExactly(BodyCase.JOINED, BodyCase.GAME);
        assertThat(h.runtime.metrics().get(0).roomFailures()).isEqualTo(1);
        assertThat(h.runtime.metrics().get(0).rooms()).isEqualTo(1);
    }

    @Test
    void shouldPauseReadingAndDeliverAllInOrderWhenRingIsFull() throws Exception {
        // given: a four-slot ring
        EngineHarness h = harness(GameConfig.builder().shards(1).ringCapacity(4), 4, 0);
        RecordingConnection a = h.connect();
        h.join(a, "chat");
        h.tick();
        a.drain();

        // when
        for (int i = 0; i < 10; i++) {
            h.send(a, game(TestRooms.COUNT, Int64Value.of(i)));
        }
        boolean pausedWhenFull = a.paused();
        long depthWhenFull = h.runtime.metrics().get(0).ringDepth();
        h.ticks(4);

        // then
        assertThat(pausedWhenFull).isTrue();
        assertThat(depthWhenFull).isEqualTo(4);
        List<ServerEnvelope> replies = a.drain();
        assertThat(replies).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(Int64Value.parseFrom(replies.get(i).getGame().getPayload()).getValue()).isEqualTo(i + 1);
        }
        assertThat(a.paused()).isFalse();
        assertThat(h.runtime.metrics().get(0).backpressureEvents()).isEqualTo(1);
    }

    @Test
    void shouldPublishDisconnectWhenRingIsFullAtClose() {
        // given
        EngineHarness h = harness(GameConfig.builder().shards(1).ringCapacity(2), 4, 0);
        RecordingConnection a = h.connect();
        h.join(a, "chat");
        h.tick();
        String session = a.drain().get(0).getJoined().getSessionId();
        h.send(a, game(TestRooms.CHAT, StringValue.of("1")));
        h.send(a, game(TestRooms.CHAT, StringValue.of("2")));

        // when
        h.disconnect(a);
        h.ticks(2);

        // then
        assertThat(log).contains("leave " + session + " " + LeaveReason.LEAVE_REASON_DISCONNECTED);
    }

    @Test
    void shouldRunScheduledTaskAfterDelayWhenRoomSchedules() throws Exception {
        // given
        EngineHarness h = harness(GameConfig.builder().shards(1), 4, 0);
        RecordingConnection a = h.connect();
        h.join(a, "chat");
        h.tick();
        a.drain();

        // when: sent before tick 2, scheduled 3 ticks after it
        h.send(a, game(TestRooms.SCHEDULE, Int64Value.of(3)));
        h.ticks(3);
        List<ServerEnvelope> early = a.drain();
        h.tick();

        // then
        assertThat(early).isEmpty();
        List<ServerEnvelope> replies = a.drain();
        assertThat(Int64Value.parseFrom(replies.get(0).getGame().getPayload()).getValue()).isEqualTo(5);
    }

    @Test
    void shouldRunPostedResultOnRoomThreadWhenWorkDoneElsewhere() throws Exception {
        // given
        EngineHarness h = harness(GameConfig.builder().shards(1), 4, 0);
        RecordingConnection a = h.connect();
        h.join(a, "chat");
        h.tick();
        a.drain();

        // when
        h.send(a, game(TestRooms.POST, StringValue.of("slow")));
        List<ServerEnvelope> replies = a.drain();
        while (replies.isEmpty()) {
            h.tick();
            replies = a.drain();
        }

        // then
        assertThat(StringValue.parseFrom(replies.get(0).getGame().getPayload()).getValue()).isEqualTo("SLOW");
    }

    @Test
    void shouldTellKickedPlayerAndCloseRoomWhenRoomDecides() {
        // given
        EngineHarness h = harness(GameConfig.builder().shards(1), 4, 60_000);
        RecordingConnection a = h.connect();
        RecordingConnection b = h.connect();
        h.join(a, "chat");
        h.join(b, "chat");
        h.tick();
        a.drain();
        b.drain();

        // when
        h.send(a, game(TestRooms.KICK_ME, StringValue.of("")));
        h.tick();
        h.send(b, game(TestRooms.CLOSE, StringValue.of("")));
        h.tick();

        // then
        assertThat(a.drain().get(0).getLeft().getReason()).isEqualTo(LeaveReason.LEAVE_REASON_KICKED);
        assertThat(b.drain().get(0).getLeft().getReason()).isEqualTo(LeaveReason.LEAVE_REASON_ROOM_CLOSED);
        assertThat(h.runtime.metrics().get(0).rooms()).isZero();
    }

    @Test
    void shouldLetAuthHookSeeHandshakeCookiesWhenDecidingJoin() {
        // given
        EngineHarness h = harness(GameConfig.builder().shards(1), 4, 0);
        RecordingConnection withCookie = h.connect("Cookie: theme=dark; session=xyz");
        RecordingConnection without = h.connect();
        ClientEnvelope join = ClientEnvelope.newBuilder().setJoin(io.ringside.protocol.envelope.JoinRequest.newBuilder()
                .setRoomType("chat").putOptions("requireCookie", "session")).build();

        // when
        h.send(withCookie, join);
        h.send(without, join);
        h.tick();

        // then
        assertThat(bodies(withCookie.drain())).containsExactly(BodyCase.JOINED);
        ServerEnvelope rejected = without.drain().get(0);
        assertThat(rejected.getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_JOIN_REJECTED);
        assertThat(rejected.getError().getMessage()).isEqualTo("no cookie session");
    }
}
