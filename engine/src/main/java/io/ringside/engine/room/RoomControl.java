package io.ringside.engine.room;

import io.ringside.protocol.envelope.LeaveReason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An operator's view of a server's rooms and the actions on them (lock or unlock, kick a player,
 * dispose), for a monitor. It never blocks a tick thread: {@link #requestSnapshot()} asks every
 * shard to copy its rooms into {@link RoomView}s at the end of its next tick, and {@link #rooms()}
 * reads the copies last published. Actions are posted to the room's own tick thread through the
 * shard's bounded post queue, so they run between ticks like the room's own code and touch no
 * other room. Any thread.
 */
public final class RoomControl {
    private static final Comparator<RoomView> ORDER = Comparator.comparing(RoomView::roomType)
            .thenComparing(RoomView::id);

    private final Shard[] shards;
    private final RoomDirectory directory;

    RoomControl(Shard[] shards, RoomDirectory directory) {
        this.shards = shards;
        this.directory = directory;
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
    public void requestSnapshot() {
        for (Shard shard : shards) {
            shard.requestSnapshot();
        }
    }

    /** The rooms of the copies last published (empty before the first), by type then id. */
    public List<RoomView> rooms() {
        List<RoomView> rooms = new ArrayList<>();
        for (Shard shard : shards) {
            rooms.addAll(shard.latestSnapshot());
        }
        rooms.sort(ORDER);
        return rooms;
    }

    /** Locks ({@code true}) or unlocks room {@code roomId} on its tick thread, as {@link Room#lock} does. */
    public Outcome lock(String roomId, boolean locked) {
        RoomCore room = directory.find(roomId);
        if (room == null) {
            return Outcome.NO_ROOM;
        }
        return post(room, () -> directory.lock(room, locked));
    }

    /**
     * Removes player {@code sessionId} from room {@code roomId} on its tick thread, as
     * {@link Room#kick} does: the client is told KICKED with {@code reason}, and onLeave runs.
     */
    public Outcome kick(String roomId, String sessionId, String reason) {
        RoomCore room = directory.find(roomId);
        if (room == null) {
            return Outcome.NO_ROOM;
        }
        if (!inLastSnapshot(room, sessionId)) {
            return Outcome.NO_PLAYER;
        }
        String message = reason == null ? "" : reason;
        return post(room, () -> {
            for (Player player : room.playersView) {
                if (player.sessionId().equals(sessionId)) {
                    room.leave(player, LeaveReason.LEAVE_REASON_KICKED, message);
                    return;
                }
            }
        });
    }

    /**
     * Disposes room {@code roomId} at the end of its next tick, as {@link Room#close} does.
     * Its players leave with ROOM_CLOSED.
     */
    public Outcome dispose(String roomId) {
        RoomCore room = directory.find(roomId);
        if (room == null) {
            return Outcome.NO_ROOM;
        }
        return post(room, () -> room.closeRequested = true);
    }

    private Outcome post(RoomCore room, Runnable action) {
        if (!room.shard.post(room, action)) {
            return Outcome.BUSY;
        }
        room.shard.requestSnapshot();
        return Outcome.QUEUED;
    }

    private static boolean inLastSnapshot(RoomCore room, String sessionId) {
        for (RoomView view : room.shard.latestSnapshot()) {
            if (view.id().equals(room.id)) {
                for (RoomView.PlayerView player : view.players()) {
                    if (player.sessionId().equals(sessionId)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
