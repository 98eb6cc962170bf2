package io.ringside.engine.transport;

/**
 * When to ping a quiet connection and when to give up on it. Anything heard from the peer (a pong
 * or any other bytes) proves it alive; a connection silent for {@code intervalNs} is pinged, and one
 * still silent {@code timeoutNs} after that ping has expired. Times come from the loop's clock.
 */
final class Heartbeat {
    static final int NOTHING_DUE = 0;
    static final int PING_DUE = 1;
    static final int EXPIRED = 2;

    private long lastHeardNs;
    private long pingSentNs;
    private boolean awaitingReply;

    Heartbeat(long nowNs) {
        this.lastHeardNs = nowNs;
    }

    /** The peer sent something at {@code nowNs}. */
    void heard(long nowNs) {
        lastHeardNs = nowNs;
        awaitingReply = false;
    }

    /**
     * What is due at {@code nowNs}: {@link #PING_DUE} (and the ping counts as sent), {@link #EXPIRED},
     * or {@link #NOTHING_DUE}; always nothing when {@code intervalNs} is 0 (heartbeats off).
     */
    int check(long nowNs, long intervalNs, long timeoutNs) {
        if (intervalNs == 0) {
            return NOTHING_DUE;
        }
        if (awaitingReply) {
            return nowNs - pingSentNs >= timeoutNs ? EXPIRED : NOTHING_DUE;
        }
        if (nowNs - lastHeardNs >= intervalNs) {
            awaitingReply = true;
            pingSentNs = nowNs;
            return PING_DUE;
        }
        return NOTHING_DUE;
    }
}
