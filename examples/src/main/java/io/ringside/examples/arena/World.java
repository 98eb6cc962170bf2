package io.ringside.examples.arena;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The arena's authoritative simulation, one fixed step per {@link #step()}: applies each fighter's
 * queued inputs (move, aim, fire), resolves collisions with the bounds, walls and other fighters,
 * flies projectiles, deals damage, counts scores and respawns the dead. No sockets, no clock: the
 * room drives it once per tick, and tests drive it by hand. Tick thread only.
 */
final class World {
    /** Spawn positions tried; the one farthest from every living fighter wins. */
    private static final int SPAWN_CANDIDATES = 16;
    /** Positions are kept to this step, the scale of Fighter.x and Fighter.y in arena.proto. */
    static final float POSITION_STEP = 0.01f;
    private static final float STEPS_PER_UNIT = 100f;

    private final ArenaSettings settings;
    private final Random random;
    private final List<Fighter> fighters = new ArrayList<>();
    private final List<Fighter> fightersView = Collections.unmodifiableList(fighters);
    private final List<Projectile> projectiles = new ArrayList<>();
    private final List<Projectile> projectilesView = Collections.unmodifiableList(projectiles);
    private final List<Projectile> gone = new ArrayList<>();
    private final List<Projectile> goneView = Collections.unmodifiableList(gone);
    private final float step;
    private final int cooldownTicks;
    private final int respawnTicks;
    private final int projectileTicks;
    private long tick;
    private int nextProjectileId;

    World(ArenaSettings settings, Random random) {
        this.settings = settings;
        this.random = random;
        this.step = settings.playerSpeed() * settings.dtSeconds();
        this.cooldownTicks = settings.ticks(settings.fireCooldownMs());
        this.respawnTicks = settings.ticks(settings.respawnDelayMs());
        this.projectileTicks = Math.max(1, Math.round(settings.projectileRange() / settings.projectileSpeed()
                * settings.tickRateHz()));
    }

    ArenaSettings settings() {
        return settings;
    }

    /** Steps taken so far. */
    long tick() {
        return tick;
    }

    List<Fighter> fighters() {
        return fightersView;
    }

    List<Projectile> projectiles() {
        return projectilesView;
    }

    /** The projectiles the latest {@link #step()} removed (they hit, left the arena or ran out). */
    List<Projectile> projectilesGone() {
        return goneView;
    }

    /** Adds a fighter, alive at a free spawn point. */
    Fighter add(String id, String name, boolean bot) {
        Fighter fighter = new Fighter(id, name, bot);
        spawn(fighter);
        fighters.add(fighter);
        return fighter;
    }

    /** Removes a fighter; its shots in flight keep flying but no longer score. */
    void remove(Fighter fighter) {
        fighters.remove(fighter);
    }

    /** The fighter's player dropped: it stays in the world, idle (an input given this tick is dropped), marked away. */
    void markAway(Fighter fighter) {
        fighter.away = true;
        fighter.hasInput = false;
    }

    /** The fighter's player is back on a new connection. */
    void markBack(Fighter fighter) {
        fighter.away = false;
    }

    /**
     * Gives {@code fighter} its input for the next {@link #step()}: the single way people (through the
     * room's input handler, one input per tick) and bots (through {@link BotPilot}) act on the world.
     * Directions are clamped to [-1, 1]; a non-finite number counts as 0.
     */
    void control(Fighter fighter, float moveX, float moveY, float aim, boolean fire) {
        fighter.hasInput = true;
        fighter.moveX = clamp(moveX);
        fighter.moveY = clamp(moveY);
        fighter.wantedAim = Float.isFinite(aim) ? aim : 0;
        fighter.fire = fire;
    }

    private static float clamp(float value) {
        return Float.isFinite(value) ? Math.max(-1f, Math.min(1f, value)) : 0;
    }

    /** Advances the world by one tick. */
    void step() {
        tick++;
        gone.clear();
        for (int i = 0; i < fighters.size(); i++) {
            Fighter fighter = fighters.get(i);
            if (fighter.alive) {
                applyInput(fighter);
            } else {
                fighter.hasInput = false; // the dead cannot act: the room took (and acked) it without effect
                if (--fighter.respawnTicks <= 0) {
                    spawn(fighter);
                }
            }
        }
        flyProjectiles();
    }

    /** The input given for this tick, if any: one tick of movement, the aim, a shot when the gun is ready. */
    private void applyInput(Fighter fighter) {
        if (fighter.cooldownTicks > 0) {
            fighter.cooldownTicks--;
        }
        if (!fighter.hasInput) {
            return;
        }
        fighter.hasInput = false;
        fighter.aim = fighter.wantedAim;
        move(fighter, fighter.moveX, fighter.moveY);
        if (fighter.fire && fighter.cooldownTicks == 0) {
            fire(fighter);
        }
    }

    /** Moves one tick in direction {@code (dx, dy)} (normalised when longer than 1), then collides. */
    void move(Fighter fighter, float dx, float dy) {
        float length = (float) Math.sqrt(dx * dx + dy * dy);
        if (length > 1) {
            dx /= length;
            dy /= length;
        }
        float r = settings.playerRadius();
        fighter.x += onGrid(dx * step);
        fighter.y += onGrid(dy * step);
        for (int i = 0; i < fighters.size(); i++) {
            Fighter other = fighters.get(i);
            if (other != fighter && other.alive) {
                Collision.pushOutOfPlayer(fighter, other, r);
            }
        }
        // walls and bounds last: they are hard, another player is only soft
        for (Wall wall : settings.walls()) {
            Collision.pushOutOfWall(fighter, r, wall);
        }
        Collision.keepInBounds(fighter, r, settings.width(), settings.height());
        fighter.x = onGrid(fighter.x);
        fighter.y = onGrid(fighter.y);
    }

    /**
     * {@code value} to the nearest {@value #POSITION_STEP}: the step arena.proto sends positions in.
     * Positions and each tick's move are kept on that grid, so that a fighter running in a straight
     * line moves by the same whole number of steps every tick, which the replicated state's linear
     * prediction sends for nothing (off the grid, rounding would cost a correction most ticks).
     */
    static float onGrid(float value) {
        return Math.round(value * STEPS_PER_UNIT) / STEPS_PER_UNIT;
    }

    private void fire(Fighter fighter) {
        float cos = (float) Math.cos(fighter.aim);
        float sin = (float) Math.sin(fighter.aim);
        float muzzle = settings.playerRadius() + settings.projectileRadius() + 1;
        float speed = settings.projectileSpeed() * settings.dtSeconds();
        projectiles.add(new Projectile(nextProjectileId++, fighter, fighter.x + cos * muzzle,
                fighter.y + sin * muzzle, cos * speed, sin * speed, projectileTicks));
        fighter.cooldownTicks = cooldownTicks;
    }

    private void flyProjectiles() {
        for (int i = projectiles.size() - 1; i >= 0; i--) {
            Projectile p = projectiles.get(i);
            p.x += p.vx;
            p.y += p.vy;
            if (--p.ticksLeft < 0 || outOfBounds(p) || inWall(p) || hitSomeone(p)) {
                gone.add(projectiles.remove(i));
            }
        }
    }

    private boolean hitSomeone(Projectile p) {
        float reach = settings.playerRadius() + settings.projectileRadius();
        for (int i = 0; i < fighters.size(); i++) {
            Fighter target = fighters.get(i);
            if (target != p.owner && target.alive && Collision.overlaps(p.x, p.y, target.x, target.y, reach)) {
                damage(target, p.owner);
                return true;
            }
        }
        return false;
    }

    private void damage(Fighter target, Fighter shooter) {
        target.health -= settings.damage();
        if (target.health > 0) {
            return;
        }
        target.health = 0;
        target.alive = false;
        target.deaths++;
        target.respawnTicks = respawnTicks;
        if (fighters.contains(shooter)) {
            shooter.score++;
        }
    }

    private boolean outOfBounds(Projectile p) {
        return p.x < 0 || p.y < 0 || p.x > settings.width() || p.y > settings.height();
    }

    private boolean inWall(Projectile p) {
        for (Wall wall : settings.walls()) {
            if (wall.contains(p.x, p.y)) {
                return true;
            }
        }
        return false;
    }

    private void spawn(Fighter fighter) {
        float bestX = settings.width() / 2;
        float bestY = settings.height() / 2;
        float bestDistance = -1;
        for (int i = 0; i < SPAWN_CANDIDATES; i++) {
            float x = margin() + random.nextFloat() * (settings.width() - 2 * margin());
            float y = margin() + random.nextFloat() * (settings.height() - 2 * margin());
            float distance = nearestFighterDistance(fighter, x, y);
            if (!blocked(x, y) && distance > bestDistance) {
                bestX = x;
                bestY = y;
                bestDistance = distance;
            }
        }
        fighter.x = bestX;
        fighter.y = bestY;
        fighter.health = settings.maxHealth();
        fighter.alive = true;
        fighter.cooldownTicks = 0;
    }

    private float margin() {
        return settings.playerRadius() * 2;
    }

    private boolean blocked(float x, float y) {
        float r = settings.playerRadius();
        for (Wall wall : settings.walls()) {
            if (x > wall.x() - r && x < wall.x() + wall.width() + r
                    && y > wall.y() - r && y < wall.y() + wall.height() + r) {
                return true;
            }
        }
        return false;
    }

    private float nearestFighterDistance(Fighter self, float x, float y) {
        float nearest = Float.MAX_VALUE;
        for (int i = 0; i < fighters.size(); i++) {
            Fighter other = fighters.get(i);
            if (other != self && other.alive) {
                nearest = Math.min(nearest, (float) Math.hypot(other.x - x, other.y - y));
            }
        }
        return nearest;
    }
}
