package io.ringside.engine.client;

import java.nio.ByteBuffer;

/**
 * Receives what happens on a {@link ClientConnection}. Every method is called on the connection's
 * I/O thread, one call at a time: keep them short and never block in them (hand work to another
 * thread instead). Each payload is a view {@code [offset, offset + length)} of {@code buffer}, valid
 * only during the call: read it with the absolute accessors and copy what you keep.
 *
 * <p>All methods default to doing nothing. An exception thrown by one is passed to
 * {@link #onError} and the connection carries on.
 */
public interface ClientListener {
    /** The handshake is verified and the connection is open; called before the connect future completes. */
    default void onOpen(ClientConnection connection) {
    }

    /** A complete text message; its bytes are valid UTF-8 (RFC 6455 §5.6). */
    default void onText(ClientConnection connection, ByteBuffer buffer, int offset, int length) {
    }

    /** A complete binary message. */
    default void onBinary(ClientConnection connection, ByteBuffer buffer, int offset, int length) {
    }

    /** A pong (RFC 6455 §5.5.3), e.g. the answer to {@link ClientConnection#ping}. */
    default void onPong(ClientConnection connection, ByteBuffer buffer, int offset, int length) {
    }

    /**
     * The connection is closed, called once after {@link #onOpen}. {@code code} is the close code
     * received from the server (RFC 6455 §7.1.5), the one we sent when we failed the connection, or
     * 1006 when it ended without a close frame; {@code remote} says whether the server began it.
     */
    default void onClose(ClientConnection connection, int code, String reason, boolean remote) {
    }

    /** An error on an open connection: an I/O failure, a protocol violation by the server, or a listener exception. */
    default void onError(ClientConnection connection, Throwable error) {
    }
}
