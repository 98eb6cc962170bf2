package io.ringside.examples.arena;

/** An axis-aligned solid block, in arena units: top-left corner {@code (x, y)}, size {@code width × height}. */
public record Wall(float x, float y, float width, float height) {
    /** Checks the size. */
    public Wall {
        if (!(width > 0 && height > 0)) {
            throw new IllegalArgumentException("wall size=" + width + "x" + height + " (must be positive)");
        }
    }

    /** Whether point {@code (px, py)} lies inside this wall. */
    boolean contains(float px, float py) {
        return px >= x && px <= x + width && py >= y && py <= y + height;
    }
}
