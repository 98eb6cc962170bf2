package io.ringside.examples.arena;

import io.ringside.examples.arena.wire.ProjectileEntity;

/** A shot in flight: where it is, where it goes, who fired it and how many ticks it has left. */
final class Projectile {
    final int id;
    final Fighter owner;
    float x;
    float y;
    final float vx;
    final float vy;
    int ticksLeft;
    /** Its replicated state, once {@link StatePublisher} spawned it. */
    ProjectileEntity entity;
    /** Where {@link StatePublisher} shows it: on a straight path of whole replicated steps per tick. */
    float shownX;
    float shownY;
    float shownStepX;
    float shownStepY;

    Projectile(int id, Fighter owner, float x, float y, float vx, float vy, int ticksLeft) {
        this.id = id;
        this.owner = owner;
        this.x = x;
        this.y = y;
        this.vx = vx;
        this.vy = vy;
        this.ticksLeft = ticksLeft;
    }
}
