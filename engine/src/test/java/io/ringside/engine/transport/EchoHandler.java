package io.ringside.engine.transport;

import java.nio.ByteBuffer;

/** Echoes text as text and binary as binary. */
class EchoHandler implements WebSocketHandler {
    @Override
    public void onText(Connection connection, ByteBuffer buffer, int offset, int length) {
        connection.sendText(buffer, offset, length);
    }

    @Override
    public void onBinary(Connection connection, ByteBuffer buffer, int offset, int length) {
        connection.sendBinary(buffer, offset, length);
    }
}
