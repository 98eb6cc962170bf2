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
 * is gone; places every entity and centres each player's view on its own fighter (used when the
 * room type has a view radius). Tick thread only.
 */
final class StatePublisher {
    /** Projectile positions' replicated step ({@code scale} of Projectile.x and .y in arena.proto). */
    static final float PROJECTILE_STEP = 0.25f;
    /** How far the shown path of a projectile may drift from the simulated one, in units. */
    static final float PROJECTILE_DRIFT = 1f;

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
        fighter.viewer = owner;
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
            Fighter f = fighters.get(i);
            copy(f);
            state.place(f.entity, f.x, f.y);
            if (f.viewer != null) {
                state.viewFrom(f.viewer, f.x, f.y);
            }
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
                p.shownX = p.entity.getX();
                p.shownY = p.entity.getY();
                p.shownStepX = onStep(p.vx);
                p.shownStepY = onStep(p.vy);
            } else {
                p.shownX = shown(p.shownX + p.shownStepX, p.x);
                p.shownY = shown(p.shownY + p.shownStepY, p.y);
                p.entity.setX(p.shownX).setY(p.shownY);
            }
            state.place(p.entity, p.shownX, p.shownY);
        }
    }

    /** {@code perTick} to the nearest whole number of Projectile position steps (arena.proto). */
    private static float onStep(float perTick) {
        return Math.round(perTick / PROJECTILE_STEP) * PROJECTILE_STEP;
    }

    /**
     * Where to show a projectile: on its straight path of whole steps, which the state's linear
     * prediction sends for nothing, unless that drifted more than {@value #PROJECTILE_DRIFT} from
     * the simulated position (then there, for a correction).
     */
    private static float shown(float onPath, float simulated) {
        return Math.abs(onPath - simulated) > PROJECTILE_DRIFT ? simulated : onPath;
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
