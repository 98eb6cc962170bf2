package io.ringside.benchmarks.engine;

import io.ringside.engine.transport.Connection;
import io.ringside.engine.transport.WebSocketHandler;
import java.nio.ByteBuffer;

/** Echoes text as text and binary as binary, straight from the decoder's view (as the examples' echo server). */
final class RingsideEchoHandler implements WebSocketHandler {
    @Override
    public void onText(Connection connection, ByteBuffer buffer, int offset, int length) {
        connection.sendText(buffer, offset, length);
    }

    @Override
    public void onBinary(Connection connection, ByteBuffer buffer, int offset, int length) {
        connection.sendBinary(buffer, offset, length);
    }
}
