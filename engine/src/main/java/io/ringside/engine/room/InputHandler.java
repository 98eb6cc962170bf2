package io.ringside.engine.room;

/**
 * Takes a player's input for one tick, from {@link RoomInputs}: called on the room's tick thread
 * once per tick per player that has an input for it, in join order, before {@link Room#onTick}.
 * The input was parsed when it arrived, into a message of its own (it may be kept).
 *
 * @param <T> the room's input message type
 */
@FunctionalInterface
public interface InputHandler<T> {
    /**
     * Applies {@code input}, number {@code seq} of {@code player}'s inputs, for this tick. With
     * {@link MissingInput#REPEAT_LAST} a tick without a new input repeats the last one: the same
     * {@code seq} again.
     */
    void onInput(Player player, T input, int seq);
}
