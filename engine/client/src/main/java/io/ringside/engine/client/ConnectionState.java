package io.ringside.engine.client;

/**
 * The life of a {@link ClientConnection} (RFC 6455 §4.1, §7): states only move forward.
 */
public enum ConnectionState {
    /** TCP connect in progress. */
    CONNECTING,
    /** Upgrade request sent, waiting for a verified 101 response. */
    HANDSHAKING,
    /** Open: messages flow both ways. */
    OPEN,
    /** A close frame was sent or received; waiting for the other side and the TCP close. */
    CLOSING,
    /** The TCP connection is closed. */
    CLOSED
}
