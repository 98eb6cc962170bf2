package io.ringside.examples.arena;

/**
 * The arena's {@code GameMessage.type} numbers; arena.proto lists the same. The world itself is
 * replicated state, not a message.
 */
public final class ArenaMessages {
    /** Client to server: {@code Input}. */
    public static final int INPUT = 1;
    /** Server to client, once after the join (and after a reconnect): {@code Welcome}. */
    public static final int WELCOME = 2;

    private ArenaMessages() {
    }
}
