package io.ringside.examples.arena;

import io.ringside.examples.arena.wire.FighterEntity;

/**
 * One player's body in the arena, human or bot: position, aim, health, score and the input given for
 * the next step. Mutated only by {@link World} on the room's tick thread.
 */
final class Fighter {
    final String id;
    final String name;
    final boolean bot;
    float x;
    float y;
    float aim;
    int health;
    boolean alive;
    int score;
    int deaths;
    /** Whether an input was given for the next step ({@link World#control}); its fields follow. */
    boolean hasInput;
    float moveX;
    float moveY;
    float wantedAim;
    boolean fire;
    int cooldownTicks;
    int respawnTicks;
    /** The player's connection dropped and its seat is held: the body stays, idle, until it comes back or leaves. */
    boolean away;
    /** Its replicated state, once {@link StatePublisher} spawned it. */
    FighterEntity entity;
    /** The player whose view it centres (null for a bot), for {@link StatePublisher}. */
    io.ringside.engine.room.Player viewer;

    Fighter(String id, String name, boolean bot) {
        this.id = id;
        this.name = name;
        this.bot = bot;
    }

    @Override
    public String toString() {
        return "Fighter[" + id + " at " + x + "," + y + (alive ? " hp " + health : " dead")
                + (away ? " away" : "") + "]";
    }
}
