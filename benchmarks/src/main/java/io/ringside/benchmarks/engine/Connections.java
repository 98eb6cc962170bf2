package io.ringside.benchmarks.engine;

import io.ringside.engine.client.ClientConnection;
import io.ringside.engine.client.ClientListener;
import io.ringside.engine.client.ConnectConfig;
import io.ringside.engine.client.ConnectionState;
import io.ringside.engine.client.WebSocketClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Opens and closes many client connections at once, a bounded number of handshakes in flight. */
final class Connections {
    /** Handshakes in flight at once: well under both servers' accept backlog, so no SYN is dropped. */
    private static final int MAX_PENDING = 256;
    private static final long TIMEOUT_MS = 60_000;

    private Connections() {
    }

    /** Opens {@code count} connections to {@code uri}, connection {@code i} with {@code listeners.apply(i)}. */
    static List<ClientConnection> open(WebSocketClient client, URI uri, int count,
            IntFunction<ClientListener> listeners)
            throws Exception {
        return open(client, uri, ConnectConfig.defaults(), count, listeners);
    }

    /** {@link #open(WebSocketClient, URI, int, IntFunction)} with {@code config} (e.g. a TLS context). */
    static List<ClientConnection> open(WebSocketClient client, URI uri, ConnectConfig config, int count,
            IntFunction<ClientListener> listeners)
            throws Exception {
        Semaphore pending = new Semaphore(MAX_PENDING);
        List<CompletableFuture<ClientConnection>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (!pending.tryAcquire(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("handshakes stalled after " + i + " connections");
            }
            CompletableFuture<ClientConnection> future = client.connect(uri, config, listeners.apply(i));
            future.whenComplete((connection, error) -> pending.release());
            futures.add(future);
        }
        List<ClientConnection> connections = new ArrayList<>(count);
        for (CompletableFuture<ClientConnection> future : futures) {
            connections.add(future.get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
        }
        return connections;
    }

    /** Starts the close handshake on every connection and waits until each is closed. */
    static void closeAll(List<ClientConnection> connections) throws InterruptedException {
        for (ClientConnection connection : connections) {
            connection.close();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        for (ClientConnection connection : connections) {
            while (connection.state() != ConnectionState.CLOSED) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException(connection + " did not close");
                }
                Thread.sleep(5);
            }
        }
    }
}
