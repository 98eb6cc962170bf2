package io.ringside.examples.lobby;

/**
 * A tic-tac-toe board: nine cells row by row, each {@code '.'}, {@code 'X'} or {@code 'O'}. Knows
 * which moves are legal and when a line of three is made. Tick thread only.
 */
final class Board {
    static final int CELLS = 9;
    static final char EMPTY = '.';
    private static final int[][] LINES = {
        {0, 1, 2}, {3, 4, 5}, {6, 7, 8},
        {0, 3, 6}, {1, 4, 7}, {2, 5, 8},
        {0, 4, 8}, {2, 4, 6},
    };

    private final char[] cells = ".........".toCharArray();
    private int filled;

    /** Whether {@code cell} exists and is empty. */
    boolean isFree(int cell) {
        return cell >= 0 && cell < CELLS && cells[cell] == EMPTY;
    }

    /** Puts {@code mark} in {@code cell}, which must be free. */
    void place(int cell, char mark) {
        if (!isFree(cell)) {
            throw new IllegalArgumentException("cell=" + cell + " (not free)");
        }
        cells[cell] = mark;
        filled++;
    }

    /** The line of three cells of one mark, or {@code null}. */
    int[] winningLine() {
        for (int[] line : LINES) {
            char mark = cells[line[0]];
            if (mark != EMPTY && mark == cells[line[1]] && mark == cells[line[2]]) {
                return line;
            }
        }
        return null;
    }

    /** Whether every cell is taken. */
    boolean isFull() {
        return filled == CELLS;
    }

    /** The cells as nine characters. */
    @Override
    public String toString() {
        return new String(cells);
    }
}
