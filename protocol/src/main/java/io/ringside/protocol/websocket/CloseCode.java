package io.ringside.protocol.websocket;

/**
 * Close status codes (RFC 6455 §7.4) and the rule for which may appear on the wire.
 */
public final class CloseCode {
    /** 1000: the purpose of the connection has been fulfilled. */
    public static final int NORMAL_CLOSURE = 1000;
    /** 1001: the endpoint is going away (server shutdown, page navigated away). */
    public static final int GOING_AWAY = 1001;
    /** 1002: a protocol error. */
    public static final int PROTOCOL_ERROR = 1002;
    /** 1003: a data type the endpoint cannot accept (e.g. text to a binary-only endpoint). */
    public static final int UNSUPPORTED_DATA = 1003;
    /** 1005: reserved; stands for "no status code was present" and is never sent. */
    public static final int NO_STATUS_RECEIVED = 1005;
    /** 1006: reserved; stands for "closed without a close frame" and is never sent. */
    public static final int ABNORMAL_CLOSURE = 1006;
    /** 1007: payload inconsistent with the message type (e.g. invalid UTF-8 in text). */
    public static final int INVALID_PAYLOAD = 1007;
    /** 1008: a message violates the endpoint's policy. */
    public static final int POLICY_VIOLATION = 1008;
    /** 1009: a frame or message is too big to process. */
    public static final int MESSAGE_TOO_BIG = 1009;
    /** 1010: the client expected an extension the server did not negotiate. */
    public static final int MANDATORY_EXTENSION = 1010;
    /** 1011: the server met an unexpected condition. */
    public static final int INTERNAL_ERROR = 1011;
    /** 1012: the service is restarting. */
    public static final int SERVICE_RESTART = 1012;
    /** 1013: try again later (temporary overload). */
    public static final int TRY_AGAIN_LATER = 1013;
    /** 1014: a gateway received an invalid response upstream. */
    public static final int BAD_GATEWAY = 1014;
    /** 1015: reserved; stands for "TLS handshake failed" and is never sent. */
    public static final int TLS_HANDSHAKE = 1015;

    private static final int FIRST_REGISTERED = 3000;
    private static final int FIRST_INVALID = 5000;

    private CloseCode() {
    }

    /**
     * Whether {@code code} may appear in a close frame on the wire (RFC 6455 §7.4.1, §7.4.2 and the
     * IANA registry): 1000-1003, 1007-1014 and 3000-4999. 0-999, 1004-1006, 1015, 1016-2999 and
     * 5000+ are invalid and a peer sending one commits a protocol error.
     */
    public static boolean isValidOnWire(int code) {
        if (code >= FIRST_REGISTERED) {
            return code < FIRST_INVALID;
        }
        return (code >= NORMAL_CLOSURE && code <= UNSUPPORTED_DATA)
                || (code >= INVALID_PAYLOAD && code <= BAD_GATEWAY);
    }
}
