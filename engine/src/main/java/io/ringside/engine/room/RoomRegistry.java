package io.ringside.engine.room;

import io.ringside.protocol.envelope.RoomList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Extension point for a registry of rooms shared by several servers (the {@code ringside-cluster}
 * module implements it on Redis). A server without one keeps every room in its own directory and
 * answers listings from it; a server with one publishes its rooms there and answers listings from it.
 *
 * <p>Only {@link #start} and {@link #close} may block. {@link #roomsChanged()} and {@link #list}
 * are called on tick and I/O threads and must return at once, e.g. by waking a thread of the
 * registry's own and answering from a cache it keeps.
 */
public interface RoomRegistry {
    /**
     * Registers this node and starts publishing its rooms; called once by {@code RingsideServer.start()}
     * after the port is bound. Throws if the registry is unreachable, naming its address; the
     * server then does not start.
     *
     * @param port  the bound port of the game endpoint
     * @param rooms this server's rooms now, on every call (any thread, takes a short lock)
     */
    void start(int port, Supplier<List<RoomSnapshot>> rooms);

    /** A room was created, removed, locked or unlocked on this server. Tick or I/O thread; must not block. */
    void roomsChanged();

    /** The public, unlocked rooms of {@code type} on every node, for ListRooms. I/O thread; must not block. */
    RoomList list(String type);

    /** Removes this node and its rooms from the registry and releases its resources. Idempotent. */
    void close();
}
