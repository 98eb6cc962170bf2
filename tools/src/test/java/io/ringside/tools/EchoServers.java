package io.ringside.tools;

import io.ringside.engine.transport.EchoHandler;
import io.ringside.engine.transport.WebSocketServer;
import java.io.IOException;
import java.net.URI;

/**
 * An echo server like the examples module's (the engine's {@link EchoHandler} on {@code /}), built
 * here so that the tools module depends on the engine only.
 */
public final class EchoServers {
    private EchoServers() {
    }

    /** Starts an echo server on a free loopback port with {@code ioLoops} I/O loops. */
    public static WebSocketServer start(int ioLoops) throws IOException {
        return WebSocketServer.builder()
                .port(0)
                .ioLoops(ioLoops)
                .endpoint("/", new EchoHandler())
                .build()
                .start();
    }

    /** The URL of {@code server}'s echo endpoint. */
    public static URI url(WebSocketServer server) {
        return URI.create("ws://127.0.0.1:" + server.port() + "/");
    }
}
