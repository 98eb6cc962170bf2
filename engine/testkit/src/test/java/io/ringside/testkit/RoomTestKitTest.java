package io.ringside.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Empty;
import com.google.protobuf.Int64Value;
import com.google.protobuf.StringValue;
import io.ringside.engine.room.RoomOptions;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.LeaveReason;
import io.ringside.protocol.websocket.CloseCode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoomTestKitTest {
    private static final int TICK_RATE_HZ = 20;

    private final RoomTestKit kit = RoomTestKit.builder()
            .tickRateHz(TICK_RATE_HZ)
            .room("kit", KitRoom::new, RoomOptions.builder().capacity(3).disposeWhenEmptyMs(500).build())
            .room("held", KitRoom::new, RoomOptions.builder().capacity(3).reconnectGraceMs(1000).build())
            .build();

    @AfterEach
    void closeKit() {
        kit.close();
    }

    @Test
    void shouldCreateARoomWithOptionsAndRelayTypedMessagesBetweenPlayers() {
        // given
        TestRoom<KitRoom> room = kit.createRoom("kit", Map.of("label", "table 1"));
        TestPlayer alice = kit.connect().join(room, JoinOptions.of("name", "alice"));
        TestPlayer bob = kit.connect().join(room, JoinOptions.of("name", "bob"));
        kit.tick();

        // when
        alice.send(KitRoom.CHAT, StringValue.of("hi"));
        kit.tick();

        // then
        assertThat(room.room().createOptions).containsEntry("label", "table 1");
        assertThat(room.label()).isEqualTo("table 1");
        assertThat(room.room().log).containsExactly("join alice", "join bob");
        assertThat(room.playerCount()).isEqualTo(2);
        assertThat(bob.messages(KitRoom.CHAT, StringValue.parser())).containsExactly(StringValue.of("hi"));
        assertThat(alice.messages(KitRoom.CHAT, StringValue.parser())).isEmpty();
        assertThat(alice.isInRoom()).isTrue();
        assertThat(alice.joined().getRoomId()).isEqualTo(room.id());
        assertThat(alice.room()).isSameAs(room);
        assertThat(alice.player().sessionId()).isEqualTo(alice.sessionId());
    }

    @Test
    void shouldDeliverWhatIsSentBetweenTicksAtTheNextTick() {
        // given
        TestRoom<KitRoom> room = kit.createRoom("kit");
        TestPlayer alice = kit.connect().join(room);

        // when
        long ticksBefore = room.room().ticks;
        boolean seatedBeforeTick = alice.isInRoom();
        kit.tick();

        // then
        assertThat(seatedBeforeTick).isFalse();
        assertThat(alice.isInRoom()).isTrue();
        assertThat(room.room().ticks).isEqualTo(ticksBefore + 1);
        assertThat(kit.currentTick()).isEqualTo(1);
        assertThat(kit.nanoTime()).isEqualTo(1_000_000_000L / TICK_RATE_HZ);
    }

    @Test
    void shouldRunScheduledWorkAfterExactlyTheTicksAsked() {
        // given
        TestPlayer alice = kit.connect().joinOrCreate("kit");
        kit.tick();

        // when
        alice.send(KitRoom.LATER, Int64Value.of(5));
        kit.ticks(5);
        boolean earlyAnswer = !alice.messages(KitRoom.LATER, Int64Value.parser()).isEmpty();
        kit.tick();

        // then
        assertThat(earlyAnswer).isFalse();
        assertThat(alice.lastMessage(KitRoom.LATER, Int64Value.parser()).getValue()).isEqualTo(7);
    }

    @Test
    void shouldRejectJoinsByAuthTokenAndByHandshakeHeader() {
        // given
        TestRoom<KitRoom> room = kit.createRoom("kit");
        TestPlayer token = kit.connect().join(room, JoinOptions.of("name", "t").withAuthToken("bad"));
        TestPlayer header = kit.connect(Map.of("Authorization", "Bearer bad")).join(room);
        TestPlayer good = kit.connect(Map.of("Authorization", "Bearer good"))
                .join(room, JoinOptions.none().withAuthToken("good"));

        // when
        kit.tick();

        // then
        assertThat(token.lastErrorCode()).isEqualTo(ErrorCode.ERROR_CODE_JOIN_REJECTED);
        assertThat(token.errors()).singleElement().extracting(e -> e.getMessage()).isEqualTo("bad token");
        assertThat(header.errors()).singleElement().extracting(e -> e.getMessage()).isEqualTo("bad authorization");
        assertThat(token.isInRoom()).isFalse();
        assertThat(good.isInRoom()).isTrue();
        assertThat(room.playerCount()).isEqualTo(1);
    }

    @Test
    void shouldMatchmakeIntoTheSameRoomAndShowItInTheKit() {
        // given
        TestPlayer alice = kit.connect().joinOrCreate("kit", JoinOptions.of("label", "made by a join"));
        TestPlayer bob = kit.connect().joinOrCreate("kit");

        // when
        kit.tick();

        // then
        assertThat(kit.rooms()).singleElement().satisfies(room -> {
            assertThat(room.label()).isEqualTo("made by a join");
            assertThat(room.playerCount()).isEqualTo(2);
        });
        assertThat(alice.room()).isSameAs(bob.room());
    }

    @Test
    void shouldShowKickLockAndAListingWithoutTheLockedRoom() {
        // given
        TestRoom<KitRoom> room = kit.createRoom("kit");
        TestPlayer alice = kit.connect().join(room, JoinOptions.of("name", "alice"));
        TestPlayer bob = kit.connect().join(room, JoinOptions.of("name", "bob"));
        kit.tick();

        // when
        alice.send(KitRoom.LOCK, Empty.getDefaultInstance());
        bob.send(KitRoom.KICK_ME, Empty.getDefaultInstance());
        kit.tick();
        TestPlayer late = kit.connect().join(room).listRooms("kit");
        kit.tick();

        // then
        assertThat(room.isLocked()).isTrue();
        assertThat(bob.leaveReason()).isEqualTo(LeaveReason.LEAVE_REASON_KICKED);
        assertThat(bob.left().getMessage()).isEqualTo("asked for it");
        assertThat(bob.isInRoom()).isFalse();
        assertThat(bob.isOpen()).isTrue();
        assertThat(late.lastErrorCode()).isEqualTo(ErrorCode.ERROR_CODE_ROOM_LOCKED);
        assertThat(late.lastRoomList().getRoomsList()).isEmpty();
        assertThat(room.room().log).contains("leave bob LEAVE_REASON_KICKED");
    }

    @Test
    void shouldDisposeAClosedRoomAndTellItsPlayers() {
        // given
        TestRoom<KitRoom> room = kit.createRoom("kit");
        TestPlayer alice = kit.connect().join(room);
        kit.tick();

        // when
        alice.send(KitRoom.CLOSE, Empty.getDefaultInstance());
        kit.tick();

        // then
        assertThat(room.isDisposed()).isTrue();
        assertThat(alice.leaveReason()).isEqualTo(LeaveReason.LEAVE_REASON_ROOM_CLOSED);
        assertThat(room.room().log).endsWith("dispose");
    }

    @Test
    void shouldDisposeAnEmptyRoomOnlyOnceItsDelayRanOut() {
        // given
        TestRoom<KitRoom> room = kit.createRoom("kit");
        TestPlayer alice = kit.connect().join(room);
        kit.tick();
        alice.leave();

        // when
        kit.advanceMillis(400);
        boolean disposedEarly = room.isDisposed();
        kit.advanceMillis(200);

        // then
        assertThat(alice.leaveReason()).isEqualTo(LeaveReason.LEAVE_REASON_LEFT);
        assertThat(disposedEarly).isFalse();
        assertThat(room.isDisposed()).isTrue();
    }

    @Test
    void shouldHoldADroppedSeatAndGiveItBackOnReconnect() {
        // given
        TestRoom<KitRoom> room = kit.createRoom("held");
        TestPlayer alice = kit.connect().join(room, JoinOptions.of("name", "alice"));
        kit.tick();
        String sessionId = alice.sessionId();

        // when
        alice.drop();
        kit.tick();
        boolean heldWhileAway = room.playerCount() == 1 && !room.players().get(0).isConnected();
        alice.reconnect();
        kit.tick();

        // then
        assertThat(heldWhileAway).isTrue();
        assertThat(alice.isOpen()).isTrue();
        assertThat(alice.sessionId()).isEqualTo(sessionId);
        assertThat(room.room().log).containsExactly("join alice", "disconnect alice", "reconnect alice");
        assertThat(room.players().get(0).isConnected()).isTrue();
    }

    @Test
    void shouldLetAHeldSeatGoWhenTheGraceRunsOut() {
        // given
        TestRoom<KitRoom> room = kit.createRoom("held");
        TestPlayer alice = kit.connect().join(room, JoinOptions.of("name", "alice"));
        kit.tick();

        // when
        alice.drop();
        kit.advanceMillis(1100);
        alice.reconnect();
        kit.tick();

        // then
        assertThat(room.room().log).contains("leave alice LEAVE_REASON_DISCONNECTED");
        assertThat(alice.lastErrorCode()).isEqualTo(ErrorCode.ERROR_CODE_RECONNECT_REJECTED);
        assertThat(alice.isInRoom()).isFalse();
    }

    @Test
    void shouldDisposeAFailingRoomAndCloseItsPlayersWith1011() {
        // given
        TestRoom<KitRoom> room = kit.createRoom("kit");
        TestPlayer alice = kit.connect().join(room);
        kit.tick();

        // when
        alice.send(KitRoom.BOOM, Empty.getDefaultInstance());
        kit.tick();

        // then
        assertThat(room.isDisposed()).isTrue();
        assertThat(alice.lastErrorCode()).isEqualTo(ErrorCode.ERROR_CODE_INTERNAL);
        assertThat(alice.closeCode()).isEqualTo(CloseCode.INTERNAL_ERROR);
        assertThat(alice.isInRoom()).isFalse();
    }

    @Test
    void shouldTellClosedRoomsToEveryPlayerWhenTheKitCloses() {
        // given
        TestRoom<KitRoom> room = kit.createRoom("kit");
        TestPlayer alice = kit.connect().join(room);
        kit.tick();

        // when
        kit.close();

        // then
        assertThat(alice.leaveReason()).isEqualTo(LeaveReason.LEAVE_REASON_ROOM_CLOSED);
        assertThat(room.isDisposed()).isTrue();
    }

    @Test
    void shouldNameWhatIsWrongWhenUsedWrongly() {
        // given
        TestPlayer stranger = kit.connect();

        // when / then
        assertThatThrownBy(() -> kit.createRoom("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("room=nope");
        assertThatThrownBy(stranger::reconnect).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never joined");
        assertThatThrownBy(() -> stranger.lastMessage(KitRoom.CHAT, StringValue.parser()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no game message of type 1");
        assertThatThrownBy(() -> kit.connect("ws", Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target=ws");
        assertThat(stranger.room()).isNull();
        assertThat(stranger.sessionId()).isNull();
    }
}
