package io.ringside.tools.loadgen;

import io.ringside.engine.client.ClientConnection;
import io.ringside.engine.client.ClientListener;
import io.ringside.engine.client.ConnectConfig;
import io.ringside.engine.client.WebSocketClient;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * One echo bot: sends binary messages stamped with {@link System#nanoTime()} in their first eight
 * bytes and measures the round trip when the echo comes back.
 *
 * <p>{@link #send()} runs on the scheduler thread; the listener methods on the connection's I/O thread.
 */
final class EchoBot implements Bot, ClientListener {
    /** Smallest message: the eight-byte send timestamp. */
    static final int MIN_SIZE_BYTES = Long.BYTES;

    private final Metrics metrics;
    private final URI url;
    private final ConnectConfig connectConfig;
    private final ByteBuffer payload;
    private volatile ClientConnection connection;
    private volatile boolean stopping;

    EchoBot(Metrics metrics, URI url, ConnectConfig connectConfig, int sizeBytes, int id) {
        this.metrics = metrics;
        this.url = url;
        this.connectConfig = connectConfig;
        this.payload = ByteBuffer.allocate(sizeBytes);
        for (int i = MIN_SIZE_BYTES; i < sizeBytes; i++) {
            payload.put(i, (byte) (id + i));
        }
    }

    @Override
    public CompletableFuture<?> open(WebSocketClient client) {
        return client.connect(url, connectConfig, this);
    }

    /** Sends one stamped message if connected; a refused send (full backlog) is counted, not queued. */
    @Override
    public void send() {
        ClientConnection c = connection;
        if (c == null || stopping) {
            return;
        }
        payload.putLong(0, System.nanoTime());
        if (c.sendBinary(payload)) {
            metrics.sentMessages.increment();
            metrics.sentBytes.add(payload.capacity());
        } else {
            metrics.refusedSends.increment();
        }
    }

    /** Stops sending and starts the close handshake with 1000. */
    @Override
    public void close() {
        stopping = true;
        ClientConnection c = connection;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public void onOpen(ClientConnection opened) {
        this.connection = opened;
        metrics.connected.incrementAndGet();
    }

    @Override
    public void onBinary(ClientConnection c, ByteBuffer buffer, int offset, int length) {
        metrics.receivedMessages.increment();
        metrics.receivedBytes.add(length);
        if (length >= MIN_SIZE_BYTES) {
            long rttNanos = System.nanoTime() - buffer.getLong(offset);
            metrics.rttMicros.recordValue(Math.min(Math.max(rttNanos / 1000, 0), Metrics.MAX_LATENCY_MICROS));
        }
    }

    @Override
    public void onClose(ClientConnection c, int code, String reason, boolean remote) {
        metrics.connected.decrementAndGet();
        connection = null;
        if (!stopping) {
            metrics.disconnected(code);
        }
    }

    @Override
    public void onError(ClientConnection c, Throwable error) {
        if (!stopping) {
            metrics.connectionError(error);
        }
    }
}
