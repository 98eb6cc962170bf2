package io.ringside.examples.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Shooting, damage, kills, scores and respawns, stepped tick by tick. */
class CombatTest {
    private static final ArenaSettings OPEN = ArenaSettings.defaults().withBots(0).withWalls(List.of());

    private static Fighter place(World world, String id, float x, float y) {
        Fighter fighter = world.add(id, id, false);
        fighter.x = x;
        fighter.y = y;
        return fighter;
    }

    private static void stepUntil(World world, int maxTicks, java.util.function.BooleanSupplier done) {
        for (int i = 0; i < maxTicks && !done.getAsBoolean(); i++) {
            world.step();
        }
    }

    @Test
    void shouldDamageTheTargetWhenAShotHitsIt() {
        // given
        World world = new World(OPEN, new Random(3));
        Fighter shooter = place(world, "a", 100, 300);
        Fighter target = place(world, "b", 400, 300);

        // when
        world.control(shooter, 0, 0, 0, true);
        world.step();
        assertThat(world.projectiles()).hasSize(1);
        stepUntil(world, 30, () -> world.projectiles().isEmpty());

        // then
        assertThat(target.health).isEqualTo(OPEN.maxHealth() - OPEN.damage());
        assertThat(target.alive).isTrue();
        assertThat(shooter.health).isEqualTo(OPEN.maxHealth());
    }

    @Test
    void shouldScoreAndRespawnWhenAShotKills() {
        // given
        ArenaSettings oneShot = new ArenaSettings(30, 0, 1600, 900, 18, 260, 720, 5, 900, 100, 100, 250, 1000,
                List.of());
        World world = new World(oneShot, new Random(3));
        Fighter shooter = place(world, "a", 100, 300);
        Fighter target = place(world, "b", 400, 300);
        world.control(shooter, 0, 0, 0, true);
        world.step();

        // when
        stepUntil(world, 30, () -> !target.alive);

        // then
        assertThat(target.alive).isFalse();
        assertThat(target.deaths).isEqualTo(1);
        assertThat(shooter.score).isEqualTo(1);
        stepUntil(world, oneShot.tickRateHz() + 1, () -> target.alive);
        assertThat(target.alive).isTrue();
        assertThat(target.health).isEqualTo(oneShot.maxHealth());
    }

    @Test
    void shouldStopAShotWhenItHitsAWall() {
        // given
        World world = new World(OPEN.withWalls(List.of(new Wall(200, 200, 40, 200))), new Random(3));
        Fighter shooter = place(world, "a", 100, 300);
        Fighter target = place(world, "b", 400, 300);

        // when
        world.control(shooter, 0, 0, 0, true);
        world.step();
        stepUntil(world, 30, () -> world.projectiles().isEmpty());

        // then
        assertThat(world.projectiles()).isEmpty();
        assertThat(target.health).isEqualTo(OPEN.maxHealth());
    }

    @Test
    void shouldFireOncePerCooldownWhenTheTriggerIsHeld() {
        // given
        World world = new World(OPEN, new Random(3));
        Fighter shooter = place(world, "a", 100, 300);
        int cooldownTicks = OPEN.ticks(OPEN.fireCooldownMs());

        // when
        for (int i = 0; i < cooldownTicks; i++) {
            world.control(shooter, 0, 0, (float) Math.PI / 2, true);
            world.step();
        }

        // then
        assertThat(world.projectiles()).hasSize(1);
    }

    @Test
    void shouldIgnoreAnInputWhenThePlayerIsDead() {
        // given
        World world = new World(OPEN, new Random(3));
        Fighter dead = place(world, "a", 100, 300);
        dead.alive = false;
        dead.respawnTicks = 100;

        // when
        world.control(dead, 1, 0, 0, true);
        world.step();

        // then
        assertThat(dead.hasInput).isFalse();
        assertThat(dead.x).isEqualTo(100);
        assertThat(world.projectiles()).isEmpty();
    }

    @Test
    void shouldMoveAimAndFireWhenBotsSteer() {
        // given
        World world = new World(OPEN, new Random(11));
        Random random = new Random(11);
        BotPilot first = new BotPilot(world, world.add("bot-1", "bot 1", true), random);
        BotPilot second = new BotPilot(world, world.add("bot-2", "bot 2", true), random);
        float startX = first.body().x;
        float startY = first.body().y;

        // when
        for (int i = 0; i < 300; i++) {
            first.steer();
            second.steer();
            world.step();
        }

        // then
        assertThat(first.body().x != startX || first.body().y != startY).isTrue();
        assertThat(first.body().score + second.body().score + first.body().deaths + second.body().deaths)
                .as("hits or kills after ten seconds").isPositive();
    }
}
