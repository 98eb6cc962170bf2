package io.ringside.engine.state;

import com.google.protobuf.Int32Value;
import io.ringside.engine.room.Player;
import io.ringside.engine.room.Room;
import io.ringside.engine.state.vectors.MoverEntity;
import io.ringside.protocol.envelope.LeaveReason;
import java.util.Map;

/**
 * A room on inputs for socket tests: its input type is {@code Int32Value}; each player owns a Mover
 * whose score is its inputs' values as decimal digits in the order taken (score * 10 + value: the
 * game's step), health counts the inputs taken and ammo (owner-only) the inputs the room dropped.
 */
public final class InputTestRoom extends Room {
    @Override
    protected void onCreate(Map<String, String> options) {
        inputs().declare(Int32Value.parser(), this::onInput);
    }

    /** The game's step, shared with the client's prediction. */
    public static int step(int score, Int32Value input) {
        return score * 10 + input.getValue();
    }

    private void onInput(Player player, Int32Value input, int seq) {
        MoverEntity mover = (MoverEntity) player.attachment();
        mover.setScore(step(mover.getScore(), input)).setHealth(mover.getHealth() + 1);
    }

    @Override
    protected void onJoin(Player player) {
        MoverEntity mover = new MoverEntity().setName(player.sessionId());
        state().spawn(mover, player);
        player.attach(mover);
    }

    @Override
    protected void onTick(long tick, long dtNanos) {
        long dropped = inputs().dropped();
        for (Player player : players()) {
            ((MoverEntity) player.attachment()).setAmmo((int) dropped);
        }
    }

    @Override
    protected void onLeave(Player player, LeaveReason reason) {
        state().despawn((MoverEntity) player.attachment());
    }
}
