package io.ringside.examples.lobby;

import io.ringside.examples.lobby.wire.Phase;
import java.util.ArrayList;
import java.util.List;

/**
 * One tic-tac-toe match, without sockets: two seats (X moves first), turns, the result, and a forfeit
 * when a player leaves mid-game. The room asks it and reports what it says. Tick thread only.
 */
final class Match {
    /** The longest player name accepted. */
    static final int MAX_NAME_LENGTH = 16;
    private static final char[] MARKS = {'X', 'O'};

    /** A player's seat: who sits there and which mark they play. */
    record Seat(String id, String name, char mark) {
    }

    private final List<Seat> seats = new ArrayList<>(2);
    private final Board board = new Board();
    private Phase phase = Phase.PHASE_WAITING;
    private int turn;
    private String winnerId = "";
    private String result = "";
    private int[] winningLine;

    Phase phase() {
        return phase;
    }

    List<Seat> seats() {
        return List.copyOf(seats);
    }

    String result() {
        return result;
    }

    /** The board's nine cells row by row, each {@code '.'}, {@code 'X'} or {@code 'O'}. */
    String board() {
        return board.toString();
    }

    /** The session id of the player whose move it is, or "" when the match is not on. */
    String turnId() {
        return phase == Phase.PHASE_PLAYING ? seats.get(turn).id() : "";
    }

    /** The winner's session id; "" before the end and on a draw. */
    String winnerId() {
        return winnerId;
    }

    /** Whether {@code cell} is part of the winning line of three. */
    boolean isWinning(int cell) {
        if (winningLine == null) {
            return false;
        }
        for (int c : winningLine) {
            if (c == cell) {
                return true;
            }
        }
        return false;
    }

    /** Why a player called {@code name} cannot sit down now, or {@code null} if they can. */
    String refusal(String name) {
        if (phase != Phase.PHASE_WAITING) {
            return phase == Phase.PHASE_FINISHED ? "the match is over" : "the match has started";
        }
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            return "a name of 1 to " + MAX_NAME_LENGTH + " characters is needed";
        }
        for (Seat seat : seats) {
            if (seat.name().equalsIgnoreCase(name)) {
                return "the name " + name + " is taken at this table";
            }
        }
        return null;
    }

    /** Seats a player whom {@link #refusal} let in; the second one starts the match. */
    Seat sit(String id, String name) {
        Seat seat = new Seat(id, name, MARKS[seats.size()]);
        seats.add(seat);
        if (seats.size() == 2) {
            phase = Phase.PHASE_PLAYING;
        }
        return seat;
    }

    /** Plays {@code cell} for player {@code id}; returns why not, or {@code null} when played. */
    String play(String id, int cell) {
        if (phase != Phase.PHASE_PLAYING) {
            return "the match is not on";
        }
        Seat mover = seats.get(turn);
        if (!mover.id().equals(id)) {
            return "it is " + mover.name() + "'s turn";
        }
        if (!board.isFree(cell)) {
            return "cell " + cell + " is not free";
        }
        board.place(cell, mover.mark());
        winningLine = board.winningLine();
        if (winningLine != null) {
            finish(mover.id(), mover.name() + " wins with three in a row");
        } else if (board.isFull()) {
            finish("", "a draw");
        } else {
            turn = 1 - turn;
        }
        return null;
    }

    /** Player {@code id} left ({@code how}: "left", "disconnected"...): a match on is forfeited. */
    void leave(String id, String how) {
        Seat leaver = seats.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
        if (leaver == null) {
            return;
        }
        if (phase == Phase.PHASE_PLAYING) {
            Seat other = seats.get(seats.get(0) == leaver ? 1 : 0);
            finish(other.id(), leaver.name() + " " + how + ": " + other.name() + " wins");
        } else if (phase == Phase.PHASE_WAITING) {
            seats.remove(leaver);
        }
    }

    private void finish(String winner, String why) {
        phase = Phase.PHASE_FINISHED;
        winnerId = winner;
        result = why;
    }
}
