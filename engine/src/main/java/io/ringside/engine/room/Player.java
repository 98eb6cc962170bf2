package io.ringside.engine.room;


import io.ringside.engine.internal.inbound.Session;
import io.ringside.engine.transport.Connection;

/**
 * One player in one room: a seat, from its join to its leave. A new join (even to the same room) is
 * a new {@code Player}; a reconnect within the room's grace ({@link RoomOptions#reconnectGraceMs()})
 * is not: the same {@code Player}, with its session id and attachment, gets the new connection.
 *
 * <p>Read and used on the room's tick thread. {@link #attach} holds the game's own per-player state.
 */
public final class Player {
    static final int PENDING = 0;
    static final int JOINED = 1;
    static final int LEFT = 2;

    final RoomCore room;
    final JoinRequest request;
    private final String sessionId;
    // the connection the seat is bound to; replaced on the tick thread when a reconnect takes the seat
    Session session;
    int state = PENDING;
    boolean away;
    long graceEndTick;
    long decisionDeadlineTick;
    // guarded by the room directory: the token that takes this seat back, or null
    String reconnectToken;
    // cluster mode: the new-room seat token this join came with, until the registry redeemed it (tick thread)
    String seatToken;
    // the state patches handed to the connection and not yet written (made at the first patch)
    InFlightPatches patches;
    // inputs waiting for the room (RoomInputs), made at the first one
    InputQueue inputs;
    // the connection the seat's join request is charged to (memory budget), and how much; tick thread
    private Connection chargedTo;
    private long chargedBytes;
    // one token bucket per rate-limited message type of the room, made at the first limited message
    private TokenBuckets buckets;
    private Object attachment;

    Player(Session session, RoomCore room, JoinRequest request) {
        this.session = session;
        this.sessionId = session.id();
        this.room = room;
        this.request = request;
    }

    /**
     * Charges {@code bytes}, what the seat keeps of its join request, to {@code connection}'s memory
     * budget until the seat ends ({@link #ended()}), whatever connection the seat has by then. Once.
     */
    void charge(Connection connection, long bytes) {
        chargedTo = connection;
        chargedBytes = bytes;
        connection.chargeHeld(bytes);
    }

    /** The seat ended (left, rejected, cancelled, room failed): gives back what {@link #charge} took. */
    void ended() {
        state = LEFT;
        if (chargedTo != null) {
            chargedTo.chargeHeld(-chargedBytes);
            chargedTo = null;
        }
    }

    /** This player's token buckets, {@code count} of them (made at first use; tick thread). */
    TokenBuckets buckets(int count) {
        if (buckets == null || buckets.size() < count) {
            buckets = new TokenBuckets(count);
        }
        return buckets;
    }

    /** The player's id, unique on this server: the session id other players see; kept across reconnects. */
    public String sessionId() {
        return sessionId;
    }

    /**
     * What the server's auth handler accepted the player's connection as, before the WebSocket opened
     * (a user id, a principal, claims); {@code null} when the server has no auth handler. A reconnect
     * must come with the same identity.
     */
    public Object identity() {
        return request.identity();
    }

    /** The join request that brought the player in (options, auth token, handshake). */
    public JoinRequest joinRequest() {
        return request;
    }

    /** Whether the player is in the room (joined and not yet left), connected or not. */
    public boolean isJoined() {
        return state == JOINED;
    }

    /**
     * Whether the player is joined and its connection is up; {@code false} while its seat is held
     * after a drop (between {@link Room#onDisconnect} and {@link Room#onReconnect} or its leave).
     */
    public boolean isConnected() {
        return state == JOINED && !away;
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
        return "Player[" + sessionId + " in " + room.id + "]";
    }
}
