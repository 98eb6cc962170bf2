package io.ringside.protocol.websocket;

/**
 * WebSocket frame opcodes (RFC 6455 §5.2, §11.8).
 *
 * <p>Opcodes 0x3-0x7 are reserved for further data frames and 0xB-0xF for further control frames;
 * receiving one without a negotiated extension is a protocol error.
 */
public final class Opcode {
    /** A continuation of a fragmented message. */
    public static final int CONTINUATION = 0x0;
    /** A text message (UTF-8). */
    public static final int TEXT = 0x1;
    /** A binary message. */
    public static final int BINARY = 0x2;
    /** A close control frame. */
    public static final int CLOSE = 0x8;
    /** A ping control frame. */
    public static final int PING = 0x9;
    /** A pong control frame. */
    public static final int PONG = 0xA;

    private static final int CONTROL_BIT = 0x8;

    private Opcode() {
    }

    /** Whether {@code opcode} is a control frame opcode (high bit of the nibble set, RFC 6455 §5.5). */
    public static boolean isControl(int opcode) {
        return (opcode & CONTROL_BIT) != 0;
    }

    /** Whether {@code opcode} is one RFC 6455 defines (not reserved). */
    public static boolean isDefined(int opcode) {
        return opcode <= BINARY || (opcode >= CLOSE && opcode <= PONG);
    }

    /** A short name for logs and tools, e.g. {@code "BINARY"}; reserved opcodes as {@code "RESERVED(0x3)"}. */
    public static String name(int opcode) {
        switch (opcode) {
            case CONTINUATION: return "CONTINUATION";
            case TEXT: return "TEXT";
            case BINARY: return "BINARY";
            case CLOSE: return "CLOSE";
            case PING: return "PING";
            case PONG: return "PONG";
            default: return "RESERVED(0x" + Integer.toHexString(opcode) + ")";
        }
    }
}
