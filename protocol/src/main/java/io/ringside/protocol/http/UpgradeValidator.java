package io.ringside.protocol.http;

/**
 * The server's checks of a client's opening handshake (RFC 6455 §4.2.1), in the order of that
 * section, over the flags and offsets the parser recorded; allocates only to refuse.
 */
final class UpgradeValidator {
    private static final String WEBSOCKET_VERSION = "13";

    private UpgradeValidator() {
    }

    /** Passes or throws the refusal; on success marks {@code head} validated. */
    static void validate(RequestHead head) {
        byte[] bytes = head.bytes;
        if (!Ascii.equalsExactly(bytes, head.methodStart, head.methodEnd, "GET")) {
            throw badRequest("method must be GET for a WebSocket upgrade");
        }
        if (head.versionMinor < 1) {
            throw badRequest("a WebSocket upgrade needs HTTP/1.1 or later");
        }
        if (!head.resourceTarget) {
            throw badRequest("request target must be a path or an absolute http(s) URI");
        }
        if (head.hostCount != 1) {
            throw badRequest(head.hostCount == 0 ? "missing Host header" : "repeated Host header");
        }
        if (!head.upgradeWebSocket) {
            throw badRequest(head.indexOfKind(HeaderNames.UPGRADE, 0) < 0
                    ? "missing Upgrade header" : "Upgrade header does not contain the websocket token");
        }
        if (!head.connectionUpgrade) {
            throw badRequest("Connection header does not contain the Upgrade token");
        }
        if (head.hasBody) {
            throw badRequest("a WebSocket upgrade request must not have a body");
        }
        checkKey(head);
        checkVersion(head);
        checkSubprotocols(head);
        head.validated = true;
    }

    private static void checkKey(RequestHead head) {
        if (head.keyCount != 1) {
            throw badRequest(head.keyCount == 0 ? "missing Sec-WebSocket-Key" : "repeated Sec-WebSocket-Key");
        }
        int index = head.keyIndex;
        if (!Base64Ascii.isKeyOf16Bytes(head.bytes, head.valueStart[index], head.valueEnd[index])) {
            throw badRequest("Sec-WebSocket-Key must be the base64 encoding of exactly 16 bytes");
        }
    }

    private static void checkVersion(RequestHead head) {
        int index = head.versionIndex;
        if (head.versionCount == 0) {
            throw upgradeRequired("missing Sec-WebSocket-Version; this server speaks 13");
        }
        if (head.versionCount > 1
                || !Ascii.equalsExactly(head.bytes, head.valueStart[index], head.valueEnd[index], WEBSOCKET_VERSION)) {
            throw upgradeRequired("unsupported Sec-WebSocket-Version; this server speaks 13");
        }
    }

    private static void checkSubprotocols(RequestHead head) {
        for (int i = 0; i < head.headerCount; i++) {
            if (head.kinds[i] == HeaderNames.PROTOCOL
                    && !FieldList.allTokens(head.bytes, head.valueStart[i], head.valueEnd[i])) {
                throw badRequest("Sec-WebSocket-Protocol must be a comma-separated list of tokens");
            }
        }
    }

    private static HandshakeException badRequest(String reason) {
        return new HandshakeException(HttpStatus.BAD_REQUEST, reason);
    }

    private static HandshakeException upgradeRequired(String reason) {
        return new HandshakeException(HttpStatus.UPGRADE_REQUIRED, reason);
    }
}
