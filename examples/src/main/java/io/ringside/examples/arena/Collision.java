package io.ringside.examples.arena;

/**
 * The arena's geometry: circles (players, projectiles) against axis-aligned walls, the arena's
 * bounds and each other. Pure functions on the fighters' fields; the browser's prediction
 * (web/arena/physics.js) implements the same wall and bounds rules so that it agrees with the server.
 */
final class Collision {
    private Collision() {
    }

    /** Moves {@code f} (radius {@code r}) the least distance that takes it out of {@code wall}. */
    static void pushOutOfWall(Fighter f, float r, Wall wall) {
        float nearestX = clamp(f.x, wall.x(), wall.x() + wall.width());
        float nearestY = clamp(f.y, wall.y(), wall.y() + wall.height());
        float dx = f.x - nearestX;
        float dy = f.y - nearestY;
        float distSq = dx * dx + dy * dy;
        if (distSq >= r * r) {
            return;
        }
        if (distSq > 1e-6f) {
            float dist = (float) Math.sqrt(distSq);
            f.x = nearestX + dx / dist * r;
            f.y = nearestY + dy / dist * r;
            return;
        }
        // the centre is inside the wall: leave through the nearest side
        float left = f.x - wall.x();
        float right = wall.x() + wall.width() - f.x;
        float top = f.y - wall.y();
        float bottom = wall.y() + wall.height() - f.y;
        float min = Math.min(Math.min(left, right), Math.min(top, bottom));
        if (min == left) {
            f.x = wall.x() - r;
        } else if (min == right) {
            f.x = wall.x() + wall.width() + r;
        } else if (min == top) {
            f.y = wall.y() - r;
        } else {
            f.y = wall.y() + wall.height() + r;
        }
    }

    /** Keeps {@code f} (radius {@code r}) inside {@code [0, width] × [0, height]}. */
    static void keepInBounds(Fighter f, float r, float width, float height) {
        f.x = clamp(f.x, r, width - r);
        f.y = clamp(f.y, r, height - r);
    }

    /** Moves {@code mover} out of {@code other}; both have radius {@code r}; {@code other} stays put. */
    static void pushOutOfPlayer(Fighter mover, Fighter other, float r) {
        float dx = mover.x - other.x;
        float dy = mover.y - other.y;
        float min = 2 * r;
        float distSq = dx * dx + dy * dy;
        if (distSq >= min * min) {
            return;
        }
        if (distSq < 1e-6f) {
            mover.x = other.x + min;
            return;
        }
        float dist = (float) Math.sqrt(distSq);
        mover.x = other.x + dx / dist * min;
        mover.y = other.y + dy / dist * min;
    }

    /** Whether circles at {@code (ax, ay)} and {@code (bx, by)} with radii summing to {@code r} overlap. */
    static boolean overlaps(float ax, float ay, float bx, float by, float r) {
        float dx = ax - bx;
        float dy = ay - by;
        return dx * dx + dy * dy < r * r;
    }

    static float clamp(float value, float min, float max) {
        return Math.max(min, Math.min(max, value));
    }
}
