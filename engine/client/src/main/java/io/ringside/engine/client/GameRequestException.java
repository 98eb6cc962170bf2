package io.ringside.engine.client;

import io.ringside.protocol.envelope.ErrorCode;

/**
 * A request of a {@link GameClient} (join, leave) failed: the server answered with an Error
 * envelope ({@link #code()} says why), or the connection closed before the answer
 * ({@link #closeCode()} is then its close code, RFC 6455 §7.4).
 */
public final class GameRequestException extends Exception {
    private static final long serialVersionUID = 1L;

    /** {@link #closeCode()} when the server answered. */
    public static final int NOT_CLOSED = 0;

    private final transient ErrorCode code;
    private final int closeCode;

    GameRequestException(ErrorCode code, String message, int closeCode) {
        super(message);
        this.code = code;
        this.closeCode = closeCode;
    }

    static GameRequestException refused(ErrorCode code, String message) {
        return new GameRequestException(code, code + ": " + message, NOT_CLOSED);
    }

    static GameRequestException disconnected(int closeCode, String reason) {
        return new GameRequestException(ErrorCode.ERROR_CODE_UNSPECIFIED,
                "disconnected before the answer, close code " + closeCode + " " + reason, closeCode);
    }

    /** The server's error code; {@code ERROR_CODE_UNSPECIFIED} when the connection closed instead. */
    public ErrorCode code() {
        return code;
    }

    /** The close code when the connection closed before the answer, else {@link #NOT_CLOSED}. */
    public int closeCode() {
        return closeCode;
    }
}
