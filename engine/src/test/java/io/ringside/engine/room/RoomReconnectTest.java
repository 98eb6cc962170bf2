package io.ringside.engine.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.StringValue;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.Joined;
import io.ringside.protocol.envelope.LeaveRequest;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.envelope.ServerEnvelope.BodyCase;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Held seats and reconnect tokens, driven by hand: in-memory connections, an injected clock, ticks
 * run on the test thread. Room "chat" holds seats for 300 ms (3 ticks at 10 Hz), "plain" holds none.
 */
class RoomReconnectTest {
    private final Queue<String> log = new ConcurrentLinkedQueue<>();
    private final AtomicLong ticks = new AtomicLong();

    private EngineHarness harness(int capacity) {
        return new EngineHarness(GameConfig.builder().shards(1).tickRateHz(10)
                .room("chat", () -> new TestRooms.ChatRoom(log, ticks),
                        RoomOptions.builder().capacity(capacity).reconnectGraceMs(300).build())
                .room("plain", () -> new TestRooms.ChatRoom(log, ticks),
                        RoomOptions.builder().capacity(capacity).build()));
    }

    private static Joined seat(EngineHarness h, RecordingConnection connection, String type) {
        h.join(connection, type);
        h.tick();
        return joined(connection);
    }

    private static Joined joined(RecordingConnection connection) {
        List<ServerEnvelope> received = connection.drain();
        assertThat(received).extracting(ServerEnvelope::getBodyCase).containsExactly(BodyCase.JOINED);
        return received.get(0).getJoined();
    }

    /** The one envelope {@code connection} got is a RECONNECT_REJECTED error; returns its message. */
    private static String rejected(RecordingConnection connection) {
        List<ServerEnvelope> received = connection.drain();
        assertThat(received).extracting(ServerEnvelope::getBodyCase).containsExactly(BodyCase.ERROR);
        assertThat(received.get(0).getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_RECONNECT_REJECTED);
        return received.get(0).getError().getMessage();
    }

    private static void rejoin(EngineHarness h, RecordingConnection connection, String roomId, String token) {
        h.send(connection, ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomId(roomId)
                .setReconnectToken(token)).build());
    }

    private static void chat(EngineHarness h, RecordingConnection connection, String text) {
        h.send(connection, game(TestRooms.CHAT, StringValue.of(text).toByteString()));
    }

    private static ClientEnvelope game(int type, ByteString payload) {
        return ClientEnvelope.newBuilder().setGame(GameMessage.newBuilder().setType(type).setPayload(payload)).build();
    }

    @Test
    void shouldGiveTheSeatBackWithTheSameSessionWhenReconnectingWithinGrace() throws Exception {
        // given: a dropped while b stays, and b chats while a is away
        EngineHarness h = harness(4);
        RecordingConnection a = h.connect();
        RecordingConnection b = h.connect();
        Joined first = seat(h, a, "chat");
        seat(h, b, "chat");
        log.clear();
        h.drop(a);
        h.tick();
        chat(h, b, "while you were away");
        h.tick();

        // when
        RecordingConnection c = h.connect();
        rejoin(h, c, first.getRoomId(), first.getReconnectToken());
        h.tick();
        Joined again = joined(c);
        chat(h, c, "back");
        h.tick();

        // then
        assertThat(first.getReconnectToken()).hasSizeGreaterThanOrEqualTo(22).matches("[A-Za-z0-9_-]+");
        assertThat(again.getSessionId()).isEqualTo(first.getSessionId());
        assertThat(again.getRoomId()).isEqualTo(first.getRoomId());
        assertThat(again.getReconnectToken()).isNotEmpty().isNotEqualTo(first.getReconnectToken());
        assertThat(again.getCurrentTick()).isGreaterThan(first.getCurrentTick());
        assertThat(log).containsExactly("disconnect " + first.getSessionId() + " connected=false",
                "reconnect " + first.getSessionId() + " connected=true");
        List<ServerEnvelope> atB = b.drain();
        assertThat(atB).extracting(ServerEnvelope::getBodyCase).containsExactly(BodyCase.GAME);
        assertThat(StringValue.parseFrom(atB.get(0).getGame().getPayload()).getValue()).isEqualTo("back");
        assertThat(a.received()).isEmpty();
    }

    @Test
    void shouldLeaveDisconnectedAndRejectTheTokenWhenGraceRunsOut() {
        // given
        EngineHarness h = harness(4);
        RecordingConnection a = h.connect();
        RecordingConnection b = h.connect();
        Joined first = seat(h, a, "chat");
        seat(h, b, "chat");
        h.drop(a);
        h.tick();

        // when: the drop was seen in the tick above; the grace ends three ticks after it
        h.ticks(2);
        boolean leftEarly = log.stream().anyMatch(line -> line.startsWith("leave"));
        h.tick();
        RecordingConnection c = h.connect();
        rejoin(h, c, first.getRoomId(), first.getReconnectToken());

        // then
        assertThat(leftEarly).isFalse();
        assertThat(log).contains("leave " + first.getSessionId() + " LEAVE_REASON_DISCONNECTED");
        assertThat(rejected(c)).contains("token");
    }

    @Test
    void shouldRejectAUsedTokenAndAcceptTheRotatedOneWhenReconnectingTwice() {
        // given: a dropped and came back as c
        EngineHarness h = harness(4);
        RecordingConnection a = h.connect();
        Joined first = seat(h, a, "chat");
        h.drop(a);
        h.tick();
        RecordingConnection c = h.connect();
        rejoin(h, c, first.getRoomId(), first.getReconnectToken());
        h.tick();
        Joined second = joined(c);

        // when
        RecordingConnection reuse = h.connect();
        rejoin(h, reuse, first.getRoomId(), first.getReconnectToken());
        h.drop(c);
        h.tick();
        RecordingConnection d = h.connect();
        rejoin(h, d, first.getRoomId(), second.getReconnectToken());
        h.tick();

        // then
        assertThat(rejected(reuse)).contains("used");
        assertThat(joined(d).getSessionId()).isEqualTo(first.getSessionId());
        assertThat(log).filteredOn(line -> line.startsWith("leave")).isEmpty();
    }

    @Test
    void shouldRejectTheTokenOfAnotherRoomAndKeepItValidForItsOwn() {
        // given: capacity 1, so a and b sit in two rooms
        EngineHarness h = harness(1);
        RecordingConnection a = h.connect();
        RecordingConnection b = h.connect();
        Joined roomA = seat(h, a, "chat");
        Joined roomB = seat(h, b, "chat");
        h.drop(a);
        h.tick();
        RecordingConnection c = h.connect();

        // when
        rejoin(h, c, roomB.getRoomId(), roomA.getReconnectToken());
        String refusal = rejected(c);
        rejoin(h, c, roomA.getRoomId(), roomA.getReconnectToken());
        h.tick();

        // then
        assertThat(roomB.getRoomId()).isNotEqualTo(roomA.getRoomId());
        assertThat(refusal).contains("another room");
        assertThat(joined(c).getSessionId()).isEqualTo(roomA.getSessionId());
    }

    @Test
    void shouldRejectWithoutJoiningWhenTheTokenIsGarbageOrTheRoomHoldsNoSeatsOrIsNotNamed() {
        // given
        EngineHarness h = harness(4);
        RecordingConnection a = h.connect();
        RecordingConnection p = h.connect();
        Joined chat = seat(h, a, "chat");
        Joined plain = seat(h, p, "plain");
        RecordingConnection c = h.connect();

        // when
        rejoin(h, c, chat.getRoomId(), "garbage");
        String garbage = rejected(c);
        rejoin(h, c, plain.getRoomId(), chat.getReconnectToken());
        String noGrace = rejected(c);
        rejoin(h, c, "no-such-room", chat.getReconnectToken());
        String noRoom = rejected(c);
        h.send(c, ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomType("chat")
                .setReconnectToken(chat.getReconnectToken())).build());
        String byType = rejected(c);
        Joined plainJoin = seat(h, c, "chat");

        // then: nothing was joined by the refusals, and a's token still works
        assertThat(plain.getReconnectToken()).isEmpty();
        assertThat(garbage).contains("unknown");
        assertThat(noGrace).contains("reconnectGraceMs=0");
        assertThat(noRoom).contains("no-such-room");
        assertThat(byType).contains("room_id");
        assertThat(plainJoin.getSessionId()).isNotEqualTo(chat.getSessionId());
        h.drop(a);
        RecordingConnection back = h.connect();
        rejoin(h, back, chat.getRoomId(), chat.getReconnectToken());
        h.tick();
        assertThat(joined(back).getSessionId()).isEqualTo(chat.getSessionId());
    }

    @Test
    void shouldEndTheSeatAtOnceWhenThePlayerLeaves() {
        // given
        EngineHarness h = harness(4);
        RecordingConnection a = h.connect();
        RecordingConnection b = h.connect();
        Joined first = seat(h, a, "chat");
        seat(h, b, "chat");

        // when
        h.send(a, ClientEnvelope.newBuilder().setLeave(LeaveRequest.getDefaultInstance()).build());
        h.tick();
        RecordingConnection c = h.connect();
        rejoin(h, c, first.getRoomId(), first.getReconnectToken());

        // then
        assertThat(log).contains("leave " + first.getSessionId() + " LEAVE_REASON_LEFT");
        assertThat(log).noneMatch(line -> line.startsWith("disconnect"));
        rejected(c);
    }

    @Test
    void shouldLeaveInTheSameTickWhenTheRoomRefusesTheGrace() {
        // given
        EngineHarness h = harness(4);
        RecordingConnection a = h.connect();
        h.send(a, ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomType("chat")
                .putOptions(TestRooms.REFUSE_GRACE, "")).build());
        h.tick();
        Joined first = joined(a);
        log.clear();

        // when
        h.drop(a);
        h.tick();

        // then
        assertThat(log).containsExactly("disconnect " + first.getSessionId() + " connected=false",
                "leave " + first.getSessionId() + " LEAVE_REASON_DISCONNECTED", "dispose " + first.getRoomId());
    }

    @Test
    void shouldCountTheHeldSeatTowardCapacityWhenAPlayerIsAway() {
        // given: capacity 2, both seats taken, one of them held
        EngineHarness h = harness(2);
        RecordingConnection a = h.connect();
        RecordingConnection b = h.connect();
        Joined first = seat(h, a, "chat");
        seat(h, b, "chat");
        h.drop(a);
        h.tick();
        RecordingConnection c = h.connect();

        // when
        h.send(c, ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomId(first.getRoomId())).build());
        List<ServerEnvelope> byId = c.drain();
        Joined other = seat(h, c, "chat");

        // then
        assertThat(byId).extracting(ServerEnvelope::getBodyCase).containsExactly(BodyCase.ERROR);
        assertThat(byId.get(0).getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_ROOM_FULL);
        assertThat(other.getRoomId()).isNotEqualTo(first.getRoomId());
    }

    @Test
    void shouldKeepARoomWhoseOnlySeatIsHeldUntilTheGraceEnds() {
        // given: an empty room is disposed at once (disposeWhenEmptyMs 0)
        EngineHarness h = harness(4);
        RecordingConnection a = h.connect();
        Joined first = seat(h, a, "chat");

        // when
        h.drop(a);
        h.ticks(3);
        boolean disposedEarly = log.contains("dispose " + first.getRoomId());
        h.tick();

        // then
        assertThat(disposedEarly).isFalse();
        assertThat(log).endsWith("leave " + first.getSessionId() + " LEAVE_REASON_DISCONNECTED",
                "dispose " + first.getRoomId());
    }

    @Test
    void shouldHandTheSeatOverAndCloseTheOldConnectionWhenItIsStillOpen() throws Exception {
        // given: the server has not noticed that a is gone
        EngineHarness h = harness(4);
        RecordingConnection a = h.connect();
        RecordingConnection b = h.connect();
        Joined first = seat(h, a, "chat");
        seat(h, b, "chat");
        log.clear();
        RecordingConnection c = h.connect();

        // when: then a's late message and its close arrive after the handover
        rejoin(h, c, first.getRoomId(), first.getReconnectToken());
        h.tick();
        chat(h, a, "stale");
        h.disconnect(a);
        h.tick();
        chat(h, c, "fresh");
        h.tick();

        // then
        assertThat(a.closeCode()).isEqualTo(HeldSeats.SEAT_TAKEN_OVER);
        assertThat(joined(c).getSessionId()).isEqualTo(first.getSessionId());
        assertThat(log).containsExactly("reconnect " + first.getSessionId() + " connected=true");
        List<ServerEnvelope> atB = b.drain();
        assertThat(atB).hasSize(1);
        assertThat(StringValue.parseFrom(atB.get(0).getGame().getPayload()).getValue()).isEqualTo("fresh");
    }

    @Test
    void shouldTreatADropAsALeaveWithAnEmptyTokenWhenTheGraceIsZero() {
        // given
        EngineHarness h = harness(4);
        RecordingConnection p = h.connect();
        Joined first = seat(h, p, "plain");

        // when
        h.drop(p);
        h.tick();

        // then
        assertThat(first.getReconnectToken()).isEmpty();
        assertThat(log).containsExactly("create " + first.getRoomId(), "join " + first.getSessionId(),
                "leave " + first.getSessionId() + " LEAVE_REASON_DISCONNECTED", "dispose " + first.getRoomId());
    }

    @Test
    void shouldEndHeldSeatsAndRevokeTheirTokensWhenTheRoomCloses() {
        // given
        EngineHarness h = harness(4);
        RecordingConnection a = h.connect();
        RecordingConnection b = h.connect();
        Joined first = seat(h, a, "chat");
        seat(h, b, "chat");
        h.drop(a);
        h.tick();

        // when
        h.send(b, game(TestRooms.CLOSE, ByteString.EMPTY));
        h.tick();
        RecordingConnection c = h.connect();
        rejoin(h, c, first.getRoomId(), first.getReconnectToken());

        // then
        assertThat(log).contains("leave " + first.getSessionId() + " LEAVE_REASON_ROOM_CLOSED");
        rejected(c);
    }

    @Test
    void shouldRefuseTheHandoverWhenTheSeatEndedAfterTheTokenWasClaimed() {
        // given: a asks to be kicked, and its token is claimed before that tick runs
        EngineHarness h = harness(4);
        RecordingConnection a = h.connect();
        RecordingConnection b = h.connect();
        Joined first = seat(h, a, "chat");
        seat(h, b, "chat");
        h.send(a, game(TestRooms.KICK_ME, ByteString.EMPTY));
        RecordingConnection c = h.connect();
        rejoin(h, c, first.getRoomId(), first.getReconnectToken());

        // when
        h.tick();
        String refusal = rejected(c);
        Joined plainJoin = seat(h, c, "chat");

        // then: the refused connection is in no room and may join plainly
        assertThat(refusal).contains("no longer held");
        assertThat(log).contains("leave " + first.getSessionId() + " LEAVE_REASON_KICKED");
        assertThat(plainJoin.getSessionId()).isNotEqualTo(first.getSessionId());
    }
}
