package io.ringside.protocol.websocket;

/**
 * A peer broke RFC 6455 or a configured limit; carries the close code to send back (§7.4.1).
 *
 * <p>Thrown on the I/O thread that decodes the offending bytes. It has no stack trace: a hostile
 * peer can make us throw it at will, and the reason plus the code say everything.
 */
public final class WebSocketProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int closeCode;

    /** A violation that closes the connection with {@code closeCode} (a {@link CloseCode} constant). */
    public WebSocketProtocolException(int closeCode, String reason) {
        super(reason, null, false, false);
        this.closeCode = closeCode;
    }

    /** The close code the connection must be closed with. */
    public int closeCode() {
        return closeCode;
    }
}
