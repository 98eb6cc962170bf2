package io.ringside.engine.transport;

import java.nio.ByteBuffer;

/**
 * Echoes every message back as it came: text as text, binary as binary, straight from the
 * decoder's view without a copy of its own. The endpoint that conformance suites (Autobahn's fuzzing
 * client), latency benchmarks and load generators talk to:
 *
 * <pre>{@code
 * WebSocketServer.builder().port(9001).endpoint("/", new EchoHandler()).build().start();
 * }</pre>
 *
 * <p>Runs on the connection's I/O thread. Extend it to watch connections while echoing (override
 * {@code onOpen} or {@code onClose}).
 */
public class EchoHandler implements WebSocketHandler {
    /** An echo handler; it keeps no state. */
    public EchoHandler() {
    }

    @Override
    public void onText(Connection connection, ByteBuffer buffer, int offset, int length) {
        connection.sendText(buffer, offset, length);
    }

    @Override
    public void onBinary(Connection connection, ByteBuffer buffer, int offset, int length) {
        connection.sendBinary(buffer, offset, length);
    }
}
