package io.ringside.engine.transport;

/**
 * When to ping a quiet connection and when to give up on it. Anything heard from the peer (a pong
 * or any other bytes) proves it alive; a connection silent for {@code intervalNs} is pinged, and one
 * still silent {@code timeoutNs} after that ping has expired. Times come from the loop's clock.
 *
 * <p>Stateless: a connection keeps the two times it needs (when it last heard the peer, when it last
 * pinged it; equal when it opens) in fields of its own rather than in an object per connection.
 */
final class Heartbeat {
    static final int NOTHING_DUE = 0;
    static final int PING_DUE = 1;
    static final int EXPIRED = 2;

    private Heartbeat() {
    }

    /**
     * What is due at {@code nowNs} for a peer last heard at {@code lastHeardNs} and last pinged at
     * {@code pingSentNs}: {@link #PING_DUE} (the caller then records {@code nowNs} as the ping's time),
     * {@link #EXPIRED}, or {@link #NOTHING_DUE}; always nothing when {@code intervalNs} is 0
     * (heartbeats off). A ping is awaiting its reply while nothing was heard since it was sent.
     */
    static int check(long nowNs, long lastHeardNs, long pingSentNs, long intervalNs, long timeoutNs) {
        if (intervalNs == 0) {
            return NOTHING_DUE;
        }
        if (pingSentNs - lastHeardNs > 0) {
            return nowNs - pingSentNs >= timeoutNs ? EXPIRED : NOTHING_DUE;
        }
        return nowNs - lastHeardNs >= intervalNs ? PING_DUE : NOTHING_DUE;
    }
}
