package io.ringside.benchmarks.engine;

import io.ringside.engine.client.ClientConnection;
import io.ringside.engine.client.ClientListener;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Counts the echoes of one connection and lets one benchmark thread wait for the n-th: it spins
 * briefly (a loopback round trip is tens of microseconds), then parks until the client's I/O thread
 * unparks it. The same waiting costs are paid whichever server answers.
 */
final class EchoWaiter implements ClientListener {
    private static final int SPINS = 2_000;
    private static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);

    private final int expectedLength;
    private volatile long received;
    private volatile Thread waiter;
    private volatile String failure;

    EchoWaiter(int expectedLength) {
        this.expectedLength = expectedLength;
    }

    @Override
    public void onBinary(ClientConnection connection, ByteBuffer buffer, int offset, int length) {
        if (length != expectedLength) {
            failure = "echo of " + length + " bytes, sent " + expectedLength;
        }
        received = received + 1;
        Thread thread = waiter;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void onClose(ClientConnection connection, int code, String reason, boolean remote) {
        failure = "connection closed: " + code + " " + reason;
        Thread thread = waiter;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /** Echoes received so far. */
    long received() {
        return received;
    }

    /** Blocks the calling (only) waiting thread until {@code count} echoes arrived. */
    void await(long count) {
        for (int i = 0; i < SPINS; i++) {
            if (received >= count) {
                return;
            }
            Thread.onSpinWait();
        }
        waiter = Thread.currentThread();
        long deadline = System.nanoTime() + TIMEOUT_NS;
        while (received < count) {
            if (failure != null || System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("no echo: " + (failure == null ? "timeout" : failure));
            }
            LockSupport.parkNanos(this, TIMEOUT_NS);
        }
        waiter = null;
    }
}
