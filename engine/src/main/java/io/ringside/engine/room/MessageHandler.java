package io.ringside.engine.room;

/**
 * Handles one declared game message type in a room. Called on the room's tick thread, in the order
 * the player sent its messages; the message may alias the inbound buffer, so keep copies, not it.
 *
 * @param <T> the protobuf message type
 */
@FunctionalInterface
public interface MessageHandler<T> {
    /** Handles {@code message} from {@code player}. */
    void onMessage(Player player, T message);
}
