package io.ringside.engine.tick;

/**
 * A monotonic clock in nanoseconds; injected so that tests can drive time by hand.
 */
@FunctionalInterface
public interface NanoClock {
    /** The current time in nanoseconds from an arbitrary origin; only differences mean anything. */
    long nanoTime();

    /** The JVM's monotonic clock, {@link System#nanoTime()}. */
    static NanoClock system() {
        return System::nanoTime;
    }
}
