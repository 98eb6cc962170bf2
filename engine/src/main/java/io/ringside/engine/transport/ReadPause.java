package io.ringside.engine.transport;

import java.util.function.LongSupplier;

/**
 * How long an I/O loop waits, after a busy cycle, before it looks at its sockets again: the
 * read-coalescing pause ({@code readCoalesceUs}), or until {@code readBeforeTickUs} before the next
 * tick of the server's tick loops, whichever ends first; 0 for no wait. Only reads wait: a command
 * from another thread ends a wait at once (see {@link IoLoop}). Loop thread.
 */
final class ReadPause {
    private final long coalesceNs;
    private final long beforeTickNs;
    private final LongSupplier nanosUntilNextTick;

    ReadPause(long coalesceNs, long beforeTickNs, LongSupplier nanosUntilNextTick) {
        this.coalesceNs = coalesceNs;
        this.beforeTickNs = beforeTickNs;
        this.nanosUntilNextTick = nanosUntilNextTick;
    }

    ReadPause(ServerConfig config) {
        this(config.readCoalesceNs, config.readBeforeTickNs, config.tickSchedule);
    }

    /**
     * Whether a cycle that found no socket ready but took commands (a tick's sends) is followed by a
     * wait too: only when reads are tied to the tick, whose hand-over is such a cycle.
     */
    boolean afterCommands() {
        return beforeTickNs > 0;
    }

    /** Nanoseconds to wait now; 0 when the loop should select at once (in the last stretch before a tick, say). */
    long pauseNs() {
        long pause = coalesceNs;
        if (beforeTickNs > 0) {
            long untilReads = nanosUntilNextTick.getAsLong() - beforeTickNs;
            // half the way at a time: the reads just before the tick then find little waiting, and
            // finish within the lead however many clients sent since the tick before
            if (untilReads > 2 * beforeTickNs) {
                untilReads /= 2;
            }
            pause = pause > 0 ? Math.min(pause, untilReads) : untilReads;
        }
        return Math.max(0, pause);
    }
}
