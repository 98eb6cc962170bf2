package io.ringside.engine.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.Joined;
import io.ringside.protocol.envelope.ListRoomsRequest;
import io.ringside.protocol.envelope.RoomInfo;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.envelope.ServerEnvelope.BodyCase;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Rooms that take themselves out of matchmaking (Room.lock/unlock), driven by hand: in-memory
 * connections, ticks on the test thread. Room "chat" takes 4 players and holds seats for 300 ms.
 */
class RoomLockTest {
    private final Queue<String> log = new ConcurrentLinkedQueue<>();
    private final EngineHarness h = new EngineHarness(GameConfig.builder().shards(1).tickRateHz(10)
            .room("chat", () -> new TestRooms.ChatRoom(log, new AtomicLong()),
                    RoomOptions.builder().capacity(4).reconnectGraceMs(300).build()));

    private Joined seat(RecordingConnection connection) {
        h.join(connection, "chat");
        h.tick();
        return only(connection, BodyCase.JOINED).getJoined();
    }

    private static ServerEnvelope only(RecordingConnection connection, BodyCase body) {
        List<ServerEnvelope> received = connection.drain();
        assertThat(received).extracting(ServerEnvelope::getBodyCase).containsExactly(body);
        return received.get(0);
    }

    private void signal(RecordingConnection connection, int type) {
        h.send(connection, ClientEnvelope.newBuilder().setGame(GameMessage.newBuilder().setType(type)).build());
        h.tick();
    }

    private void joinById(RecordingConnection connection, String roomId, String... options) {
        JoinRequest.Builder join = JoinRequest.newBuilder().setRoomId(roomId);
        for (String option : options) {
            join.putOptions(option, "");
        }
        h.send(connection, ClientEnvelope.newBuilder().setJoin(join).build());
    }

    private List<RoomInfo> listing() {
        RecordingConnection lister = h.connect();
        h.send(lister, ClientEnvelope.newBuilder().setListRooms(ListRoomsRequest.newBuilder().setRoomType("chat"))
                .build());
        return only(lister, BodyCase.ROOM_LIST).getRoomList().getRoomsList();
    }

    @Test
    void shouldCreateANewRoomWhenJoinOrCreateFindsTheOnlyRoomWithSeatsLocked() {
        // given
        RecordingConnection a = h.connect();
        Joined first = seat(a);
        signal(a, TestRooms.LOCK);

        // when
        Joined b = seat(h.connect());

        // then
        assertThat(b.getRoomId()).isNotEqualTo(first.getRoomId());
        assertThat(log).containsExactly("create " + first.getRoomId(), "join " + first.getSessionId(),
                "create " + b.getRoomId(), "join " + b.getSessionId());
    }

    @Test
    void shouldMatchIntoTheRoomAgainWhenItUnlocks() {
        // given
        RecordingConnection a = h.connect();
        String roomId = seat(a).getRoomId();
        signal(a, TestRooms.LOCK);

        // when
        signal(a, TestRooms.UNLOCK);
        Joined b = seat(h.connect());

        // then
        assertThat(b.getRoomId()).isEqualTo(roomId);
        assertThat(listing()).extracting(RoomInfo::getRoomId).containsExactly(roomId);
    }

    @Test
    void shouldLeaveALockedRoomOutOfRoomLists() {
        // given
        RecordingConnection a = h.connect();
        String lockedId = seat(a).getRoomId();
        signal(a, TestRooms.LOCK);
        String openId = seat(h.connect()).getRoomId();

        // when
        List<RoomInfo> rooms = listing();

        // then
        assertThat(openId).isNotEqualTo(lockedId);
        assertThat(rooms).extracting(RoomInfo::getRoomId).containsExactly(openId);
    }

    @Test
    void shouldRefuseAJoinByIdWithRoomLockedWhenTheRoomIsLocked() {
        // given
        RecordingConnection a = h.connect();
        String roomId = seat(a).getRoomId();
        signal(a, TestRooms.LOCK);
        log.clear();

        // when
        RecordingConnection b = h.connect();
        joinById(b, roomId);
        h.tick();

        // then: refused on the I/O thread, the room never hears of it
        ServerEnvelope error = only(b, BodyCase.ERROR);
        assertThat(error.getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_ROOM_LOCKED);
        assertThat(error.getError().getMessage()).isEqualTo("room " + roomId + " is locked");
        assertThat(log).isEmpty();
    }

    @Test
    void shouldGiveAHeldSeatBackWhenTheRoomLockedDuringTheGrace() {
        // given: a drops, then b locks the room
        RecordingConnection a = h.connect();
        Joined first = seat(a);
        RecordingConnection b = h.connect();
        seat(b);
        h.drop(a);
        h.tick();
        signal(b, TestRooms.LOCK);

        // when
        RecordingConnection c = h.connect();
        h.send(c, ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomId(first.getRoomId())
                .setReconnectToken(first.getReconnectToken())).build());
        h.tick();

        // then
        Joined again = only(c, BodyCase.JOINED).getJoined();
        assertThat(again.getSessionId()).isEqualTo(first.getSessionId());
        assertThat(log).contains("reconnect " + first.getSessionId() + " connected=true");
    }

    @Test
    void shouldLetTheRoomDecideAJoinReservedBeforeTheLockWhenItArrivesAfterIt() {
        // given: b's and c's seats are reserved (I/O thread) after a asked for the lock but before
        // the tick thread ran it, so both joins reach the room after it locked
        RecordingConnection a = h.connect();
        String roomId = seat(a).getRoomId();
        h.send(a, ClientEnvelope.newBuilder().setGame(GameMessage.newBuilder().setType(TestRooms.LOCK)).build());
        RecordingConnection b = h.connect();
        joinById(b, roomId);
        RecordingConnection c = h.connect();
        joinById(c, roomId, TestRooms.REFUSE_IF_LOCKED);

        // when
        h.tick();

        // then: onJoinAttempt ran for both; the default accepts, the one checking isLocked() refuses
        assertThat(only(b, BodyCase.JOINED).getJoined().getRoomId()).isEqualTo(roomId);
        ServerEnvelope refused = only(c, BodyCase.ERROR);
        assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_JOIN_REJECTED);
        assertThat(refused.getError().getMessage()).isEqualTo("locked");
        assertThat(listing()).isEmpty();
    }
}
