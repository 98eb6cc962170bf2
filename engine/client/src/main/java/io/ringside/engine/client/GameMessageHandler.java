package io.ringside.engine.client;

/**
 * Handles one type of the game's own messages, registered with {@link GameClient#on}. Called on the
 * thread {@link GameListener} describes; {@code message} is parsed from a copy of the bytes and may
 * be kept.
 *
 * @param <M> the protobuf message type
 */
@FunctionalInterface
public interface GameMessageHandler<M> {
    /** A message of the registered type arrived. */
    void onMessage(GameClient client, M message);
}
