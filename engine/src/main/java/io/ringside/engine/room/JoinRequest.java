package io.ringside.engine.room;

import java.util.Map;

/**
 * A client's request to join a room, as the room's {@link Room#onJoinAttempt} sees it: the options
 * and auth token it sent, its connection's {@link Handshake}, and the identity the server's auth
 * handler accepted the connection with. Immutable.
 */
public final class JoinRequest {
    private final String sessionId;
    private final Map<String, String> options;
    private final String authToken;
    private final Handshake handshake;
    private final Object identity;

    JoinRequest(String sessionId, Map<String, String> options, String authToken, Handshake handshake,
                Object identity) {
        this.sessionId = sessionId;
        this.identity = identity;
        this.options = Map.copyOf(options);
        this.authToken = authToken;
        this.handshake = handshake;
    }

    /** The id the player will have in the room. */
    public String sessionId() {
        return sessionId;
    }

    /** The join options the client sent (mode, team, ...); never {@code null}. */
    public Map<String, String> options() {
        return options;
    }

    /** The auth token the client sent; empty when none. */
    public String authToken() {
        return authToken;
    }

    /**
     * What the server's auth handler accepted the connection as, checked before the WebSocket opened
     * ({@code RingsideServer.Builder.authHandler}); {@code null} when the server has none.
     */
    public Object identity() {
        return identity;
    }

    /** The connection's opening handshake (headers, cookies, query). */
    public Handshake handshake() {
        return handshake;
    }
}
