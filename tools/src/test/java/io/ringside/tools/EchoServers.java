package io.ringside.tools;

import io.ringside.engine.transport.Connection;
import io.ringside.engine.transport.WebSocketHandler;
import io.ringside.engine.transport.WebSocketServer;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;

/**
 * The echo server of the examples module (text back as text, binary as binary, on {@code /}),
 * rebuilt here on the engine's {@link WebSocketServer} so that the tools module depends on the
 * engine only.
 */
public final class EchoServers {
    private EchoServers() {
    }

    /** Starts an echo server on a free loopback port with {@code ioLoops} I/O loops. */
    public static WebSocketServer start(int ioLoops) throws IOException {
        return WebSocketServer.builder()
                .port(0)
                .ioLoops(ioLoops)
                .endpoint("/", new WebSocketHandler() {
                    @Override
                    public void onText(Connection connection, ByteBuffer buffer, int offset, int length) {
                        connection.sendText(buffer, offset, length);
                    }

                    @Override
                    public void onBinary(Connection connection, ByteBuffer buffer, int offset, int length) {
                        connection.sendBinary(buffer, offset, length);
                    }
                })
                .build()
                .start();
    }

    /** The URL of {@code server}'s echo endpoint. */
    public static URI url(WebSocketServer server) {
        return URI.create("ws://127.0.0.1:" + server.port() + "/");
    }
}
