package io.ringside.engine.transport;

import io.ringside.protocol.http.UpgradeRequest;
import java.nio.ByteBuffer;

/**
 * Application callbacks for the connections of one endpoint.
 *
 * <p>Every callback runs on the I/O loop that owns the connection, one at a time per connection, and
 * must not block. An exception thrown from a callback closes that connection with 1011, is reported
 * to the server's {@link ErrorHandler}, and costs no other connection.
 */
public interface WebSocketHandler {
    /**
     * The opening handshake completed (RFC 6455 §4.2.2). {@code request} is the upgrade request,
     * readable only during this call (e.g. for an auth token in the query or a cookie).
     */
    default void onOpen(Connection connection, UpgradeRequest request) {
    }

    /**
     * A complete text message: bytes {@code [offset, offset + length)} of {@code buffer}, unmasked,
     * valid UTF-8. A read-only view valid only during the call: copy what you keep, and use absolute
     * accessors without changing the buffer's position or limit.
     */
    default void onText(Connection connection, ByteBuffer buffer, int offset, int length) {
    }

    /**
     * A complete binary message, delivered as a view exactly like {@link #onText}.
     */
    default void onBinary(Connection connection, ByteBuffer buffer, int offset, int length) {
    }

    /**
     * The connection failed: {@code error} is a {@link io.ringside.protocol.websocket.WebSocketProtocolException}
     * from the peer (it carries the close code sent), an {@link java.io.IOException} from the socket,
     * or what a callback of this handler threw (the connection then closes with 1011). {@link #onClose}
     * follows. Not called for an orderly close.
     */
    default void onError(Connection connection, Throwable error) {
    }

    /**
     * The connection is gone; called once for every opened connection. {@code code} is the close
     * code received or sent ({@code 1006} when the socket closed without a close frame, §7.1.5).
     */
    default void onClose(Connection connection, int code, String reason) {
    }
}
