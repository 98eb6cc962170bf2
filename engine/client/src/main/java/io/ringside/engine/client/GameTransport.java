package io.ringside.engine.client;

import java.nio.ByteBuffer;

/** Where a {@link GameClient} sends envelopes: its open connection, or a recorder in unit tests. Any thread. */
interface GameTransport {
    /** The transport of a client that is not connected: sends nothing, closes nothing. */
    GameTransport DISCONNECTED = new GameTransport() {
        @Override
        public boolean sendBinary(ByteBuffer envelope) {
            return false;
        }

        @Override
        public void close(int code, String reason) {
            // nothing to close
        }
    };

    /** Sends one encoded envelope as a binary message; {@code false} if not queued. */
    boolean sendBinary(ByteBuffer envelope);

    /** Starts the close handshake (RFC 6455 §7.1.2). */
    void close(int code, String reason);
}
