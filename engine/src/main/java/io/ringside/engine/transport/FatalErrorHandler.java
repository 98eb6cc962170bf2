package io.ringside.engine.transport;

/**
 * What happens after a server thread (an I/O loop, the acceptor, or a tick thread) hit an
 * {@link Error} it cannot recover from, typically an {@link OutOfMemoryError}. By then the server
 * has already stopped: every open connection was sent close 1011 (best effort) and closed, the
 * listening socket is closed and the server threads end. The handler decides what becomes of the
 * process; the default, {@link #exitProcess()}, exits it with {@value #EXIT_STATUS}, so that a
 * supervisor sees a dead process and restarts it instead of a live one serving nobody.
 *
 * <p>Called once per server, on a thread of its own ({@code ringside-fatal}), never on the thread
 * that failed. It may block.
 */
@FunctionalInterface
public interface FatalErrorHandler {
    /** The exit status of {@link #exitProcess()}: {@code EX_SOFTWARE} from BSD's sysexits.h. */
    int EXIT_STATUS = 70;
    /** How long {@link #exitProcess()} lets shutdown hooks run before it halts the JVM, in ms. */
    long EXIT_GRACE_MS = 2_000;

    /** The server stopped because of {@code error}. */
    void onFatalError(Throwable error);

    /**
     * Exits the JVM with {@value #EXIT_STATUS}: {@code System.exit} (shutdown hooks run), and
     * {@code Runtime.halt} if that has not finished within {@value #EXIT_GRACE_MS} ms, since hooks
     * may block on a heap that is still exhausted. The default.
     */
    static FatalErrorHandler exitProcess() {
        return error -> {
            try {
                Thread halter = new Thread(() -> {
                    try {
                        Thread.sleep(EXIT_GRACE_MS);
                    } catch (InterruptedException e) {
                        // halt now
                    }
                    Runtime.getRuntime().halt(EXIT_STATUS);
                }, "ringside-fatal-halt");
                halter.setDaemon(true);
                halter.start();
            } catch (Throwable t) {
                Runtime.getRuntime().halt(EXIT_STATUS);
            }
            System.exit(EXIT_STATUS);
        };
    }

    /**
     * Whether {@code error}, thrown by application code (a handler or a room), must stop the server
     * rather than cost only that connection or room: a {@link VirtualMachineError} (out of memory,
     * an internal JVM error), except a {@link StackOverflowError}, which only the code that recursed
     * is to blame for.
     */
    static boolean isFatal(Throwable error) {
        return error instanceof VirtualMachineError && !(error instanceof StackOverflowError);
    }

    /** Rethrows {@code error} if it {@link #isFatal is fatal}; otherwise returns normally. */
    static void rethrowIfFatal(Throwable error) {
        if (isFatal(error)) {
            throw (VirtualMachineError) error;
        }
    }
}
