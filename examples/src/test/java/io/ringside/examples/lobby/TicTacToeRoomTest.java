package io.ringside.examples.lobby;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.examples.lobby.wire.ChatLine;
import io.ringside.examples.lobby.wire.ChatSend;
import io.ringside.examples.lobby.wire.Move;
import io.ringside.examples.lobby.wire.Phase;
import io.ringside.examples.lobby.wire.Rematch;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.LeaveReason;
import io.ringside.testkit.JoinOptions;
import io.ringside.testkit.RoomTestKit;
import io.ringside.testkit.TestPlayer;
import io.ringside.testkit.TestRoom;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A tic-tac-toe table through the room test kit: seating, a won match, refusals, leaves told in words,
 * a dropped player's held seat, rematches and the close.
 */
class TicTacToeRoomTest {
    private static final int HZ = 20;
    private static final int CLOSE_AFTER_FINISH_MS = 1000;
    private static final int RECONNECT_GRACE_MS = 2000;

    private final RoomTestKit kit = RoomTestKit.builder().tickRateHz(HZ)
            .room("tictactoe", LobbyServer.roomType(CLOSE_AFTER_FINISH_MS, RECONNECT_GRACE_MS),
                    LobbyServer.roomOptions(RECONNECT_GRACE_MS))
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
    void shouldHoldTheSeatOfAPlayerWhoDropsThenForfeitWhenTheyDoNotComeBackInTime() {
        // given
        TestPlayer ann = seat("ann");
        TestPlayer bob = seat("bob");
        kit.tick();

        // when
        bob.drop();
        kit.tick();
        LobbyMirror held = state(ann);
        String heldLine = lastChat(ann);
        kit.advanceMillis(RECONNECT_GRACE_MS);

        // then
        assertThat(held.phase()).isEqualTo(Phase.PHASE_PLAYING);
        assertThat(held.seats()).filteredOn(s -> s.getName().equals("bob")).singleElement()
                .satisfies(s -> assertThat(s.getAway()).isTrue());
        assertThat(heldLine).isEqualTo("bob lost the connection; the table waits 2 s for them to come back");
        LobbyMirror end = state(ann);
        assertThat(end.phase()).isEqualTo(Phase.PHASE_FINISHED);
        assertThat(end.game().getWinnerId()).isEqualTo(ann.sessionId());
        assertThat(end.game().getResult()).isEqualTo("bob did not come back within 2 s, so ann wins");
        assertThat(end.seats()).as("the seat stays to show the result").hasSize(2)
                .filteredOn(s -> s.getName().equals("bob")).singleElement()
                .satisfies(s -> assertThat(s.getGone()).isTrue());
    }

    @Test
    void shouldGiveTheSeatBackToADroppedPlayerWhoReconnectsInTime() {
        // given
        TestPlayer ann = seat("ann");
        TestPlayer bob = seat("bob");
        kit.tick();
        bob.drop();
        kit.tick();

        // when
        bob.reconnect();
        kit.tick();
        play(ann, 4);

        // then
        assertThat(lastChat(ann)).isEqualTo("bob is back");
        LobbyMirror now = state(ann);
        assertThat(now.phase()).isEqualTo(Phase.PHASE_PLAYING);
        assertThat(now.seats()).noneMatch(s -> s.getAway() || s.getGone());
        assertThat(now.game().getTurnId()).isEqualTo(bob.sessionId());
    }

    @Test
    void shouldTellTheOtherPlayerInWordsWhenTheOpponentLeavesOrIsRemoved() {
        // given
        TestPlayer ann = seat("ann");
        TestPlayer bob = seat("bob");
        kit.tick();

        // when
        bob.leave();
        kit.tick();

        // then
        assertThat(ann.messages(LobbyMessages.CHAT_LINE, ChatLine.parser())).extracting(ChatLine::getText)
                .contains("bob left the table");
        assertThat(state(ann).game().getResult()).isEqualTo("bob left the table, so ann wins");
        assertThat(lastChat(ann)).isEqualTo("bob left the table, so ann wins. This table closes in 1 s.");
    }

    @Test
    void shouldStartARematchAtTheSameTableWhenBothAskAndKeepItOpen() {
        // given: ann (X) wins
        TestPlayer ann = seat("ann");
        TestPlayer bob = seat("bob");
        kit.tick();
        play(ann, 0);
        play(bob, 3);
        play(ann, 1);
        play(bob, 4);
        play(ann, 2);

        // when
        ann.send(LobbyMessages.REMATCH, Rematch.getDefaultInstance());
        kit.tick();
        String asked = lastChat(bob);
        boolean askedFlag = state(bob).seats().stream().anyMatch(s -> s.getName().equals("ann") && s.getRematch());
        bob.send(LobbyMessages.REMATCH, Rematch.getDefaultInstance());
        kit.tick();
        kit.advanceMillis(CLOSE_AFTER_FINISH_MS * 2L);

        // then
        assertThat(asked).isEqualTo("ann wants a rematch");
        assertThat(askedFlag).isTrue();
        assertThat(table.isDisposed()).as("a rematch keeps the table open").isFalse();
        LobbyMirror rematch = state(ann);
        assertThat(rematch.phase()).isEqualTo(Phase.PHASE_PLAYING);
        assertThat(rematch.game().getRound()).isEqualTo(2);
        assertThat(rematch.board()).isEqualTo(".........");
        assertThat(rematch.winningCells()).isEmpty();
        assertThat(rematch.game().getTurnId()).as("bob is X now").isEqualTo(bob.sessionId());
        assertThat(rematch.seats()).extracting(s -> s.getName() + " " + s.getMark() + " " + s.getRematch())
                .containsExactlyInAnyOrder("ann O false", "bob X false");
        assertThat(ann.messages(LobbyMessages.CHAT_LINE, ChatLine.parser())).extracting(ChatLine::getText)
                .contains("Rematch! bob plays X and moves first");
        assertThat(table.label()).isEqualTo("corner · playing match 2");
    }

    @Test
    void shouldCloseTheTableWhenOnlyOnePlayerAsksForARematch() {
        // given
        TestPlayer ann = seat("ann");
        TestPlayer bob = seat("bob");
        kit.tick();
        bob.leave();
        kit.tick();

        // when
        ann.send(LobbyMessages.REMATCH, Rematch.getDefaultInstance());
        kit.tick();
        String refusal = lastChat(ann);
        kit.advanceMillis(CLOSE_AFTER_FINISH_MS);

        // then
        assertThat(refusal).isEqualTo("bob has left the table");
        assertThat(table.isDisposed()).isTrue();
        assertThat(ann.leaveReason()).isEqualTo(LeaveReason.LEAVE_REASON_ROOM_CLOSED);
    }

    private static String lastChat(TestPlayer player) {
        return player.lastMessage(LobbyMessages.CHAT_LINE, ChatLine.parser()).getText();
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
