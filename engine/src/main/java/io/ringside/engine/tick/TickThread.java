package io.ringside.engine.tick;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link TickLoop} on a thread of its own, parking between ticks.
 *
 * <p>It parks until shortly before the next tick is due and spins through the rest (parking is
 * only accurate to about 50-100 us on Linux), so ticks start on time without burning a core. An
 * exception escaping a tick is reported and the loop goes on: one bad tick must not stop a shard.
 */
public final class TickThread implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TickThread.class);
    private static final long SPIN_NS = TimeUnit.MICROSECONDS.toNanos(200);

    private final TickLoop loop;
    private final NanoClock clock;
    private final Thread thread;
    private volatile boolean running = true;

    /** Starts a thread named {@code name} that runs {@code loop} until {@link #close()}. */
    public TickThread(String name, TickLoop loop, NanoClock clock) {
        this.loop = loop;
        this.clock = clock;
        this.thread = new Thread(this::run, name);
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                if (loop.doWork() == 0) {
                    idle();
                }
            } catch (RuntimeException | Error e) {
                LOG.error("tick failed on {}; the loop goes on", thread.getName(), e);
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
