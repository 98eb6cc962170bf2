package io.ringside.engine.transport;

import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.EventTranslatorThreeArg;
import com.lmax.disruptor.EventTranslatorTwoArg;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A request handed to an I/O loop from another thread: register a socket, or act on a connection.
 * A reusable slot of the loop's {@link CommandRing}, filled by a static translator on the sending
 * thread and cleared by the loop after use, so that sending allocates nothing.
 */
final class LoopCommand {
    static final int REGISTER = 1;
    static final int SEND = 3;
    static final int CLOSE = 4;
    static final int PAUSE = 5;
    static final int RESUME = 6;
    static final int OVERFLOW = 7;
    static final int SEND_LATEST = 8;
    static final int REGISTER_TLS = 9;

    static final EventTranslatorThreeArg<LoopCommand, ConnectionHandle, ByteBuffer, SharedFrame> SEND_FRAME =
            (command, sequence, connection, frame, shared) -> command.send(SEND, connection, frame, shared);
    static final EventTranslatorThreeArg<LoopCommand, ConnectionHandle, ByteBuffer, SharedFrame> SEND_LATEST_FRAME =
            (command, sequence, connection, frame, shared) -> command.send(SEND_LATEST, connection, frame, shared);
    static final EventTranslatorTwoArg<LoopCommand, ConnectionHandle, Integer> CONTROL =
            (command, sequence, connection, kind) -> command.set(kind, connection, null);
    static final EventTranslatorThreeArg<LoopCommand, ConnectionHandle, Integer, String> CLOSE_CONNECTION =
            (command, sequence, connection, code, reason) -> {
                command.set(CLOSE, connection, null);
                command.code = code;
                command.reason = reason;
            };
    static final EventTranslatorOneArg<LoopCommand, SocketChannel> REGISTER_CHANNEL =
            (command, sequence, channel) -> command.set(REGISTER, null, channel);
    static final EventTranslatorOneArg<LoopCommand, SocketChannel> REGISTER_TLS_CHANNEL =
            (command, sequence, channel) -> command.set(REGISTER_TLS, null, channel);

    int kind;
    ConnectionHandle connection;
    SocketChannel channel;
    /**
     * A frame of the connection's own (SEND with no shared frame); a SEND_LATEST with neither takes
     * the connection's pending latest-only frame.
     */
    ByteBuffer frame;
    /** A shared frame, one of whose references this command holds. */
    SharedFrame shared;
    int code;
    String reason;

    private void set(int kind, ConnectionHandle connection, SocketChannel channel) {
        this.kind = kind;
        this.connection = connection;
        this.channel = channel;
    }

    private void send(int kind, ConnectionHandle connection, ByteBuffer frame, SharedFrame shared) {
        set(kind, connection, null);
        this.frame = frame;
        this.shared = shared;
    }

    /** Drops every reference, so the slot keeps nothing alive once executed. */
    void clear() {
        connection = null;
        channel = null;
        frame = null;
        shared = null;
        reason = null;
    }
}
