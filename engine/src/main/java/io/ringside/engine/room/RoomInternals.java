package io.ringside.engine.room;

import io.ringside.engine.internal.RoomAccess;
import java.util.List;
import java.util.Map;

/** The room package's side of {@link RoomAccess}; installs itself when {@link RoomAccess#get()} loads it. */
final class RoomInternals extends RoomAccess {
    static {
        RoomAccess.install(new RoomInternals());
    }

    private RoomInternals() {
    }
    @Override
    public Room create(RoomRuntime runtime, String type, boolean privateRoom, Map<String, String> options) {
        RoomDirectory.Reservation reservation = runtime.directory().create(type, privateRoom, options, null);
        if (reservation.room() == null) {
            throw new IllegalArgumentException("room=" + type + " (" + reservation.message() + ")");
        }
        RoomCore core = reservation.room();
        runtime.directory().release(core);
        core.activate();
        return core.room;
    }

    @Override
    public String roomId(Room room) {
        return room.core.id;
    }

    @Override
    public String roomType(Room room) {
        return room.core.type.name;
    }

    @Override
    public String label(Room room) {
        return room.core.label;
    }

    @Override
    public boolean isLocked(Room room) {
        return room.core.locked;
    }

    @Override
    public boolean isDisposed(Room room) {
        return room.core.state() == RoomCore.DISPOSED;
    }

    @Override
    public List<Player> players(Room room) {
        return room.core.playersView;
    }

    @Override
    public Room roomOf(Player player) {
        return player.room.room;
    }
}
