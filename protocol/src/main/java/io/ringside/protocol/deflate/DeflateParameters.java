package io.ringside.protocol.deflate;

/**
 * The permessage-deflate parameters both ends agreed on for one connection (RFC 7692 §7.1).
 *
 * @param serverNoContextTakeover whether the server resets its context after each message
 * @param clientNoContextTakeover whether the client resets its context after each message
 * @param serverMaxWindowBits     the server's window as answered, or 0 when the answer has none (15)
 * @param clientMaxWindowBits     the client's window as answered, or 0 when the answer has none (15)
 */
public record DeflateParameters(boolean serverNoContextTakeover, boolean clientNoContextTakeover,
                                int serverMaxWindowBits, int clientMaxWindowBits) {
    /** The extension token. */
    public static final String NAME = "permessage-deflate";
    static final String SERVER_NO_CONTEXT_TAKEOVER = "server_no_context_takeover";
    static final String CLIENT_NO_CONTEXT_TAKEOVER = "client_no_context_takeover";
    static final String SERVER_MAX_WINDOW_BITS = "server_max_window_bits";
    static final String CLIENT_MAX_WINDOW_BITS = "client_max_window_bits";

    /** The {@code Sec-WebSocket-Extensions} value that states these parameters (a server's answer). */
    public String headerValue() {
        StringBuilder sb = new StringBuilder(NAME);
        if (serverNoContextTakeover) {
            sb.append("; ").append(SERVER_NO_CONTEXT_TAKEOVER);
        }
        if (clientNoContextTakeover) {
            sb.append("; ").append(CLIENT_NO_CONTEXT_TAKEOVER);
        }
        if (serverMaxWindowBits != 0) {
            sb.append("; ").append(SERVER_MAX_WINDOW_BITS).append('=').append(serverMaxWindowBits);
        }
        if (clientMaxWindowBits != 0) {
            sb.append("; ").append(CLIENT_MAX_WINDOW_BITS).append('=').append(clientMaxWindowBits);
        }
        return sb.toString();
    }
}
