package io.ringside.engine.internal;

import java.util.List;

/**
 * Not an API: an operator's view of a server's rooms and the actions on them (lock or unlock, kick
 * a player, dispose), for the monitor. It never blocks a tick thread: {@link #requestSnapshot()}
 * asks every shard to copy its rooms into {@link RoomView}s at the end of its next tick, and
 * {@link #rooms()} reads the copies last published. Actions are posted to the room's own tick
 * thread through the shard's bounded post queue, so they run between ticks like the room's own code
 * and touch no other room. Any thread.
 */
public abstract class RoomControl {
    /** For the room package's implementation only. */
    protected RoomControl() {
    }

    /** What became of an action request. */
    public enum Outcome {
        /** Posted to the room's tick thread; it runs at the start of the next tick. */
        QUEUED,
        /** No live room has that id. */
        NO_ROOM,
        /** The room's last snapshot has no player with that session id. */
        NO_PLAYER,
        /** The shard's post queue is full, or the room is being disposed: try again. */
        BUSY
    }

    /** Asks every shard to publish a fresh copy of its rooms at the end of its next tick. */
    public abstract void requestSnapshot();

    /** The rooms of the copies last published (empty before the first), by type then id. */
    public abstract List<RoomView> rooms();

    /** Locks ({@code true}) or unlocks room {@code roomId} on its tick thread, as {@code Room.lock} does. */
    public abstract Outcome lock(String roomId, boolean locked);

    /**
     * Removes player {@code sessionId} from room {@code roomId} on its tick thread, as
     * {@code Room.kick} does: the client is told KICKED with {@code reason}, and onLeave runs.
     */
    public abstract Outcome kick(String roomId, String sessionId, String reason);

    /**
     * Disposes room {@code roomId} at the end of its next tick, as {@code Room.close} does.
     * Its players leave with ROOM_CLOSED.
     */
    public abstract Outcome dispose(String roomId);
}
