package io.ringside.examples.lobby;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.examples.lobby.wire.Phase;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Tic-tac-toe rules without sockets: seating, turns, wins, draws and forfeits. */
class MatchTest {
    private static Match started() {
        Match match = new Match();
        match.sit("a", "alice");
        match.sit("b", "bob");
        return match;
    }

    private static void play(Match match, int... cells) {
        for (int i = 0; i < cells.length; i++) {
            assertThat(match.play(i % 2 == 0 ? "a" : "b", cells[i])).isNull();
        }
    }

    @Test
    void shouldStartWithXToMoveWhenTheSecondPlayerSits() {
        // given
        Match match = new Match();

        // when
        Match.Seat x = match.sit("a", "alice");
        Phase waiting = match.phase();
        Match.Seat o = match.sit("b", "bob");

        // then
        assertThat(waiting).isEqualTo(Phase.PHASE_WAITING);
        assertThat(match.phase()).isEqualTo(Phase.PHASE_PLAYING);
        assertThat(x.mark()).isEqualTo('X');
        assertThat(o.mark()).isEqualTo('O');
        assertThat(match.turnId()).isEqualTo("a");
    }

    @Test
    void shouldRefuseASeatWhenTheNameIsTakenOrMissingOrTheMatchHasStarted() {
        // given
        Match match = new Match();
        match.sit("a", "alice");

        // when
        String taken = match.refusal("Alice");
        String missing = match.refusal(" ");
        String tooLong = match.refusal("x".repeat(Match.MAX_NAME_LENGTH + 1));
        match.sit("b", "bob");
        String started = match.refusal("carol");

        // then
        assertThat(taken).contains("taken");
        assertThat(missing).contains("name");
        assertThat(tooLong).contains("name");
        assertThat(started).isEqualTo("the match has started");
    }

    @Test
    void shouldRefuseAMoveWhenItIsNotYourTurnOrTheCellIsTaken() {
        // given
        Match match = started();

        // when
        String early = match.play("b", 4);
        String fine = match.play("a", 4);
        String taken = match.play("b", 4);
        String offBoard = match.play("b", 9);

        // then
        assertThat(early).isEqualTo("it is alice's turn");
        assertThat(fine).isNull();
        assertThat(taken).isEqualTo("cell 4 is not free");
        assertThat(offBoard).isEqualTo("cell 9 is not free");
        assertThat(match.board()).isEqualTo("....X....");
    }

    @Test
    void shouldFinishWithTheWinnerWhenThreeAreInARow() {
        // given
        Match match = started();

        // when
        play(match, 0, 3, 4, 5, 8);

        // then
        assertThat(match.phase()).isEqualTo(Phase.PHASE_FINISHED);
        assertThat(match.winnerId()).isEqualTo("a");
        assertThat(IntStream.range(0, Board.CELLS).filter(match::isWinning)).containsExactly(0, 4, 8);
        assertThat(match.result()).isEqualTo("alice wins with three in a row");
        assertThat(match.turnId()).isEmpty();
        assertThat(match.play("b", 1)).isEqualTo("the match is not on");
    }

    @Test
    void shouldEndInADrawWhenTheBoardFillsWithoutALine() {
        // given
        Match match = started();

        // when: X O X / X O O / O X X
        play(match, 0, 1, 2, 4, 3, 5, 7, 6, 8);

        // then
        assertThat(match.phase()).isEqualTo(Phase.PHASE_FINISHED);
        assertThat(match.winnerId()).isEmpty();
        assertThat(match.result()).isEqualTo("a draw");
        assertThat(IntStream.range(0, Board.CELLS).filter(match::isWinning)).isEmpty();
    }

    @Test
    void shouldAwardTheMatchToTheOtherPlayerWhenOneLeavesMidGame() {
        // given
        Match match = started();
        play(match, 0);

        // when
        match.leave("a", "lost the connection");

        // then
        assertThat(match.phase()).isEqualTo(Phase.PHASE_FINISHED);
        assertThat(match.winnerId()).isEqualTo("b");
        assertThat(match.result()).isEqualTo("alice lost the connection, so bob wins");
    }

    @Test
    void shouldFreeTheSeatWhenTheOnlyPlayerLeavesBeforeTheMatch() {
        // given
        Match match = new Match();
        match.sit("a", "alice");

        // when
        match.leave("a", "left");

        // then
        assertThat(match.seats()).isEmpty();
        assertThat(match.refusal("alice")).isNull();
    }

    @Test
    void shouldStartARematchWithTheMarksSwappedOnlyWhenBothAsk() {
        // given: alice (X) wins the top row
        Match match = started();
        play(match, 0, 3, 1, 4, 2);

        // when
        String first = match.rematch("a");
        Phase afterOne = match.phase();
        String second = match.rematch("b");

        // then
        assertThat(first).isNull();
        assertThat(afterOne).isEqualTo(Phase.PHASE_FINISHED);
        assertThat(second).isNull();
        assertThat(match.phase()).isEqualTo(Phase.PHASE_PLAYING);
        assertThat(match.round()).isEqualTo(2);
        assertThat(match.board()).isEqualTo(".........");
        assertThat(match.result()).isEmpty();
        assertThat(match.winnerId()).isEmpty();
        assertThat(match.seats()).extracting(s -> s.name() + " " + s.mark() + " " + s.rematch())
                .containsExactly("bob X false", "alice O false");
        assertThat(match.turnId()).isEqualTo("b");
        assertThat(IntStream.range(0, Board.CELLS).filter(match::isWinning)).isEmpty();
    }

    @Test
    void shouldRefuseARematchDuringAMatchAndAfterTheOpponentLeft() {
        // given
        Match match = started();
        String during = match.rematch("a");
        match.leave("b", "left the table");

        // when
        String afterLeave = match.rematch("a");

        // then
        assertThat(during).isEqualTo("a rematch is for after a match");
        assertThat(afterLeave).isEqualTo("bob has left the table");
        assertThat(match.phase()).isEqualTo(Phase.PHASE_FINISHED);
        assertThat(match.seat("b").gone()).isTrue();
    }
}
