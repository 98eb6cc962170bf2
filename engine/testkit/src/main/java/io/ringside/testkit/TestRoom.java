package io.ringside.testkit;

import io.ringside.engine.internal.RoomAccess;
import io.ringside.engine.room.Player;
import io.ringside.engine.room.Room;
import java.util.List;

/**
 * A room inside a {@link RoomTestKit}, as a test sees it from outside: the game's own room object
 * (for reading the game's state), and what the framework knows of it: id, players, lock, label,
 * disposal. Read it between ticks, on the test thread.
 *
 * @param <R> the game's room class
 */
public final class TestRoom<R extends Room> {
    private final R room;
    private final RoomAccess access;

    TestRoom(R room, RoomAccess access) {
        this.room = room;
        this.access = access;
    }

    /** The game's room object, e.g. to read its state in assertions. */
    public R room() {
        return room;
    }

    /** The room's id, what players join it by. */
    public String id() {
        return access.roomId(room);
    }

    /** The room's registered type name. */
    public String type() {
        return access.roomType(room);
    }

    /** The label listings show for it ({@code Room.setLabel}). */
    public String label() {
        return access.label(room);
    }

    /** Whether the room took itself out of matchmaking ({@code Room.lock()}). */
    public boolean isLocked() {
        return access.isLocked(room);
    }

    /** Whether the room is gone: closed, disposed once empty, failed, or the kit was closed. */
    public boolean isDisposed() {
        return access.isDisposed(room);
    }

    /** The joined players in join order, including those whose seat is held after a drop; a live view. */
    public List<Player> players() {
        return access.players(room);
    }

    /** The number of joined players. */
    public int playerCount() {
        return players().size();
    }

    @Override
    public String toString() {
        return "TestRoom[" + type() + " " + id() + (isDisposed() ? ", disposed" : "") + (isLocked() ? ", locked" : "")
                + ", " + playerCount() + " players]";
    }
}
