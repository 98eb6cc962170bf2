package io.ringside.examples.arena;

/**
 * The arena's {@code GameMessage.type} numbers; arena.proto lists the same. The world itself is
 * replicated state, not a message, and a player's {@code Input} is the room's declared input type,
 * sent in the framework's {@code Input} envelope (with its sequence number), not as a game message.
 */
public final class ArenaMessages {
    /** Server to client, once after the join (and after a reconnect): {@code Welcome}. */
    public static final int WELCOME = 2;

    private ArenaMessages() {
    }
}
