package io.ringside.examples.lobby;

import io.ringside.examples.lobby.wire.Phase;
import java.util.ArrayList;
import java.util.List;

/**
 * One tic-tac-toe table's matches, without sockets: two seats (X moves first), turns, the result, a
 * forfeit when a player leaves mid-game, a player away (connection lost, seat held) and rematches:
 * when both players ask for one after a match, a new one starts with the marks swapped. The room asks
 * it and reports what it says. Tick thread only.
 */
final class Match {
    /** The longest player name accepted. */
    static final int MAX_NAME_LENGTH = 16;
    private static final char[] MARKS = {'X', 'O'};

    /**
     * A player's seat: who sits there, which mark they play, whether they asked for a rematch, are
     * away (connection lost, seat held) or gone (left the table for good).
     */
    record Seat(String id, String name, char mark, boolean rematch, boolean away, boolean gone) {
        Seat(String id, String name, char mark) {
            this(id, name, mark, false, false, false);
        }
    }

    private final List<Seat> seats = new ArrayList<>(2);
    private Board board = new Board();
    private int round = 1;
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

    /** The number of the match at this table: 1, and one more per rematch. */
    int round() {
        return round;
    }

    /** The seat of player {@code id}, or {@code null}. */
    Seat seat(String id) {
        int index = indexOf(id);
        return index < 0 ? null : seats.get(index);
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

    /**
     * Player {@code id} left for good ({@code how}, for people: "left the table", "lost the
     * connection"...): a match on is forfeited to the other; after a match, their seat stays to show
     * the result, marked gone.
     */
    void leave(String id, String how) {
        int index = indexOf(id);
        if (index < 0) {
            return;
        }
        Seat leaver = seats.get(index);
        if (phase == Phase.PHASE_WAITING) {
            seats.remove(index);
            return;
        }
        seats.set(index, new Seat(leaver.id(), leaver.name(), leaver.mark(), false, false, true));
        if (phase == Phase.PHASE_PLAYING) {
            Seat other = seats.get(1 - index);
            finish(other.id(), leaver.name() + " " + how + ", so " + other.name() + " wins");
        }
    }

    /** Player {@code id} lost the connection ({@code away}) while their seat is held, or came back. */
    void away(String id, boolean away) {
        int index = indexOf(id);
        if (index >= 0) {
            Seat seat = seats.get(index);
            seats.set(index, new Seat(seat.id(), seat.name(), seat.mark(), seat.rematch(), away, seat.gone()));
        }
    }

    /**
     * Player {@code id} asks for a rematch; when both have, a new match starts with the marks
     * swapped (so the other player moves first). Returns why not, or {@code null} when asked.
     */
    String rematch(String id) {
        int index = indexOf(id);
        if (phase != Phase.PHASE_FINISHED || index < 0 || seats.size() < 2) {
            return "a rematch is for after a match";
        }
        Seat other = seats.get(1 - index);
        if (other.gone()) {
            return other.name() + " has left the table";
        }
        Seat asker = seats.get(index);
        seats.set(index, new Seat(asker.id(), asker.name(), asker.mark(), true, asker.away(), false));
        if (other.rematch()) {
            restart();
        }
        return null;
    }

    private void restart() {
        Seat first = seats.get(1);
        Seat second = seats.get(0);
        seats.set(0, new Seat(first.id(), first.name(), MARKS[0], false, first.away(), false));
        seats.set(1, new Seat(second.id(), second.name(), MARKS[1], false, second.away(), false));
        board = new Board();
        round++;
        turn = 0;
        winnerId = "";
        result = "";
        winningLine = null;
        phase = Phase.PHASE_PLAYING;
    }

    private int indexOf(String id) {
        for (int i = 0; i < seats.size(); i++) {
            if (seats.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private void finish(String winner, String why) {
        phase = Phase.PHASE_FINISHED;
        winnerId = winner;
        result = why;
    }
}
