package io.ringside.engine.room;

import io.ringside.engine.internal.RoomControl;
import io.ringside.engine.internal.RoomView;
import io.ringside.protocol.envelope.LeaveReason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The room package's {@link RoomControl}: reads the rooms from the copies the shards publish, and
 * posts actions to the room's tick thread through its shard's bounded post queue.
 */
final class ShardControl extends RoomControl {
    private static final Comparator<RoomView> ORDER = Comparator.comparing(RoomView::roomType)
            .thenComparing(RoomView::id);

    private final Shard[] shards;
    private final RoomDirectory directory;

    ShardControl(Shard[] shards, RoomDirectory directory) {
        this.shards = shards;
        this.directory = directory;
    }

    @Override
    public void requestSnapshot() {
        for (Shard shard : shards) {
            shard.requestSnapshot();
        }
    }

    @Override
    public List<RoomView> rooms() {
        List<RoomView> rooms = new ArrayList<>();
        for (Shard shard : shards) {
            rooms.addAll(shard.latestSnapshot());
        }
        rooms.sort(ORDER);
        return rooms;
    }

    @Override
    public Outcome lock(String roomId, boolean locked) {
        RoomCore room = directory.find(roomId);
        if (room == null) {
            return Outcome.NO_ROOM;
        }
        return post(room, () -> directory.lock(room, locked));
    }

    @Override
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

    @Override
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
