package io.ringside.engine.state;

import io.ringside.engine.room.Player;
import io.ringside.engine.room.Room;
import io.ringside.engine.state.vectors.MoverEntity;
import io.ringside.protocol.envelope.LeaveReason;

/**
 * A room on replicated state for socket tests: each player gets a Mover it owns, named after its
 * session, with 7 ammo (owner-only); every tick every mover steps one unit right, so its x moves
 * steadily (predicted) and its view center follows.
 */
public final class StateTestRoom extends Room {
    @Override
    protected void onJoin(Player player) {
        MoverEntity mover = new MoverEntity().setName(player.sessionId()).setHealth(100).setAmmo(7)
                .setY(players().size() * 10f);
        state().spawn(mover, player);
        player.attach(mover);
    }

    @Override
    protected void onTick(long tick, long dtNanos) {
        for (Player player : players()) {
            MoverEntity mover = (MoverEntity) player.attachment();
            mover.setX(mover.getX() + 1f);
            state().place(mover, mover.getX(), mover.getY());
            state().viewFrom(player, mover.getX(), mover.getY());
        }
    }

    @Override
    protected void onLeave(Player player, LeaveReason reason) {
        state().despawn((MoverEntity) player.attachment());
    }
}
