package io.ringside.engine.transport;

import io.ringside.engine.internal.MaskedWebSocketHandler;
import io.ringside.protocol.websocket.DecoderConfig;
import io.ringside.protocol.websocket.InflaterPool;
import io.ringside.protocol.websocket.MaskedMessageHandler;
import io.ringside.protocol.websocket.Masking;
import io.ringside.protocol.websocket.MessageDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Takes what its {@code MessageDecoder} found and passes it on: data messages to the endpoint's
 * {@link WebSocketHandler} (as views, no copy), pings to a pong, a close to the closing handshake. A
 * handler that throws fails only its own connection (1011). Loop thread only.
 *
 * <p>It owns its decoder. A plain one (no permessage-deflate) is {@linkplain #pooled pooled} by its
 * loop ({@link InboundPool}) and serves a connection only while that connection's stream is between
 * messages no longer than one read: {@link #connection} says which it serves now. A deflate one keeps
 * its inflater's context and stays with its connection for life.
 *
 * <p>It always takes whole single-frame binary messages masked from the decoder: to a
 * {@link MaskedWebSocketHandler} it hands them on as they are; for any other handler it unmasks
 * them in place first, which is exactly what the decoder would have done.
 */
final class InboundDispatcher implements MaskedMessageHandler {
    final MessageDecoder decoder;
    /** Whether it goes back to its loop's pool when its decoder is idle. */
    final boolean pooled;
    /** The connection it decodes for; set when taken from the pool. */
    WsConnection connection;

    /** A poolable dispatcher with a plain decoder that assembles split messages in arrays from {@code arrays}. */
    InboundDispatcher(DecoderConfig config, InflaterPool arrays) {
        this.decoder = new MessageDecoder(config, this, arrays);
        this.pooled = true;
    }

    /** A dispatcher for life of {@code connection}, which negotiated permessage-deflate. */
    InboundDispatcher(WsConnection connection, DecoderConfig config, InflaterPool inflaters,
                      boolean peerContextTakeover) {
        this.decoder = new MessageDecoder(config, this, inflaters, peerContextTakeover);
        this.pooled = false;
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
