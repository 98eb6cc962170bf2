package io.ringside.benchmarks.engine;

import io.ringside.engine.client.ClientConnection;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends {@code messagesPerSecond} binary messages spread round-robin over a set of connections, from
 * one thread that wakes every millisecond and sends what is due since it started (so a late wake-up
 * is caught up, not lost). The echoes are ignored: this is the load other players put on a server
 * while a latency probe is measured.
 */
final class BackgroundLoad {
    private static final long TICK_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int MAX_BURST = 10_000;

    private final List<ClientConnection> connections;
    private final long messagesPerSecond;
    private final ByteBuffer payload;
    private final Thread thread;
    private volatile boolean running = true;
    private long refused;

    private BackgroundLoad(List<ClientConnection> connections, long messagesPerSecond, ByteBuffer payload) {
        this.connections = connections;
        this.messagesPerSecond = messagesPerSecond;
        this.payload = payload;
        this.thread = new Thread(this::run, "background-load");
        thread.setDaemon(true);
    }

    /** Starts the load; nothing is sent when {@code connections} is empty or the rate is 0. */
    static BackgroundLoad start(List<ClientConnection> connections, long messagesPerSecond, ByteBuffer payload) {
        BackgroundLoad load = new BackgroundLoad(connections, messagesPerSecond, payload);
        if (!connections.isEmpty() && messagesPerSecond > 0) {
            load.thread.start();
        }
        return load;
    }

    private void run() {
        long startNs = System.nanoTime();
        long sent = 0;
        int next = 0;
        while (running) {
            long due = (System.nanoTime() - startNs) * messagesPerSecond / TimeUnit.SECONDS.toNanos(1);
            long burst = Math.min(due - sent, MAX_BURST);
            for (long i = 0; i < burst; i++) {
                if (!connections.get(next).sendBinary(payload)) {
                    refused++;
                }
                next = next + 1 == connections.size() ? 0 : next + 1;
            }
            sent = Math.max(sent + burst, due - MAX_BURST);
            LockSupport.parkNanos(TICK_NS);
        }
    }

    /** Stops sending and waits for the thread; fails if a send was refused (the load was not delivered). */
    void stop() throws InterruptedException {
        running = false;
        thread.join();
        if (refused > 0) {
            throw new IllegalStateException(refused + " background sends refused");
        }
    }
}
