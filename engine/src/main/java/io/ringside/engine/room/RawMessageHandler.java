package io.ringside.engine.room;

/**
 * Handles one game message type as raw bytes, without parsing or allocating: for rooms that decode
 * their own compact formats. Called on the room's tick thread; {@code bytes} is valid only during
 * the call and must not be changed.
 */
@FunctionalInterface
public interface RawMessageHandler {
    /** Handles bytes {@code [offset, offset + length)} of {@code bytes} from {@code player}. */
    void onMessage(Player player, byte[] bytes, int offset, int length);
}
