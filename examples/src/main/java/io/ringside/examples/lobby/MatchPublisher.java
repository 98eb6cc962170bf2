package io.ringside.examples.lobby;

import io.ringside.engine.room.RoomState;
import io.ringside.examples.lobby.wire.CellEntity;
import io.ringside.examples.lobby.wire.GameEntity;
import io.ringside.examples.lobby.wire.SeatEntity;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Keeps the room's replicated state ({@code Game}, {@code Seat} and {@code Cell} entities of
 * lobby.proto) equal to the {@link Match}: one Game and nine Cells from the start, a Seat per player
 * sitting at the table. The generated setters record only real changes, so a move costs its cell
 * and the Game; the framework sends each player what changed. Tick thread only.
 */
final class MatchPublisher {
    private final RoomState state;
    private final GameEntity game = new GameEntity();
    private final CellEntity[] cells = new CellEntity[Board.CELLS];
    private final Map<String, SeatEntity> seats = new HashMap<>();

    /** Spawns the Game and the nine Cells in {@code state}. */
    MatchPublisher(RoomState state) {
        this.state = state;
        state.spawn(game);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = new CellEntity().setIndex(i);
            state.spawn(cells[i]);
        }
    }

    /** Brings the state up to {@code match}. */
    void publish(Match match) {
        game.setPhaseValue(match.phase().getNumber())
                .setTurnId(match.turnId())
                .setWinnerId(match.winnerId())
                .setResult(match.result())
                .setRound(match.round());
        String board = match.board();
        for (int i = 0; i < cells.length; i++) {
            char mark = board.charAt(i);
            cells[i].setMark(mark == Board.EMPTY ? "" : String.valueOf(mark)).setWinning(match.isWinning(i));
        }
        List<Match.Seat> seated = match.seats();
        for (Iterator<Map.Entry<String, SeatEntity>> it = seats.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, SeatEntity> entry = it.next();
            if (seated.stream().noneMatch(s -> s.id().equals(entry.getKey()))) {
                state.despawn(entry.getValue());
                it.remove();
            }
        }
        for (Match.Seat seat : seated) {
            SeatEntity entity = seats.get(seat.id());
            if (entity == null) {
                entity = new SeatEntity().setPlayerId(seat.id()).setName(seat.name());
                state.spawn(entity);
                seats.put(seat.id(), entity);
            }
            entity.setMark(String.valueOf(seat.mark())).setRematch(seat.rematch()).setAway(seat.away())
                    .setGone(seat.gone());
        }
    }
}
