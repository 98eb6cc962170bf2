package io.ringside.engine.client;

import io.ringside.protocol.websocket.CloseCode;
import io.ringside.protocol.websocket.WebSocketProtocolException;
import java.nio.ByteBuffer;

/**
 * Delivers one connection's events to its {@link ClientListener} and keeps what
 * {@link ClientListener#onClose} will report (RFC 6455 §7.1.5-§7.1.7). Listener exceptions are
 * passed to {@link ClientListener#onError}; one thrown there is dropped.
 *
 * <p>I/O thread only.
 */
final class ClientInbound {
    private final ClientConnection connection;
    private final ClientListener listener;
    private int closeCode = CloseCode.ABNORMAL_CLOSURE;
    private String closeReason = "";
    private boolean closeRemote;
    private boolean closeReceived;
    private boolean inputDone;
    private boolean closeWhenSent;
    private boolean open;

    ClientInbound(ClientConnection connection, ClientListener listener) {
        this.connection = connection;
        this.listener = listener;
    }

    void opened() {
        open = true;
        try {
            listener.onOpen(connection);
        } catch (RuntimeException e) {
            error(e);
        }
    }

    void onText(ByteBuffer buffer, int offset, int length) {
        try {
            listener.onText(connection, buffer, offset, length);
        } catch (RuntimeException e) {
            error(e);
        }
    }

    void onBinary(ByteBuffer buffer, int offset, int length) {
        try {
            listener.onBinary(connection, buffer, offset, length);
        } catch (RuntimeException e) {
            error(e);
        }
    }

    void onPong(ByteBuffer buffer, int offset, int length) {
        try {
            listener.onPong(connection, buffer, offset, length);
        } catch (RuntimeException e) {
            error(e);
        }
    }

    /** The server's close frame arrived; {@code remote} when the server began the close. */
    void closeReceived(int code, String reason, boolean remote) {
        closeReceived = true;
        record(code, reason, remote);
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
