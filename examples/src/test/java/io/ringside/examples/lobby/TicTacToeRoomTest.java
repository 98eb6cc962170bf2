package io.ringside.examples.lobby;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.room.RoomOptions;
import io.ringside.examples.lobby.wire.ChatLine;
import io.ringside.examples.lobby.wire.ChatSend;
import io.ringside.examples.lobby.wire.Move;
import io.ringside.examples.lobby.wire.Phase;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.LeaveReason;
import io.ringside.testkit.JoinOptions;
import io.ringside.testkit.RoomTestKit;
import io.ringside.testkit.TestPlayer;
import io.ringside.testkit.TestRoom;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A tic-tac-toe table through the room test kit: seating, a won match, refusals, forfeit and the close. */
class TicTacToeRoomTest {
    private static final int HZ = 20;
    private static final int CLOSE_AFTER_FINISH_MS = 1000;

    private final RoomTestKit kit = RoomTestKit.builder().tickRateHz(HZ)
            .room("tictactoe", () -> new TicTacToeRoom(CLOSE_AFTER_FINISH_MS),
                    RoomOptions.builder().capacity(2).build())
            .build();
    private final TestRoom<TicTacToeRoom> table = kit.createRoom("tictactoe", Map.of("table", "corner"));

    @AfterEach
    void closeKit() {
        kit.close();
    }

    private TestPlayer seat(String name) {
        return kit.connect().join(table, JoinOptions.of("name", name));
    }

    private void play(TestPlayer player, int cell) {
        player.send(LobbyMessages.MOVE, Move.newBuilder().setCell(cell).build());
        kit.tick();
    }

    /** What {@code player} sees: its state patches so far, applied to a mirror. */
    private static LobbyMirror state(TestPlayer player) {
        return LobbyMirror.of(player.received());
    }

    @Test
    void shouldStartTheMatchAndLockTheTableWhenTheSecondPlayerSits() {
        // given
        TestPlayer ann = seat("ann");
        kit.tick();
        String waiting = table.label();

        // when
        TestPlayer bob = seat("bob");
        kit.tick();

        // then
        assertThat(waiting).isEqualTo("corner · ann waits");
        assertThat(table.isLocked()).isTrue();
        assertThat(table.label()).isEqualTo("corner · playing");
        assertThat(state(ann).phase()).isEqualTo(Phase.PHASE_PLAYING);
        assertThat(state(bob).game().getTurnId()).isEqualTo(ann.sessionId());
        assertThat(state(bob).seats()).extracting(s -> s.getName() + " " + s.getMark() + " " + s.getPlayerId())
                .containsExactly("ann X " + ann.sessionId(), "bob O " + bob.sessionId());
        assertThat(state(bob).board()).isEqualTo(".........");
    }

    @Test
    void shouldAwardAWonGameThenCloseTheTable() {
        // given
        TestPlayer ann = seat("ann");
        TestPlayer bob = seat("bob");
        kit.tick();

        // when: X takes the top row
        play(ann, 0);
        play(bob, 3);
        play(ann, 1);
        play(bob, 4);
        play(ann, 2);

        // then
        LobbyMirror end = state(bob);
        assertThat(end.phase()).isEqualTo(Phase.PHASE_FINISHED);
        assertThat(end.game().getWinnerId()).isEqualTo(ann.sessionId());
        assertThat(end.game().getTurnId()).isEmpty();
        assertThat(end.winningCells()).containsExactly(0, 1, 2);
        assertThat(end.board()).isEqualTo("XXXOO....");
        assertThat(end.game().getResult()).isEqualTo("ann wins with three in a row");
        assertThat(end.adds).as("Game, nine Cells, two Seats entered once").isEqualTo(12);
        assertThat(table.isDisposed()).isFalse();

        // and when the close delay has passed
        kit.advanceMillis(CLOSE_AFTER_FINISH_MS);

        // then
        assertThat(table.isDisposed()).isTrue();
        assertThat(ann.leaveReason()).isEqualTo(LeaveReason.LEAVE_REASON_ROOM_CLOSED);
        assertThat(bob.leaveReason()).isEqualTo(LeaveReason.LEAVE_REASON_ROOM_CLOSED);
    }

    @Test
    void shouldAnswerAMoveOutOfTurnWithAReasonAndChangeNothing() {
        // given
        TestPlayer ann = seat("ann");
        TestPlayer bob = seat("bob");
        kit.tick();

        // when
        play(bob, 4);

        // then
        assertThat(bob.lastMessage(LobbyMessages.CHAT_LINE, ChatLine.parser()).getText()).isEqualTo("it is ann's turn");
        assertThat(state(ann).board()).isEqualTo(".........");
        assertThat(state(ann).game().getTurnId()).isEqualTo(ann.sessionId());
    }

    @Test
    void shouldRejectATakenNameAndAJoinToALockedTable() {
        // given
        TestPlayer ann = seat("ann");
        kit.tick();
        TestPlayer otherAnn = seat("ANN");
        kit.tick();
        TestPlayer bob = seat("bob");
        kit.tick();

        // when
        TestPlayer late = seat("cid");
        kit.tick();

        // then
        assertThat(otherAnn.lastErrorCode()).isEqualTo(ErrorCode.ERROR_CODE_JOIN_REJECTED);
        assertThat(otherAnn.errors().get(0).getMessage()).isEqualTo("the name ANN is taken at this table");
        assertThat(late.lastErrorCode()).isEqualTo(ErrorCode.ERROR_CODE_ROOM_LOCKED);
        assertThat(table.players()).hasSize(2);
        assertThat(ann.isInRoom() && bob.isInRoom()).isTrue();
    }

    @Test
    void shouldForfeitTheMatchToThePlayerWhoStaysWhenTheOtherDrops() {
        // given
        TestPlayer ann = seat("ann");
        TestPlayer bob = seat("bob");
        kit.tick();

        // when
        bob.drop();
        kit.tick();

        // then
        assertThat(state(ann).phase()).isEqualTo(Phase.PHASE_FINISHED);
        assertThat(state(ann).game().getWinnerId()).isEqualTo(ann.sessionId());
        assertThat(state(ann).game().getResult()).isEqualTo("bob disconnected: ann wins");
        assertThat(state(ann).seats()).as("the seat stays to show the result").hasSize(2);
    }

    @Test
    void shouldRelayChatToBothPlayersWithTheSendersName() {
        // given
        TestPlayer ann = seat("ann");
        TestPlayer bob = seat("bob");
        kit.tick();

        // when
        ann.send(LobbyMessages.CHAT_SEND, ChatSend.newBuilder().setText("  good luck  ").build());
        kit.tick();

        // then
        ChatLine line = bob.lastMessage(LobbyMessages.CHAT_LINE, ChatLine.parser());
        assertThat(line.getFromName()).isEqualTo("ann");
        assertThat(line.getText()).isEqualTo("good luck");
        assertThat(ann.lastMessage(LobbyMessages.CHAT_LINE, ChatLine.parser())).isEqualTo(line);
    }
}
