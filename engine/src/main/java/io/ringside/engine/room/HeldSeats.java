package io.ringside.engine.room;

import io.ringside.engine.internal.inbound.Session;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.Joined;
import io.ringside.protocol.envelope.LeaveReason;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.util.ArrayList;

/**
 * The reconnect side of one room: the seats of players whose connection dropped, held for the room
 * type's grace ({@link RoomOptions#reconnectGraceMs()}, counted in ticks), and the handover of a
 * held seat to the connection that presents its token. Tick thread of the room's shard only; the
 * tokens themselves live in the {@link RoomDirectory}, where the I/O threads claim them.
 */
final class HeldSeats {
    /**
     * Close code of a connection whose seat a reconnect took over while it was still open: private
     * use (RFC 6455 §7.4.2), documented in envelope.proto; the client must not rejoin after it.
     */
    static final int SEAT_TAKEN_OVER = 4000;

    private final RoomCore core;
    private final RoomDirectory directory;
    private final long graceTicks;
    private final ArrayList<Player> away = new ArrayList<>();

    HeldSeats(RoomCore core, RoomDirectory directory, long graceMs, int tickRateHz) {
        this.core = core;
        this.directory = directory;
        this.graceTicks = (graceMs * tickRateHz + 999) / 1000;
    }

    /** Tells the player it is seated: its session id, the current tick and a new reconnect token. */
    void sendJoined(Player player) {
        String token = graceTicks > 0 ? directory.issueToken(player) : "";
        core.send(player, ServerFrames.envelope(ServerEnvelope.newBuilder().setJoined(Joined.newBuilder()
                .setSessionId(player.sessionId()).setRoomId(core.id).setRoomType(core.type.name)
                .setTickRateHz(core.shard.tickRateHz).setCurrentTick(core.shard.currentTick)
                .setReconnectToken(token)).build()));
    }

    /** The player's connection dropped: its seat is held if the room type has a grace, else it leaves. */
    void disconnect(Player player) {
        if (player.state == Player.PENDING && core.pending.cancel(player)) {
            return;
        }
        if (player.state != Player.JOINED || core.state() != RoomCore.ACTIVE) {
            return;
        }
        if (graceTicks == 0) {
            core.leave(player, LeaveReason.LEAVE_REASON_DISCONNECTED, "");
        } else if (!player.away) {
            hold(player, core.shard.currentTick);
        }
    }

    private void hold(Player player, long tick) {
        player.away = true;
        player.graceEndTick = tick + graceTicks;
        away.add(player);
        core.inputs.reset(player); // nobody is there to be acked: an away player's body does not act on old input
        try {
            core.room.onDisconnect(player);
        } catch (RuntimeException | Error e) {
            core.fail(e);
        }
    }

    /**
     * {@code session} claimed {@code player}'s token: if the seat is still held, the session takes
     * it (an old connection still open is closed with {@link #SEAT_TAKEN_OVER}), gets Joined with a
     * new token, and the room is told; otherwise the session gets RECONNECT_REJECTED.
     */
    void reconnect(Player player, Session session) {
        if (core.state() != RoomCore.ACTIVE || player.state != Player.JOINED) {
            directory.counters.reconnect(false);
            session.exit(player);
            session.connection().sendFrame(ServerFrames.error(ErrorCode.ERROR_CODE_RECONNECT_REJECTED,
                    "the seat is no longer held"));
            return;
        }
        Session old = player.session;
        if (player.away) {
            player.away = false;
            away.remove(player);
        } else if (old != session) {
            // the old connection's own disconnect or leave, if already on its way, is ignored as stale
            old.exit(player);
            old.connection().close(SEAT_TAKEN_OVER, "seat taken over by a reconnect");
        }
        player.session = session;
        directory.counters.reconnect(true);
        core.stateReconnected(player);
        sendJoined(player);
        try {
            core.room.onReconnect(player);
        } catch (RuntimeException | Error e) {
            core.fail(e);
        }
    }

    /** The players whose grace ended by {@code tick} leave with DISCONNECTED. */
    void expire(long tick) {
        for (int i = away.size() - 1; i >= 0 && core.state() == RoomCore.ACTIVE; i--) {
            if (i < away.size() && away.get(i).graceEndTick <= tick) {
                core.leave(away.get(i), LeaveReason.LEAVE_REASON_DISCONNECTED, "");
            }
        }
    }

    /** {@code player}'s seat ended (it left, or the room failed): forgets it and revokes its token. */
    void release(Player player) {
        if (player.away) {
            player.away = false;
            away.remove(player);
        }
        if (graceTicks > 0) {
            directory.revokeToken(player);
        }
    }
}
