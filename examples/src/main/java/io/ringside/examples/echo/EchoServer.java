package io.ringside.examples.echo;

import io.ringside.engine.transport.EchoHandler;
import io.ringside.engine.transport.EndpointConfig;
import io.ringside.engine.transport.WebSocketHandler;
import io.ringside.engine.transport.WebSocketServer;
import io.ringside.examples.launch.Launcher;
import io.ringside.protocol.deflate.DeflatePolicy;

/**
 * A WebSocket echo server for conformance runs (e.g. the Autobahn TestSuite's fuzzing client):
 * echoes text as text and binary as binary on path {@code /}, with limits large enough for its
 * biggest cases (16 MiB messages).
 *
 * <pre>
 * ./mvnw -q -pl examples -am package -DskipTests exec:java -Dexec.mainClass=io.ringside.examples.echo.EchoServer \
 *     -Dexec.args="--port 9001"
 * ./mvnw -q -pl examples -am package -DskipTests exec:java -Dexec.mainClass=io.ringside.examples.echo.EchoServer \
 *     -Dexec.args="--port 9001 --deflate"
 * </pre>
 *
 * <p>With {@code --deflate} it accepts permessage-deflate (RFC 7692) under {@link #DEFLATE}: context
 * takeover both ways when the client does not decline it, every message compressed.
 */
public final class EchoServer {
    /** Default port: the one the Autobahn fuzzing client is usually pointed at. */
    public static final int DEFAULT_PORT = 9001;
    /** Largest message and frame echoed: 16 MiB. */
    public static final int MAX_MESSAGE_BYTES = 16 << 20;

    /**
     * The compression policy of {@code --deflate}: the most a conformance client can ask for (both
     * contexts kept, so about 302 KiB of native memory per connection), compressing every message.
     */
    public static final DeflatePolicy DEFLATE = DeflatePolicy.builder().minMessageBytes(0)
            .serverContextTakeover(true).clientContextTakeover(true)
            .maxContextBytesPerConnection(DeflatePolicy.SERVER_CONTEXT_BYTES + DeflatePolicy.CLIENT_CONTEXT_BYTES)
            .build();

    private EchoServer() {
    }

    /** The echoing handler: each message goes straight back from the decoder's view, framed once. */
    public static WebSocketHandler handler() {
        return new EchoHandler();
    }

    /** A builder for an echo server on {@code port} (0 for any free port), not yet built. */
    public static WebSocketServer.Builder builder(int port) {
        return builder(port, null);
    }

    /** {@link #builder(int)} that accepts permessage-deflate under {@code deflate} ({@code null}: declines it). */
    public static WebSocketServer.Builder builder(int port, DeflatePolicy deflate) {
        return WebSocketServer.builder()
                .port(port)
                .endpoint(EndpointConfig.builder().path("/").deflate(deflate).build(), handler())
                .decoder(d -> d.maxFramePayloadBytes(MAX_MESSAGE_BYTES).maxMessageBytes(MAX_MESSAGE_BYTES))
                .maxOutboundBacklogBytes(4L * MAX_MESSAGE_BYTES);
    }

    /** Runs until the process is stopped; {@code --help} lists the options ({@code --port}, default 9001). */
    public static void main(String[] args) {
        Launcher.main(new EchoCommand(), args);
    }
}
