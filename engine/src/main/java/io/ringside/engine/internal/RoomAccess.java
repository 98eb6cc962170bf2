package io.ringside.engine.internal;

import io.ringside.engine.room.Player;
import io.ringside.engine.room.Room;
import io.ringside.engine.room.RoomRuntime;
import java.util.List;
import java.util.Map;

/**
 * Not an API: the few reads and one action on rooms that {@code ringside-testkit} needs and that
 * the room package keeps package-private, reached through the one instance the room package
 * installs (the JDK's {@code SharedSecrets} pattern: {@link #get()} loads the room package's
 * package-private implementation, whose initializer installs it). Game code has no use for it; it
 * may change in any release.
 *
 * <p>Every method is for a test thread that also drives the rooms' ticks (see
 * {@link RoomRuntime#doWork()}); none may be called while a tick thread runs the same rooms.
 */
public abstract class RoomAccess {
    private static final String IMPLEMENTATION = "io.ringside.engine.room.RoomInternals";
    private static volatile RoomAccess instance;

    /** For the room package's implementation only. */
    protected RoomAccess() {
    }

    /** The room package's implementation. */
    public static RoomAccess get() {
        RoomAccess access = instance;
        if (access == null) {
            try {
                Class.forName(IMPLEMENTATION, true, RoomAccess.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("room package missing", e);
            }
            access = instance;
        }
        return access;
    }

    /** Called once, by the room package's implementation as it loads; a second call is refused. */
    public static synchronized void install(RoomAccess access) {
        if (instance != null) {
            throw new IllegalStateException("RoomAccess installed twice");
        }
        instance = access;
    }

    /**
     * Creates a room of registered type {@code type} with creation {@code options}, without a
     * player, and runs its {@code onCreate} now; {@link IllegalArgumentException} for an unknown
     * type. Returns the game's room, already disposed if {@code onCreate} threw.
     */
    public abstract Room create(RoomRuntime runtime, String type, boolean privateRoom, Map<String, String> options);

    /** The room's id, what clients join by. */
    public abstract String roomId(Room room);

    /** The room's type name. */
    public abstract String roomType(Room room);

    /** The room's label in listings. */
    public abstract String label(Room room);

    /** Whether the room is locked (out of matchmaking). */
    public abstract boolean isLocked(Room room);

    /** Whether the room was disposed (closed, emptied out, failed or shut down). */
    public abstract boolean isDisposed(Room room);

    /** The room's joined players, connected or holding a seat, in join order. */
    public abstract List<Player> players(Room room);

    /** The game's room {@code player} sits in (or sat in), or {@code null} before its room was made. */
    public abstract Room roomOf(Player player);
}
