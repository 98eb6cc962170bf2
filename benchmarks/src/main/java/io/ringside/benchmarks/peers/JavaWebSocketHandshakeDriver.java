package io.ringside.benchmarks.peers;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.HandshakeState;
import org.java_websocket.enums.Role;
import org.java_websocket.exceptions.InvalidHandshakeException;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.HandshakeBuilder;
import org.java_websocket.handshake.HandshakeImpl1Server;

/**
 * A Java-WebSocket 1.6 server handshake as its {@code WebSocketImpl} performs it:
 * {@code translateHandshake} parses the request, {@code acceptHandshakeAsServer} checks it,
 * {@code postProcessHandshakeResponseAsServer} fills a fresh {@link HandshakeImpl1Server} (as the
 * default server listener supplies), and {@code createHandshake} encodes it. The draft is reused
 * (the real server copies one per connection), in server parse mode, with its default (empty)
 * extension and protocol, so no subprotocol is chosen, as for the other implementations.
 */
public final class JavaWebSocketHandshakeDriver {
    private final Draft_6455 draft = new Draft_6455();
    private final ByteBuffer request;
    private ByteArrayOutputStream capture;

    /** A driver answering the request head {@code requestBytes}. */
    public JavaWebSocketHandshakeDriver(byte[] requestBytes) {
        draft.setParseMode(Role.SERVER);
        this.request = ByteBuffer.wrap(requestBytes);
    }

    /** One whole handshake; returns the response bytes written. */
    public int handshake() throws InvalidHandshakeException {
        request.clear();
        ClientHandshake client = (ClientHandshake) draft.translateHandshake(request);
        if (draft.acceptHandshakeAsServer(client) != HandshakeState.MATCHED) {
            throw new IllegalStateException("Java-WebSocket refused the handshake");
        }
        HandshakeBuilder response = draft.postProcessHandshakeResponseAsServer(client, new HandshakeImpl1Server());
        List<ByteBuffer> out = draft.createHandshake(response);
        int written = 0;
        for (int i = 0, n = out.size(); i < n; i++) {
            ByteBuffer b = out.get(i);
            written += b.remaining();
            if (capture != null) {
                byte[] bytes = new byte[b.remaining()];
                b.duplicate().get(bytes);
                capture.write(bytes, 0, bytes.length);
            }
        }
        return written;
    }

    /** One handshake whose response bytes are returned (setup only). */
    public byte[] handshakeAndCapture() throws InvalidHandshakeException {
        capture = new ByteArrayOutputStream();
        try {
            handshake();
            return capture.toByteArray();
        } finally {
            capture = null;
        }
    }
}
