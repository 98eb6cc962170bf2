package io.ringside.examples.arena;

/** The arena's {@code GameMessage.type} numbers; arena.proto lists the same. */
public final class ArenaMessages {
    /** Client to server: {@code Input}. */
    public static final int INPUT = 1;
    /** Server to client, once after the join: {@code Welcome}. */
    public static final int WELCOME = 2;
    /** Server to client, every tick: {@code Snapshot}. */
    public static final int SNAPSHOT = 3;

    private ArenaMessages() {
    }
}
