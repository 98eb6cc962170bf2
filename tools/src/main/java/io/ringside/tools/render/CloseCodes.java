package io.ringside.tools.render;

import io.ringside.protocol.websocket.CloseCode;

/**
 * Names of close codes (RFC 6455 §7.4.1) for the tools' output.
 */
public final class CloseCodes {
    private CloseCodes() {
    }

    /** {@code "1002 PROTOCOL_ERROR"}; {@code "4000 APPLICATION"} for a code from the private range. */
    public static String describe(int code) {
        return code + " " + name(code);
    }

    /** The symbolic name of {@code code}, e.g. {@code PROTOCOL_ERROR}. */
    public static String name(int code) {
        switch (code) {
            case CloseCode.NORMAL_CLOSURE: return "NORMAL_CLOSURE";
            case CloseCode.GOING_AWAY: return "GOING_AWAY";
            case CloseCode.PROTOCOL_ERROR: return "PROTOCOL_ERROR";
            case CloseCode.UNSUPPORTED_DATA: return "UNSUPPORTED_DATA";
            case CloseCode.NO_STATUS_RECEIVED: return "NO_STATUS_RECEIVED";
            case CloseCode.ABNORMAL_CLOSURE: return "ABNORMAL_CLOSURE";
            case CloseCode.INVALID_PAYLOAD: return "INVALID_PAYLOAD";
            case CloseCode.POLICY_VIOLATION: return "POLICY_VIOLATION";
            case CloseCode.MESSAGE_TOO_BIG: return "MESSAGE_TOO_BIG";
            case CloseCode.MANDATORY_EXTENSION: return "MANDATORY_EXTENSION";
            case CloseCode.INTERNAL_ERROR: return "INTERNAL_ERROR";
            case CloseCode.SERVICE_RESTART: return "SERVICE_RESTART";
            case CloseCode.TRY_AGAIN_LATER: return "TRY_AGAIN_LATER";
            case CloseCode.BAD_GATEWAY: return "BAD_GATEWAY";
            case CloseCode.TLS_HANDSHAKE: return "TLS_HANDSHAKE";
            default: return code >= 3000 && code < 5000 ? "APPLICATION" : "UNKNOWN";
        }
    }
}
