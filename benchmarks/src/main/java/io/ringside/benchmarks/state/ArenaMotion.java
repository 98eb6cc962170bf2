package io.ringside.benchmarks.state;

import java.util.Random;

/**
 * Arena-like players for the replication benchmarks: each runs at the arena's speed (260 units/s)
 * and picks a new heading every 1.5 s on average, bouncing off the walls, while its aim sweeps
 * (changing every tick) and now and then a hit costs health and scores a point. Deterministic per
 * seed.
 */
final class ArenaMotion {
    static final float SPEED = 260f;

    final FighterEntity[] fighters;
    private final float width;
    private final float height;
    private final float[] heading;
    private final float[] turn;
    private final Random random;
    private boolean moving = true;

    ArenaMotion(int players, float width, float height, long seed) {
        this.width = width;
        this.height = height;
        this.random = new Random(seed);
        this.fighters = new FighterEntity[players];
        this.heading = new float[players];
        this.turn = new float[players];
        for (int i = 0; i < players; i++) {
            fighters[i] = new FighterEntity().setX(random.nextFloat() * width).setY(random.nextFloat() * height)
                    .setAim(random.nextFloat() * 6.28f).setHealth(100);
            heading[i] = random.nextFloat() * 6.28f;
            turn[i] = (random.nextFloat() - 0.5f) * 0.2f;
        }
    }

    /** Stops every movement, aim and hit: an idle room. */
    void stop() {
        moving = false;
    }

    /** Advances every player by {@code dt} seconds. */
    void step(float dt) {
        if (!moving) {
            return;
        }
        for (int i = 0; i < fighters.length; i++) {
            FighterEntity f = fighters[i];
            if (random.nextFloat() < dt / 1.5f) {
                heading[i] = random.nextFloat() * 6.28f;
            }
            float x = f.getX() + (float) Math.cos(heading[i]) * SPEED * dt;
            float y = f.getY() + (float) Math.sin(heading[i]) * SPEED * dt;
            if (x < 0 || x > width) {
                heading[i] = (float) Math.PI - heading[i];
                x = Math.max(0, Math.min(width, x));
            }
            if (y < 0 || y > height) {
                heading[i] = -heading[i];
                y = Math.max(0, Math.min(height, y));
            }
            if (random.nextFloat() < dt) {
                turn[i] = (random.nextFloat() - 0.5f) * 0.2f;
            }
            float aim = f.getAim() + turn[i];
            f.setX(x).setY(y).setAim(aim > 6.28f ? aim - 6.28f : aim < 0 ? aim + 6.28f : aim);
            if (random.nextFloat() < dt / 2) {
                int health = f.getHealth() - 10;
                f.setHealth(health <= 0 ? 100 : health);
                FighterEntity shooter = fighters[random.nextInt(fighters.length)];
                shooter.setScore(shooter.getScore() + 1);
            }
        }
    }
}
