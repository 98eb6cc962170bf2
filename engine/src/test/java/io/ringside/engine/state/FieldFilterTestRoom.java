package io.ringside.engine.state;

import io.ringside.engine.room.Player;
import io.ringside.engine.room.Room;
import io.ringside.engine.state.vectors.MoverEntity;
import java.util.Map;

/**
 * A room with one unowned Mover named "beacon" (health 55, moving right) and a field filter: the
 * first player to join sees the beacon's health, everybody else gets it hidden (0 in its mirror).
 */
public final class FieldFilterTestRoom extends Room {
    private final MoverEntity beacon = new MoverEntity().setName("beacon").setHealth(55);
    private Player first;

    @Override
    protected void onCreate(Map<String, String> options) {
        state().spawn(beacon);
        state().fieldFilter((viewer, entity, owner) ->
                entity == beacon && viewer != first ? MoverEntity.HEALTH_FIELD : 0);
    }

    @Override
    protected void onJoin(Player player) {
        if (first == null) {
            first = player;
        }
    }

    @Override
    protected void onTick(long tick, long dtNanos) {
        beacon.setX(beacon.getX() + 1f);
    }
}
