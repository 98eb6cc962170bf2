package io.ringside.engine.room;

import io.ringside.engine.inbound.Session;

/**
 * One player in one room: a connection's membership, from its join to its leave. A new join
 * (even to the same room) is a new {@code Player}.
 *
 * <p>Read and used on the room's tick thread. {@link #attach} holds the game's own per-player state.
 */
public final class Player {
    static final int PENDING = 0;
    static final int JOINED = 1;
    static final int LEFT = 2;

    final Session session;
    final RoomCore room;
    final JoinRequest request;
    int state = PENDING;
    private Object attachment;

    Player(Session session, RoomCore room, JoinRequest request) {
        this.session = session;
        this.room = room;
        this.request = request;
    }

    /** The player's id, unique on this server: the session id other players see. */
    public String sessionId() {
        return session.id();
    }

    /** The join request that brought the player in (options, auth token, handshake). */
    public JoinRequest joinRequest() {
        return request;
    }

    /** Whether the player is in the room (joined and not yet left). */
    public boolean isJoined() {
        return state == JOINED;
    }

    /** Attaches the game's own state for this player. */
    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    /** What {@link #attach} was given, or {@code null}. */
    public Object attachment() {
        return attachment;
    }

    @Override
    public String toString() {
        return "Player[" + session.id() + " in " + room.id + "]";
    }
}
