package io.ringside.engine.tick;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link TickLoop} on a thread of its own, parking between ticks.
 *
 * <p>It parks until 50 us before the next tick is due (Linux's default timer slack, by which a
 * park may overshoot) and spins through the rest, so ticks start on time without burning a core:
 * at 30 Hz a shard spins at most 1.5 ms per second. An
 * exception escaping a tick is reported and the loop goes on: one bad tick must not stop a shard. An
 * {@link Error} ends the thread and goes to its fatal error callback (the server then stops):
 * after an out-of-memory error nothing the thread holds can be trusted.
 */
public final class TickThread implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TickThread.class);
    private static final long SPIN_NS = TimeUnit.MICROSECONDS.toNanos(50);

    private final TickLoop loop;
    private final NanoClock clock;
    private static final byte[] FATAL_LINE = "ringside: FATAL: a tick thread failed with an Error and ends\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final Thread thread;
    private final Consumer<Throwable> onFatalError;
    private volatile boolean running = true;

    /** Starts a thread named {@code name} that runs {@code loop} until {@link #close()}; an Error is only logged. */
    public TickThread(String name, TickLoop loop, NanoClock clock) {
        this(name, loop, clock, error -> { });
    }

    /**
     * Starts a thread named {@code name} that runs {@code loop} until {@link #close()}. An
     * {@link Error} ends it: a line is written to {@code System.err} without allocating, then
     * {@code onFatalError} is called on this thread (it must not block for long).
     */
    public TickThread(String name, TickLoop loop, NanoClock clock, Consumer<Throwable> onFatalError) {
        this.loop = loop;
        this.clock = clock;
        this.onFatalError = onFatalError;
        this.thread = new Thread(this::run, name);
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                if (loop.doWork() == 0) {
                    idle();
                }
            } catch (RuntimeException e) {
                LOG.error("tick failed on {}; the loop goes on", thread.getName(), e);
            } catch (Error e) {
                running = false;
                System.err.write(FATAL_LINE, 0, FATAL_LINE.length);
                System.err.flush();
                onFatalError.accept(e);
                try {
                    LOG.error("{} failed and ends", thread.getName(), e);
                } catch (Throwable t) {
                    // the line on System.err was written already
                }
            }
        }
    }

    private void idle() {
        long waitNs = loop.nanosUntilNextTick(clock.nanoTime());
        if (waitNs > SPIN_NS) {
            LockSupport.parkNanos(this, waitNs - SPIN_NS);
        } else {
            Thread.onSpinWait();
        }
    }

    /** Whether the thread is still running. */
    public boolean isAlive() {
        return thread.isAlive();
    }

    /** Asks the loop to stop after the tick in progress, without waiting. Any thread. */
    public void requestStop() {
        running = false;
        LockSupport.unpark(thread);
    }

    /** Stops the loop after the tick in progress and waits for the thread to end. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
