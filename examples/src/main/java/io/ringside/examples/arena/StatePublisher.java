package io.ringside.examples.arena;

import io.ringside.engine.room.Player;
import io.ringside.engine.room.RoomState;
import io.ringside.examples.arena.wire.FighterEntity;
import io.ringside.examples.arena.wire.ProjectileEntity;
import io.ringside.examples.arena.wire.Welcome;
import java.util.List;

/**
 * Keeps the room's replicated state ({@code Fighter} and {@code Projectile} entities of arena.proto)
 * equal to the {@link World} after each step: spawns what appeared, sets every field (the generated
 * setters record only real changes, and the framework sends each client only those), despawns what
 * is gone. Tick thread only.
 */
final class StatePublisher {
    private final RoomState state;
    private final float tickRateHz;

    StatePublisher(RoomState state, int tickRateHz) {
        this.state = state;
        this.tickRateHz = tickRateHz;
    }

    /** Spawns {@code fighter}'s entity, owned by {@code owner} (the player whose body it is); a bot's by nobody. */
    void spawn(Fighter fighter, Player owner) {
        fighter.entity = new FighterEntity().setPlayerId(fighter.id).setName(fighter.name).setBot(fighter.bot);
        copy(fighter);
        if (owner == null) {
            state.spawn(fighter.entity);
        } else {
            state.spawn(fighter.entity, owner);
        }
    }

    /** Despawns {@code fighter}'s entity: it leaves every view at the next send. */
    void despawn(Fighter fighter) {
        state.despawn(fighter.entity);
    }

    /** Brings the state up to the world's latest step. */
    void publish(World world) {
        List<Projectile> gone = world.projectilesGone();
        for (int i = 0; i < gone.size(); i++) {
            Projectile p = gone.get(i);
            if (p.entity != null) {
                state.despawn(p.entity);
            }
        }
        List<Fighter> fighters = world.fighters();
        for (int i = 0; i < fighters.size(); i++) {
            copy(fighters.get(i));
        }
        List<Projectile> projectiles = world.projectiles();
        for (int i = 0; i < projectiles.size(); i++) {
            Projectile p = projectiles.get(i);
            if (p.entity == null) {
                p.entity = new ProjectileEntity()
                        .setVx(p.vx * tickRateHz).setVy(p.vy * tickRateHz)
                        .setOwner(p.owner.entity == null ? 0 : state.id(p.owner.entity));
                p.entity.setX(p.x).setY(p.y);
                state.spawn(p.entity);
            } else {
                p.entity.setX(p.x).setY(p.y);
            }
        }
    }

    private static void copy(Fighter f) {
        f.entity.setX(f.x).setY(f.y).setAim(f.aim)
                .setHealth(f.health).setAlive(f.alive).setAway(f.away)
                .setScore(f.score).setDeaths(f.deaths);
    }

    /** The rules a newly joined player needs to predict and draw. */
    static Welcome welcome(ArenaSettings settings, String yourId) {
        Welcome.Builder welcome = Welcome.newBuilder()
                .setYourId(yourId)
                .setTickRateHz(settings.tickRateHz())
                .setWidth(settings.width()).setHeight(settings.height())
                .setPlayerRadius(settings.playerRadius())
                .setPlayerSpeed(settings.playerSpeed())
                .setProjectileRadius(settings.projectileRadius())
                .setMaxHealth(settings.maxHealth());
        for (Wall wall : settings.walls()) {
            welcome.addWalls(io.ringside.examples.arena.wire.Wall.newBuilder()
                    .setX(wall.x()).setY(wall.y()).setWidth(wall.width()).setHeight(wall.height()));
        }
        return welcome.build();
    }
}
