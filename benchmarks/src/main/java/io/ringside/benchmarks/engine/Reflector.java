package io.ringside.benchmarks.engine;

import io.ringside.engine.client.ClientConnection;
import io.ringside.engine.client.ClientListener;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a fixed window of messages in flight on one connection: every echo received is counted and
 * answered with a new message from the client's I/O thread, so the window never grows or shrinks.
 */
final class Reflector implements ClientListener {
    private final AtomicLong echoes;
    private final ByteBuffer payload;
    private volatile String failure;

    /** Counts into {@code echoes}; {@code payload} is shared read-only and never changed. */
    Reflector(AtomicLong echoes, ByteBuffer payload) {
        this.echoes = echoes;
        this.payload = payload;
    }

    @Override
    public void onBinary(ClientConnection connection, ByteBuffer buffer, int offset, int length) {
        echoes.incrementAndGet();
        if (!connection.sendBinary(payload)) {
            failure = "send refused on " + connection;
        }
    }

    @Override
    public void onClose(ClientConnection connection, int code, String reason, boolean remote) {
        if (remote) {
            failure = "server closed " + connection + ": " + code + " " + reason;
        }
    }

    /** What went wrong on this connection, or {@code null}. */
    String failure() {
        return failure;
    }
}
