package io.ringside.examples.arena;

import java.util.List;
import java.util.Random;

/**
 * Steers one bot: aims at the nearest living enemy, closes in or strafes, fires when near, and
 * picks a new direction when it stops making progress. Its decisions go through
 * {@link World#submit}, the same input path as a person's, one input per tick.
 */
final class BotPilot {
    private static final float ENGAGE_RANGE = 520;
    private static final float KEEP_DISTANCE = 220;
    private static final int WANDER_TICKS = 45;

    private final World world;
    private final Fighter body;
    private final Random random;
    private float wanderX;
    private float wanderY;
    private int wanderTicksLeft;
    private int strafeSign = 1;
    private float lastX;
    private float lastY;

    BotPilot(World world, Fighter body, Random random) {
        this.world = world;
        this.body = body;
        this.random = random;
    }

    Fighter body() {
        return body;
    }

    /** Decides this tick's input and submits it. */
    void steer() {
        if (!body.alive) {
            return;
        }
        Fighter target = nearestEnemy(world.fighters());
        float moveX = wanderX;
        float moveY = wanderY;
        float aim = body.aim;
        boolean fire = false;
        if (target != null) {
            float dx = target.x - body.x;
            float dy = target.y - body.y;
            float distance = (float) Math.hypot(dx, dy);
            aim = (float) Math.atan2(dy, dx) + (random.nextFloat() - 0.5f) * 0.15f;
            if (distance < ENGAGE_RANGE) {
                fire = random.nextInt(3) == 0;
                float toward = distance > KEEP_DISTANCE ? 1 : -0.3f;
                moveX = (dx * toward - dy * strafeSign * 0.8f) / distance;
                moveY = (dy * toward + dx * strafeSign * 0.8f) / distance;
            }
        }
        wander();
        world.control(body, moveX, moveY, aim, fire);
    }

    private void wander() {
        boolean stuck = Math.abs(body.x - lastX) + Math.abs(body.y - lastY) < 0.5f;
        lastX = body.x;
        lastY = body.y;
        if (--wanderTicksLeft > 0 && !stuck) {
            return;
        }
        double angle = random.nextDouble() * Math.PI * 2;
        wanderX = (float) Math.cos(angle);
        wanderY = (float) Math.sin(angle);
        wanderTicksLeft = WANDER_TICKS + random.nextInt(WANDER_TICKS);
        strafeSign = -strafeSign;
    }

    private Fighter nearestEnemy(List<Fighter> fighters) {
        Fighter nearest = null;
        float best = Float.MAX_VALUE;
        for (int i = 0; i < fighters.size(); i++) {
            Fighter other = fighters.get(i);
            if (other == body || !other.alive) {
                continue;
            }
            float d = (other.x - body.x) * (other.x - body.x) + (other.y - body.y) * (other.y - body.y);
            if (d < best) {
                best = d;
                nearest = other;
            }
        }
        return nearest;
    }
}
