package io.ringside.engine.tick;

/**
 * The work of one tick: drain inbound messages, advance the simulation one fixed step, flush outbound.
 *
 * <p>Called on the tick loop's thread only.
 */
@FunctionalInterface
public interface TickHandler {
    /**
     * Runs tick number {@code tick} (0, 1, 2, ... one per fixed step actually simulated).
     *
     * @param tick      the tick number
     * @param stepNanos the fixed step in nanoseconds (the same every call: the simulation's dt)
     */
    void onTick(long tick, long stepNanos);
}
