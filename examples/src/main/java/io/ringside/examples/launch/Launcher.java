package io.ringside.examples.launch;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.TerminationSignals;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;

/**
 * Runs an example's picocli command and turns the failures a user causes into one line and an
 * exit code: 1 when the port is taken, 2 for a bad option, file or value. Anything else is a bug
 * and keeps its stack trace.
 */
public final class Launcher {
    /** Exit code when the server could not listen (port in use, address not local). */
    public static final int EXIT_CANNOT_LISTEN = 1;
    /** Exit code for a bad option, configuration file or value (also picocli's usage error code). */
    public static final int EXIT_BAD_CONFIGURATION = 2;

    private Launcher() {
    }

    /** A command line for {@code command} with the failure handling above. */
    public static CommandLine commandLine(Object command) {
        CommandLine cli = new CommandLine(command);
        cli.setExecutionExceptionHandler((error, failed, parseResult) -> {
            String name = failed.getCommandName();
            if (error instanceof BindException) {
                failed.getErr().println(name + ": " + error.getMessage());
            } else if (error instanceof IllegalArgumentException) {
                failed.getErr().println(name + ": " + error.getMessage());
            } else {
                throw error;
            }
            failed.getErr().flush();
            return error instanceof BindException ? EXIT_CANNOT_LISTEN : EXIT_BAD_CONFIGURATION;
        });
        return cli;
    }

    /** Parses {@code args}, runs {@code command}, and exits with its code unless it is 0. */
    public static void main(Object command, String[] args) {
        int code = commandLine(command).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Prints where the server listens, saying so plainly when it is every interface. */
    public static void printAddress(PrintStream out, String name, InetSocketAddress address) {
        if (address.getAddress().isAnyLocalAddress()) {
            out.printf("%s: listening on all interfaces, port %d (--bind 127.0.0.1 keeps it to this machine)%n",
                    name, address.getPort());
        } else {
            out.printf("%s: listening on %s, port %d%n", name, address.getHostString(), address.getPort());
        }
    }

    /**
     * Prints the page's address: {@code open http://localhost:PORT/path} for a plain port and
     * {@code open https://localhost:TLS_PORT/path} when the server speaks TLS.
     */
    public static void printOpen(PrintStream out, int port, int tlsPort, String path) {
        if (tlsPort != port) {
            out.println("open http://localhost:" + port + path);
        }
        if (tlsPort >= 0) {
            out.println("open https://localhost:" + tlsPort + path);
        }
    }

    /**
     * Blocks until SIGTERM or Ctrl-C, then runs {@code close} (for a game server,
     * {@code drainAndClose}: rooms get until the drain deadline to finish) and exits with status 0
     * once it returned; a second Ctrl-C exits at once (see {@link TerminationSignals}).
     */
    public static void awaitShutdown(String name, Runnable close) throws InterruptedException {
        TerminationSignals.handle(() -> {
            System.out.println(name + ": shutting down (Ctrl-C again to stop at once)");
            close.run();
            System.out.println(name + ": stopped");
        });
        await(new CompletableFuture<Void>());
    }

    /**
     * As {@link #awaitShutdown(String, Runnable)} for a game server: SIGTERM or Ctrl-C drains and
     * closes it; also returns once it closed otherwise (e.g. drained by {@code POST /admin/drain}).
     */
    public static void awaitShutdown(String name, RingsideServer server) throws InterruptedException {
        TerminationSignals.handle(() -> {
            System.out.println(name + ": shutting down (Ctrl-C again to stop at once)");
            server.drainAndClose();
        });
        await(server.whenClosed());
        System.out.println(name + ": stopped");
    }

    private static void await(CompletionStage<Void> closed) throws InterruptedException {
        try {
            closed.toCompletableFuture().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
