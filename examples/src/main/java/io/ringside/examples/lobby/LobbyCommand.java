package io.ringside.examples.lobby;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.config.RingsideConfig;
import io.ringside.examples.launch.Launcher;
import io.ringside.examples.launch.MonitorOptions;
import io.ringside.examples.launch.ServerOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lobby}: the lobby server's command line; runs until the process is stopped. */
@Command(name = "lobby", mixinStandardHelpOptions = true, version = "ringside lobby example",
        description = "Runs the tic-tac-toe lobby (matchmaking, private tables, chat) and its browser client.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by Ctrl-C or SIGTERM", "1:cannot listen (port in use)",
            "2:bad option, configuration file or value"})
public final class LobbyCommand implements Callable<Integer> {
    private static final String NAME = "lobby";

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServerOptions server = new ServerOptions();

    @Mixin
    private MonitorOptions monitor = new MonitorOptions();

    @Override
    public Integer call() throws Exception {
        RingsideConfig config = server.load(spec.commandLine().getErr(), NAME);
        RingsideServer.Builder builder = LobbyServer.builder(LobbyServer.DEFAULT_PORT);
        server.applyTo(builder, config);
        monitor.applyTo(builder);
        RingsideServer started = builder.build().start();
        for (String line : config.describe()) {
            System.out.println("lobby: " + line);
        }
        Launcher.printAddress(System.out, NAME, started.address());
        Launcher.printOpen(System.out, started.port(), started.tlsPort(), "/lobby/");
        monitor.printAddress(System.out, NAME, started.port(), config);
        Launcher.awaitShutdown(NAME, started);
        return 0;
    }
}
