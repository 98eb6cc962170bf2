package io.ringside.examples.arena;

import io.ringside.examples.arena.wire.PlayerState;
import io.ringside.examples.arena.wire.ProjectileState;
import io.ringside.examples.arena.wire.Snapshot;
import io.ringside.examples.arena.wire.Welcome;

/**
 * Turns the {@link World} into the arena's wire messages. A snapshot holds every player, with the
 * seq of the last input the server applied for each: the same bytes serve every recipient, and each
 * client reads its own ack from its own entry. Tick thread only.
 */
final class SnapshotWriter {
    private final Snapshot.Builder snapshot = Snapshot.newBuilder();
    private final PlayerState.Builder player = PlayerState.newBuilder();
    private final ProjectileState.Builder projectile = ProjectileState.newBuilder();

    /** The world as it stands after its latest step. */
    Snapshot snapshot(World world) {
        snapshot.clear().setTick(world.tick());
        for (Fighter f : world.fighters()) {
            snapshot.addPlayers(player.clear()
                    .setId(f.id).setName(f.name).setBot(f.bot)
                    .setX(f.x).setY(f.y).setAim(f.aim)
                    .setHealth(f.health).setAlive(f.alive).setAway(f.away)
                    .setScore(f.score).setDeaths(f.deaths)
                    .setLastInputSeq(f.lastInputSeq));
        }
        for (Projectile p : world.projectiles()) {
            snapshot.addProjectiles(projectile.clear()
                    .setId(p.id).setOwnerId(p.owner.id)
                    .setX(p.x).setY(p.y)
                    .setVx(p.vx * world.settings().tickRateHz())
                    .setVy(p.vy * world.settings().tickRateHz()));
        }
        return snapshot.build();
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
