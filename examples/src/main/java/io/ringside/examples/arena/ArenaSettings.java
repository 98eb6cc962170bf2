package io.ringside.examples.arena;

import java.util.List;

/**
 * The arena's rules in numbers, immutable. Units: arena units (a CSS pixel at zoom 1), seconds
 * as milliseconds where named {@code …Ms}, speeds in units per second.
 *
 * @param tickRateHz       simulation steps per second; also the input and state send rate
 * @param bots             server-side bots added to every arena room
 * @param width            arena width
 * @param height           arena height
 * @param playerRadius     a player's collision circle
 * @param playerSpeed      how far one full-stick input moves a player per second
 * @param projectileSpeed  projectile speed
 * @param projectileRadius projectile collision circle
 * @param projectileRange  how far a projectile flies before it fades
 * @param maxHealth        health at spawn
 * @param damage           health one hit takes
 * @param fireCooldownMs   least time between two shots of one player
 * @param respawnDelayMs   time dead before respawning
 * @param walls            the solid blocks
 */
public record ArenaSettings(int tickRateHz, int bots, float width, float height, float playerRadius,
                            float playerSpeed, float projectileSpeed, float projectileRadius,
                            float projectileRange, int maxHealth, int damage, int fireCooldownMs,
                            int respawnDelayMs, List<Wall> walls) {
    /** Default tick rate: 30 Hz. */
    public static final int DEFAULT_TICK_RATE_HZ = 30;
    /** Default bots per room. */
    public static final int DEFAULT_BOTS = 3;

    /** Checks every value; throws {@link IllegalArgumentException} naming a bad one. */
    public ArenaSettings {
        require(tickRateHz >= 1 && tickRateHz <= 128, "tickRateHz=" + tickRateHz + " (must be 1 to 128)");
        require(bots >= 0 && bots <= 256, "bots=" + bots + " (must be 0 to 256)");
        require(width > 0 && height > 0, "size=" + width + "x" + height + " (must be positive)");
        require(playerRadius > 0 && projectileRadius > 0, "radius must be positive");
        require(maxHealth > 0 && damage > 0, "maxHealth=" + maxHealth + ", damage=" + damage + " (must be positive)");
        require(fireCooldownMs >= 0 && respawnDelayMs >= 0, "delays must not be negative");
        walls = List.copyOf(walls);
    }

    /** The standard map: 1600 × 900 with a few cover blocks, 30 Hz, 3 bots. */
    public static ArenaSettings defaults() {
        return new ArenaSettings(DEFAULT_TICK_RATE_HZ, DEFAULT_BOTS, 1600, 900, 18, 260, 720, 5, 900,
                100, 20, 250, 2000, List.of(
                        new Wall(380, 180, 60, 240),
                        new Wall(1160, 480, 60, 240),
                        new Wall(700, 400, 200, 100),
                        new Wall(250, 650, 260, 50),
                        new Wall(1090, 200, 260, 50)));
    }

    /** These settings with {@code hz} ticks per second. */
    public ArenaSettings withTickRateHz(int hz) {
        return new ArenaSettings(hz, bots, width, height, playerRadius, playerSpeed, projectileSpeed,
                projectileRadius, projectileRange, maxHealth, damage, fireCooldownMs, respawnDelayMs, walls);
    }

    /** These settings with {@code count} bots per room. */
    public ArenaSettings withBots(int count) {
        return new ArenaSettings(tickRateHz, count, width, height, playerRadius, playerSpeed, projectileSpeed,
                projectileRadius, projectileRange, maxHealth, damage, fireCooldownMs, respawnDelayMs, walls);
    }

    /** These settings with {@code blocks} as the walls. */
    public ArenaSettings withWalls(List<Wall> blocks) {
        return new ArenaSettings(tickRateHz, bots, width, height, playerRadius, playerSpeed, projectileSpeed,
                projectileRadius, projectileRange, maxHealth, damage, fireCooldownMs, respawnDelayMs, blocks);
    }

    /** Seconds per tick. */
    float dtSeconds() {
        return 1f / tickRateHz;
    }

    /** Whole ticks covering {@code ms} milliseconds (at least 1 when {@code ms > 0}). */
    int ticks(int ms) {
        return (ms * tickRateHz + 999) / 1000;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
