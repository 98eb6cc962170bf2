package io.ringside.examples.arena;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.config.RingsideConfig;
import io.ringside.examples.auth.TokenAuth;
import io.ringside.examples.launch.Launcher;
import io.ringside.examples.launch.MonitorOptions;
import io.ringside.examples.launch.ServerOptions;
import io.ringside.protocol.deflate.DeflatePolicy;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code arena}: the arena server's command line; runs until the process is stopped. */
@Command(name = "arena", mixinStandardHelpOptions = true, version = "ringside arena example",
        description = "Runs the arena game server and its browser client on one port.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by Ctrl-C or SIGTERM", "1:cannot listen (port in use)",
            "2:bad option, configuration file or value"})
public final class ArenaCommand implements Callable<Integer> {
    private static final String NAME = "arena";

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServerOptions server = new ServerOptions();

    @Mixin
    private MonitorOptions monitor = new MonitorOptions();

    @Option(names = "--tick-rate", paramLabel = "HZ",
            description = "Simulation steps per second (1-128). Default: ringside.game.tick-rate-hz, else 30.")
    private Integer tickRateHz;

    @Option(names = "--bots", paramLabel = "N", defaultValue = "3",
            description = "Server-side bots in every room (0-256). Default: ${DEFAULT-VALUE}.")
    private int bots;

    @Option(names = "--capacity", paramLabel = "N", defaultValue = "16",
            description = "People per room. Default: ${DEFAULT-VALUE}.")
    private int capacity;

    @Option(names = "--reconnect-grace", paramLabel = "MS", defaultValue = "10000",
            description = "How long a dropped player's seat and ship wait for a reconnect, in ms."
                    + " Default: ${DEFAULT-VALUE}.")
    private long reconnectGraceMs;

    @Option(names = "--token-secret", paramLabel = "SECRET",
            description = "Require a signed token on every WebSocket (the page gets one from /token):"
                    + " an HMAC key of at least 32 bytes, or 'random'. Default: off.")
    private String tokenSecret;

    @Option(names = "--deflate", paramLabel = "on|off", defaultValue = "off",
            description = "permessage-deflate (RFC 7692) on the game endpoint with the default policy;"
                    + " browsers offer it by themselves. Default: ${DEFAULT-VALUE}.")
    private String deflate;

    @Option(names = "--view-radius", paramLabel = "UNITS", defaultValue = "0",
            description = "Interest management: each player is sent only the fighters and shots within this many"
                    + " world units of its own fighter; 0 sends the whole room. Default: ${DEFAULT-VALUE}.")
    private float viewRadius;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!"on".equals(deflate) && !"off".equals(deflate)) {
            throw new ParameterException(spec.commandLine(), "--deflate=" + deflate + " (on or off)");
        }
        if (!(viewRadius >= 0) || Float.isInfinite(viewRadius)) {
            throw new ParameterException(spec.commandLine(), "--view-radius=" + viewRadius
                    + " (0 or a finite positive number of world units)");
        }
        RingsideConfig config = server.load(err, NAME);
        int hz = tickRateHz != null ? tickRateHz
                : (Integer) config.value("game.tick-rate-hz").orElse(ArenaSettings.DEFAULT_TICK_RATE_HZ);
        ArenaSettings settings = ArenaSettings.defaults().withTickRateHz(hz).withBots(bots);
        RingsideServer.Builder builder = ArenaServer.withLobby(ArenaServer.builder(ArenaServer.DEFAULT_PORT, settings,
                capacity, reconnectGraceMs, viewRadius));
        server.applyTo(builder, config);
        monitor.applyTo(builder);
        // the rooms simulate at the settings' rate, so the shards must tick at it whatever the file said
        builder.game(g -> g.tickRateHz(settings.tickRateHz()));
        if ("on".equals(deflate)) {
            builder.endpoint(e -> e.deflate(DeflatePolicy.defaults()));
        }
        if (tokenSecret != null) {
            byte[] key = "random".equals(tokenSecret) ? TokenAuth.randomSecret()
                    : tokenSecret.getBytes(StandardCharsets.UTF_8);
            ArenaServer.withTokens(builder, new TokenAuth(key, Duration.ofHours(12), Clock.systemUTC()));
            System.out.println("arena: WebSockets need a token (the page gets one from /token)");
        }
        RingsideServer started = builder.build().start();
        System.out.printf("arena: %d Hz, %d bots per room, up to %d people per room, seats held %d ms, %s%n",
                settings.tickRateHz(), settings.bots(), capacity, reconnectGraceMs,
                viewRadius == 0 ? "whole room in view" : "view radius " + viewRadius + " units");
        for (String line : config.describe()) {
            System.out.println("arena: " + line);
        }
        Launcher.printAddress(System.out, NAME, started.address());
        Launcher.printOpen(System.out, started.port(), started.tlsPort(), "/arena/");
        System.out.println("arena: the lobby's tic-tac-toe tables are served too, at /lobby/; both are linked from /");
        monitor.printAddress(System.out, NAME, started.port(), config);
        Launcher.awaitShutdown(NAME, started);
        return 0;
    }
}
