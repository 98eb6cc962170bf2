package io.ringside.benchmarks.engine;

import java.io.IOException;
import java.util.function.IntSupplier;

/**
 * One server side of {@link FanOutBenchmark}, running in the benchmark's JVM: accepts the clients'
 * upgrades on {@link #port()}, then sends one binary frame of the same payload to every connection
 * per {@link #broadcast()}, called from the benchmark thread (the game's tick thread).
 */
interface FanOutServer extends AutoCloseable {
    /** The loopback port the clients connect to. */
    int port();

    /** Waits until {@code count} connections are upgraded and ready to be sent to; throws on timeout. */
    void awaitConnections(int count) throws InterruptedException;

    /** Hands one frame to every connection; returns without waiting for the writes. Benchmark thread. */
    void broadcast();

    /** Bytes each connection receives per broadcast (frame header + payload). */
    int frameBytes();

    /** Stops the server and its threads; call after the clients closed their sockets. */
    @Override
    void close() throws IOException;

    /** Waits for {@code actual} to reach {@code count}, polling every millisecond, up to {@code timeoutMs}. */
    static void await(IntSupplier actual, int count, long timeoutMs, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (actual.getAsInt() < count) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(what + ": " + actual.getAsInt() + " of " + count + " after "
                        + timeoutMs + " ms");
            }
            Thread.sleep(1);
        }
    }
}
