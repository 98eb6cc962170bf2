package io.ringside.examples.launch;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.config.RingsideConfig;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import picocli.CommandLine.Option;

/**
 * The live monitor's options (a picocli mixin): {@code --monitor} turns the page on,
 * {@code --monitor-token} sets its token ({@code random} makes one and prints it). Without a token
 * the page answers this machine only.
 */
public final class MonitorOptions {
    private static final int RANDOM_TOKEN_BYTES = 16;

    @Option(names = "--monitor",
            description = "Serve the live monitor page at /monitor/ (rooms, players, shards; lock, kick, dispose)."
                    + " Default: ringside.monitor.enabled or $RINGSIDE_MONITOR, else off.")
    private boolean monitor;

    @Option(names = "--monitor-token", paramLabel = "TOKEN",
            description = "Token the monitor asks for (at least 16 characters), or 'random' to make one."
                    + " Default: ringside.monitor.token or $RINGSIDE_MONITOR_TOKEN, else none: this machine only.")
    private String token;

    private String usedToken;

    /** Applies the options to {@code builder} (after the file and environment, so they win). */
    public void applyTo(RingsideServer.Builder builder) {
        if (monitor) {
            builder.monitor(m -> m.enabled(true));
        }
        if (token != null) {
            usedToken = "random".equals(token) ? randomToken() : token;
            builder.monitor(m -> m.token(usedToken));
        }
    }

    /** Prints where the monitor is, if it is on (by these options or by {@code config}). */
    public void printAddress(PrintStream out, String name, int port, RingsideConfig config) {
        boolean on = monitor || Boolean.TRUE.equals(config.value("monitor.enabled").orElse(false));
        if (!on) {
            return;
        }
        String path = (String) config.value("monitor.path").orElse("/monitor");
        if (usedToken != null) {
            out.printf("%s: monitor at http://localhost:%d%s/?token=%s%n", name, port, path, usedToken);
        } else if (config.value("monitor.token").isPresent()) {
            out.printf("%s: monitor at http://localhost:%d%s/?token=<ringside.monitor.token>%n", name, port, path);
        } else {
            out.printf("%s: monitor at http://localhost:%d%s/ (this machine only: no --monitor-token)%n",
                    name, port, path);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[RANDOM_TOKEN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
