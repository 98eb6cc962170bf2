package io.ringside.engine.internal.inbound;

/** What an {@link InboundEvent} carries; wire-independent constants used by the I/O and tick threads. */
public final class InboundKind {
    /** A join request decided by the room (no bytes; the target carries the request). */
    public static final int JOIN = 1;
    /** A raw client envelope holding a game message. */
    public static final int GAME = 2;
    /** A raw client envelope holding a ping. */
    public static final int PING = 3;
    /** The player asked to leave (no bytes). */
    public static final int LEAVE = 4;
    /** The connection closed (no bytes). */
    public static final int DISCONNECT = 5;
    /** A join that claimed a held seat with its reconnect token (no bytes; the target is the seat's player). */
    public static final int RECONNECT = 6;
    /** A raw client envelope holding an {@code Input} for the room's input queue. */
    public static final int INPUT = 7;

    private InboundKind() {
    }
}
