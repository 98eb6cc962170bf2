package io.ringside.engine.transport;

import io.ringside.engine.internal.MaskedWebSocketHandler;
import io.ringside.protocol.websocket.MaskedMessageHandler;
import io.ringside.protocol.websocket.Masking;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Takes what a connection's {@code MessageDecoder} found and passes it on: data messages to the
 * endpoint's {@link WebSocketHandler} (as views, no copy), pings to a pong, a close to the closing
 * handshake. A handler that throws fails only its own connection (1011). Loop thread only.
 *
 * <p>It always takes whole single-frame binary messages masked from the decoder: to a
 * {@link MaskedWebSocketHandler} it hands them on as they are; for any other handler it unmasks
 * them in place first, which is exactly what the decoder would have done.
 */
final class InboundDispatcher implements MaskedMessageHandler {
    private final WsConnection connection;

    InboundDispatcher(WsConnection connection) {
        this.connection = connection;
    }

    @Override
    public void onText(ByteBuffer buffer, int offset, int length) {
        connection.loop.counters.add(LoopCounters.MESSAGES_IN, 1);
        if (connection.openOnLoop()) {
            try {
                connection.endpoint.handler.onText(connection, buffer, offset, length);
            } catch (Throwable t) {
                connection.handlerFailed(t);
            }
        }
    }

    @Override
    public void onBinary(ByteBuffer buffer, int offset, int length) {
        connection.loop.counters.add(LoopCounters.MESSAGES_IN, 1);
        if (connection.openOnLoop()) {
            try {
                connection.endpoint.handler.onBinary(connection, buffer, offset, length);
            } catch (Throwable t) {
                connection.handlerFailed(t);
            }
        }
    }

    @Override
    public void onMaskedBinary(ByteBuffer buffer, int offset, int length, int maskKey) {
        connection.loop.counters.add(LoopCounters.MESSAGES_IN, 1);
        if (connection.openOnLoop()) {
            Endpoint endpoint = connection.endpoint;
            try {
                if (endpoint.maskedHandler != null) {
                    endpoint.maskedHandler.onMaskedBinary(connection, buffer, offset, length, maskKey);
                } else {
                    Masking.unmask(buffer, offset, length, maskKey, 0);
                    endpoint.handler.onBinary(connection, buffer, offset, length);
                }
            } catch (Throwable t) {
                connection.handlerFailed(t);
            }
        }
    }

    @Override
    public void onPing(ByteBuffer buffer, int offset, int length) {
        if (connection.openOnLoop()) {
            connection.sendPong(buffer, offset, length);
        }
    }

    @Override
    public void onPong(ByteBuffer buffer, int offset, int length) {
        // the read that carried it already counted as proof of life for the heartbeat
        connection.pongReceived(buffer, offset, length);
    }

    @Override
    public void onClose(int code, ByteBuffer buffer, int reasonOffset, int reasonLength) {
        byte[] reason = new byte[reasonLength];
        buffer.get(reasonOffset, reason);
        connection.peerClosed(code, new String(reason, StandardCharsets.UTF_8));
    }
}
