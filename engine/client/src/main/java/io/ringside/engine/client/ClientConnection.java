package io.ringside.engine.client;

import io.ringside.protocol.websocket.CloseCode;
import io.ringside.protocol.websocket.Opcode;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * An open client WebSocket connection, owned by one I/O thread of a {@link WebSocketClient}.
 *
 * <p>Every method may be called from any thread. Sends encode a masked frame (RFC 6455 §5.3) on the
 * calling thread and hand it to the owning I/O thread through a queue bounded by
 * {@link ConnectConfig#maxOutboundBytes()}; a burst of sends costs at most one wakeup. A send
 * returns {@code false}, without queuing anything, when the connection is not open, closing, or
 * its backlog is full: the caller decides whether to retry, drop or close.
 */
public final class ClientConnection {
    private static final int MAX_CONTROL_PAYLOAD_BYTES = 125;

    private final URI uri;
    private final OutboundQueue outbound;
    private final ClientSession session;
    private volatile ConnectionState state = ConnectionState.CONNECTING;
    private volatile String subprotocol = "";
    private volatile String extensions;
    /** Messages at least this long are compressed; -1 when permessage-deflate was not agreed. */
    private volatile int deflateMinMessageBytes = -1;

    ClientConnection(URI uri, OutboundQueue outbound, ClientSession session) {
        this.uri = uri;
        this.outbound = outbound;
        this.session = session;
    }

    /** Sends {@code text} as one text message, UTF-8 encoded (RFC 6455 §5.6); {@code false} if not queued. */
    public boolean sendText(String text) {
        return send(Opcode.TEXT, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends {@code payload}'s remaining bytes as one binary message (position kept); {@code false} if not queued. */
    public boolean sendBinary(ByteBuffer payload) {
        return send(Opcode.BINARY, payload);
    }

    /**
     * Sends a ping with {@code payload}'s remaining bytes (at most 125, RFC 6455 §5.5.2); the server's
     * pong reaches {@link ClientListener#onPong}. Pings bypass the backlog bound.
     *
     * @return {@code false} if the connection is not open
     */
    public boolean ping(ByteBuffer payload) {
        if (payload.remaining() > MAX_CONTROL_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("ping payload=" + payload.remaining() + " bytes (maximum 125)");
        }
        return state == ConnectionState.OPEN && hand(outbound.offerControl(ClientFrames.frame(Opcode.PING, payload)));
    }

    /**
     * Starts the close handshake (RFC 6455 §7.1.2): queues a close frame with {@code code} and
     * {@code reason} (cut to 123 UTF-8 bytes) after the messages already queued, then waits up to
     * {@link ConnectConfig#closeTimeoutMs()} for the server's close and TCP close. Further sends
     * are refused. Does nothing if closing already began.
     *
     * @throws IllegalArgumentException if {@code code} may not be sent (RFC 6455 §7.4)
     */
    public void close(int code, String reason) {
        if (!CloseCode.isValidOnWire(code)) {
            throw new IllegalArgumentException("close code=" + code + " (not valid on the wire)");
        }
        if (state == ConnectionState.OPEN) {
            hand(outbound.offerClose(ClientFrames.close(code, reason)));
        }
    }

    /** Closes with 1000 (normal closure) and no reason; see {@link #close(int, String)}. */
    public void close() {
        close(CloseCode.NORMAL_CLOSURE, "");
    }

    /** The current state; it only moves forward. */
    public ConnectionState state() {
        return state;
    }

    /** The subprotocol the server selected, or {@code ""} when none (RFC 6455 §4.1). */
    public String subprotocol() {
        return subprotocol;
    }

    /** The URI this connection was opened to. */
    public URI uri() {
        return uri;
    }

    /** Bytes of frames queued but not yet handed to the socket. */
    public long outboundBytes() {
        return outbound.queuedBytes();
    }

    @Override
    public String toString() {
        return "ClientConnection[" + uri + ", " + state + "]";
    }

    void opened(String selected, String extensions, int deflateMinMessageBytes) {
        this.subprotocol = selected;
        this.extensions = extensions;
        this.deflateMinMessageBytes = deflateMinMessageBytes;
        this.state = ConnectionState.OPEN;
    }

    /**
     * The extensions the server agreed to, as its {@code Sec-WebSocket-Extensions} answer (e.g.
     * {@code "permessage-deflate; server_no_context_takeover"}), or {@code null}; set once open.
     */
    public String extensions() {
        return extensions;
    }

    void state(ConnectionState next) {
        this.state = next;
    }

    private boolean send(int opcode, ByteBuffer payload) {
        if (state != ConnectionState.OPEN) {
            return false;
        }
        int min = deflateMinMessageBytes;
        ByteBuffer frame = min >= 0 && payload.remaining() >= min ? ClientFrames.compressed(opcode, payload)
                : ClientFrames.frame(opcode, payload);
        return hand(outbound.offerData(frame));
    }

    private boolean hand(int offered) {
        if (offered == OutboundQueue.QUEUED_SCHEDULE) {
            session.scheduleFlush();
        }
        return offered != OutboundQueue.REJECTED;
    }
}
