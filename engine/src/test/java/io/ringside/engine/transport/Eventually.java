package io.ringside.engine.transport;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition that another thread makes true, with a generous deadline; fails when it passes. */
final class Eventually {
    private static final long DEADLINE_NS = 20_000_000_000L;
    private static final long POLL_NS = 5_000_000L;

    private Eventually() {
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE_NS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("condition not met within 20 s");
            }
            LockSupport.parkNanos(POLL_NS);
        }
    }
}
