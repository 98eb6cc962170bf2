package io.ringside.engine.room;

/**
 * What a room's input handler gets in a tick for which a player's input queue is empty (the
 * player's inputs arrive slower than ticks, or late). Declared with the input type
 * ({@link RoomInputs#declare(com.google.protobuf.Parser, MissingInput, InputHandler)}).
 */
public enum MissingInput {
    /**
     * No call: the room does what it does without input (idle, keep coasting). Exact for client-side
     * prediction, which steps once per input sent. The default.
     */
    NONE,
    /**
     * The player's last consumed input again, with its {@code seq} (the ack does not move). Hides a
     * late input at the cost of a step the client did not predict, corrected when it reconciles.
     * Not for a player away during its reconnect grace.
     */
    REPEAT_LAST
}
