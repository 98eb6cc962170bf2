package io.ringside.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits for a condition that other threads or processes make true; fails once the deadline passes. */
final class Eventually {
    private Eventually() {
    }

    /** Polls {@code condition} every 20 ms until it holds, failing after {@code seconds}. */
    static void await(long seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within %d s", seconds).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
