package io.ringside.engine.client;

import io.ringside.protocol.websocket.CloseCode;
import io.ringside.protocol.websocket.MessageHandler;
import io.ringside.protocol.websocket.Opcode;
import io.ringside.protocol.websocket.WebSocketProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Receives what one connection's decoder decoded: delivers messages to its {@link ClientListener},
 * answers pings and close frames through the outbound queue, and keeps what
 * {@link ClientListener#onClose} will report (RFC 6455 §5.5, §7.1.5-§7.1.7). Listener exceptions
 * are passed to {@link ClientListener#onError}; one thrown there is dropped.
 *
 * <p>I/O thread only.
 */
final class ClientInbound implements MessageHandler {
    private final ClientConnection connection;
    private final ClientListener listener;
    private final OutboundQueue outbound;
    private int closeCode = CloseCode.ABNORMAL_CLOSURE;
    private String closeReason = "";
    private boolean closeRemote;
    private boolean closeReceived;
    private boolean inputDone;
    private boolean closeWhenSent;
    private boolean open;
    private boolean controlQueued;

    ClientInbound(ClientConnection connection, ClientListener listener, OutboundQueue outbound) {
        this.connection = connection;
        this.listener = listener;
        this.outbound = outbound;
    }

    void opened() {
        open = true;
        try {
            listener.onOpen(connection);
        } catch (RuntimeException e) {
            error(e);
        }
    }

    @Override
    public void onText(ByteBuffer buffer, int offset, int length) {
        try {
            listener.onText(connection, buffer, offset, length);
        } catch (RuntimeException e) {
            error(e);
        }
    }

    @Override
    public void onBinary(ByteBuffer buffer, int offset, int length) {
        try {
            listener.onBinary(connection, buffer, offset, length);
        } catch (RuntimeException e) {
            error(e);
        }
    }

    @Override
    public void onPong(ByteBuffer buffer, int offset, int length) {
        try {
            listener.onPong(connection, buffer, offset, length);
        } catch (RuntimeException e) {
            error(e);
        }
    }

    @Override
    public void onPing(ByteBuffer buffer, int offset, int length) {
        // RFC 6455 §5.5.2: answer with a pong carrying the same application data
        ByteBuffer payload = buffer.duplicate();
        payload.limit(offset + length).position(offset);
        outbound.offerControl(ClientFrames.frame(Opcode.PONG, payload));
        controlQueued = true;
    }

    @Override
    public void onClose(int code, ByteBuffer buffer, int reasonOffset, int reasonLength) {
        byte[] bytes = new byte[reasonLength];
        buffer.get(reasonOffset, bytes);
        String reason = new String(bytes, StandardCharsets.UTF_8);
        // RFC 6455 §5.5.1: echo the close unless ours is already on its way; then the server began it
        boolean remote = outbound.offerClose(ClientFrames.close(code, reason)) != OutboundQueue.REJECTED;
        closeReceived = true;
        record(code, reason, remote);
        controlQueued = true;
    }

    /** Whether a pong or close was queued since the last call: the caller then flushes. */
    boolean takeControlQueued() {
        boolean queued = controlQueued;
        controlQueued = false;
        return queued;
    }

    /** The server broke the protocol: stop decoding, send the decoder's code, then drop TCP. */
    void protocolViolation(WebSocketProtocolException e) {
        inputDone = true;
        closeWhenSent = true;
        error(e);
        if (!closeReceived) {
            record(e.closeCode(), String.valueOf(e.getMessage()), false);
        }
    }

    void closeTimedOut() {
        if (!closeReceived && !closeWhenSent) {
            record(CloseCode.ABNORMAL_CLOSURE, "close handshake timed out", false);
        }
    }

    void eof() {
        if (!closeReceived && !closeWhenSent) {
            record(CloseCode.ABNORMAL_CLOSURE, "connection closed without a close frame", true);
        }
    }

    void failed(Throwable cause) {
        error(cause);
        if (!closeReceived && !closeWhenSent) {
            record(CloseCode.ABNORMAL_CLOSURE, String.valueOf(cause), false);
        }
    }

    /** The TCP connection is closed: reports onClose once, if the connection was ever open. */
    void closed() {
        if (!open) {
            return;
        }
        open = false;
        try {
            listener.onClose(connection, closeCode, closeReason, closeRemote);
        } catch (RuntimeException e) {
            error(e);
        }
    }

    /** Whether input is ignored from now on (the decoder failed and is terminal). */
    boolean inputDone() {
        return inputDone;
    }

    /** Whether TCP closes as soon as the close frame is written (failing, not closing cleanly). */
    boolean closeWhenSent() {
        return closeWhenSent;
    }

    private void record(int code, String reason, boolean remote) {
        closeCode = code;
        closeReason = reason;
        closeRemote = remote;
    }

    private void error(Throwable e) {
        try {
            listener.onError(connection, e);
        } catch (RuntimeException ignored) {
            // the listener's own error handler failed; nothing sensible is left to report to
        }
    }
}
