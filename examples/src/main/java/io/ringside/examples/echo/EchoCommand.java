package io.ringside.examples.echo;

import io.ringside.engine.config.ConfigTarget;
import io.ringside.engine.config.RingsideConfig;
import io.ringside.engine.room.GameConfig;
import io.ringside.engine.transport.EndpointConfig;
import io.ringside.engine.transport.WebSocketServer;
import io.ringside.examples.launch.Launcher;
import io.ringside.examples.launch.ServerOptions;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code echo}: the echo server's command line; runs until the process is stopped. */
@Command(name = "echo", mixinStandardHelpOptions = true, version = "ringside echo example",
        description = {"Runs a WebSocket echo server on path / for conformance runs (Autobahn fuzzing client).",
            "Only ringside.transport.* settings apply."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by Ctrl-C", "1:cannot listen (port in use)",
            "2:bad option, configuration file or value"})
public final class EchoCommand implements Callable<Integer> {
    private static final String NAME = "echo";

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServerOptions server = new ServerOptions();

    @Option(names = "--deflate",
            description = "Accept permessage-deflate (RFC 7692), both contexts kept, every message compressed.")
    private boolean deflate;

    @Override
    public Integer call() throws Exception {
        RingsideConfig config = server.load(spec.commandLine().getErr(), NAME);
        WebSocketServer.Builder builder = EchoServer.builder(EchoServer.DEFAULT_PORT,
                deflate ? EchoServer.DEFLATE : null);
        server.applyTo(new TransportOnly(builder), config);
        WebSocketServer started = builder.build().start();
        for (String line : config.describe()) {
            System.out.println("echo: " + line);
        }
        Launcher.printAddress(System.out, NAME, started.address());
        if (started.tlsPort() != started.port()) {
            System.out.println("echo: ws://localhost:" + started.port() + "/"
                    + (deflate ? " (permessage-deflate)" : ""));
        }
        if (started.tlsPort() >= 0) {
            System.out.println("echo: wss://localhost:" + started.tlsPort() + "/"
                    + (deflate ? " (permessage-deflate)" : ""));
        }
        Launcher.awaitShutdown(NAME, started::close);
        return 0;
    }

    /** Takes the transport keys; the echo server has no game and no game endpoint. */
    private static final class TransportOnly implements ConfigTarget {
        private final WebSocketServer.Builder transport;

        TransportOnly(WebSocketServer.Builder transport) {
            this.transport = transport;
        }

        @Override
        public ConfigTarget transport(Consumer<WebSocketServer.Builder> edit) {
            edit.accept(transport);
            return this;
        }

        @Override
        public ConfigTarget game(Consumer<GameConfig.Builder> edit) {
            throw new IllegalArgumentException("the echo server has no game: remove the ringside.game.* settings");
        }

        @Override
        public ConfigTarget endpoint(Consumer<EndpointConfig.Builder> edit) {
            throw new IllegalArgumentException("the echo server has no game endpoint:"
                    + " remove the ringside.endpoint.* settings");
        }
    }
}
