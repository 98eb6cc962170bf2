package io.ringside.engine.transport;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a server whose thread hit an {@link Error}: the first report wins, writes a line to
 * {@code System.err} from bytes prepared in advance (the heap may be exhausted, and logging it the
 * usual way allocates), then, on a thread made in advance, logs it properly if it can, has every
 * loop send 1011 and close its connections, waits a little for them, and runs the
 * {@link FatalErrorHandler}. Any thread.
 */
final class FatalStop {
    private static final Logger LOG = LoggerFactory.getLogger(FatalStop.class);
    private static final byte[] LINE = ("ringside: FATAL: a server thread failed with an Error;"
            + " closing every connection with 1011 and stopping the server\n").getBytes(StandardCharsets.US_ASCII);
    /** How long the loops get to send their 1011 close frames before the handler runs. */
    private static final long LOOP_WAIT_MS = 1_000;

    private final AtomicBoolean triggered = new AtomicBoolean();
    private final FatalErrorHandler handler;
    private final WebSocketServer server;
    private final Thread runner;
    private volatile Thread failedThread;
    private volatile Throwable cause;

    FatalStop(FatalErrorHandler handler, WebSocketServer server) {
        this.handler = handler;
        this.server = server;
        this.runner = new Thread(this::run, "ringside-fatal");
        runner.setDaemon(true);
    }

    /** Whether the server was stopped by a fatal error. Any thread. */
    boolean triggered() {
        return triggered.get();
    }

    /** Stops the server because the current thread failed with {@code error}; later calls do nothing. */
    void trigger(Throwable error) {
        if (!triggered.compareAndSet(false, true)) {
            return;
        }
        failedThread = Thread.currentThread();
        cause = error;
        System.err.write(LINE, 0, LINE.length);
        System.err.flush();
        try {
            runner.start();
        } catch (Throwable t) {
            // no thread to be had: stop from here, the exit handler's own halt covers a hang
            run();
        }
    }

    private void run() {
        try {
            LOG.error("{} failed; the server stops", failedThread.getName(), cause);
        } catch (Throwable t) {
            // the line on System.err was written already
        }
        try {
            server.abort(LOOP_WAIT_MS);
        } catch (Throwable t) {
            // stopping is best effort; the handler still has to run
        }
        handler.onFatalError(cause);
    }
}
