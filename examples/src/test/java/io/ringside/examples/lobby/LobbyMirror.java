package io.ringside.examples.lobby;

import io.ringside.engine.client.MirrorEntity;
import io.ringside.engine.client.StateListener;
import io.ringside.engine.client.StateMirror;
import io.ringside.examples.lobby.wire.Cell;
import io.ringside.examples.lobby.wire.Game;
import io.ringside.examples.lobby.wire.Phase;
import io.ringside.examples.lobby.wire.Seat;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.util.Comparator;
import java.util.List;

/**
 * A client's view of one table in tests: the state patches a client received, applied to a
 * {@link StateMirror} of lobby.proto's entity types, read back as the match (phase, board, seats,
 * turn, result) and the callbacks the mirror fired.
 */
final class LobbyMirror {
    private final StateMirror mirror = new StateMirror().register(Game.getDefaultInstance())
            .register(Seat.getDefaultInstance()).register(Cell.getDefaultInstance());
    int adds;
    int changes;
    int removes;

    LobbyMirror() {
        mirror.listener(new StateListener() {
            @Override
            public void onAdd(MirrorEntity entity) {
                adds++;
            }

            @Override
            public void onChange(MirrorEntity entity, int fieldMask) {
                changes++;
            }

            @Override
            public void onRemove(MirrorEntity entity) {
                removes++;
            }
        });
    }

    /** A mirror fed every state patch in {@code envelopes}, in order. */
    static LobbyMirror of(List<ServerEnvelope> envelopes) {
        LobbyMirror view = new LobbyMirror();
        envelopes.forEach(view::accept);
        return view;
    }

    /** Applies {@code envelope}'s state patch, if it has one. */
    void accept(ServerEnvelope envelope) {
        if (envelope.hasState()) {
            mirror.apply(envelope.getState());
        }
    }

    Game game() {
        return (Game) one(Game.getDescriptor().getFullName());
    }

    Phase phase() {
        Game game = game();
        return game == null ? Phase.PHASE_UNSPECIFIED : game.getPhase();
    }

    /** Nine characters row by row: 'X', 'O' or '.'. */
    String board() {
        char[] board = ".........".toCharArray();
        for (Cell cell : cells()) {
            if (!cell.getMark().isEmpty()) {
                board[cell.getIndex()] = cell.getMark().charAt(0);
            }
        }
        return new String(board);
    }

    List<Cell> cells() {
        return mirror.entitiesOf(Cell.getDescriptor().getFullName()).values().stream()
                .map(e -> (Cell) e.toMessage()).sorted(Comparator.comparingInt(Cell::getIndex)).toList();
    }

    List<Integer> winningCells() {
        return cells().stream().filter(Cell::getWinning).map(Cell::getIndex).toList();
    }

    /** The seats in the order they were taken (X first). */
    List<Seat> seats() {
        return mirror.entitiesOf(Seat.getDescriptor().getFullName()).values().stream()
                .sorted(Comparator.comparingInt(MirrorEntity::id)).map(e -> (Seat) e.toMessage()).toList();
    }

    private Object one(String type) {
        return mirror.entitiesOf(type).values().stream().findFirst().map(MirrorEntity::toMessage).orElse(null);
    }
}
