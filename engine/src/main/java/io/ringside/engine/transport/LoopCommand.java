package io.ringside.engine.transport;

import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** A request handed to an I/O loop from another thread: register a socket, or act on a connection. */
final class LoopCommand {
    static final int REGISTER = 1;
    static final int REJECT = 2;
    static final int SEND = 3;
    static final int CLOSE = 4;
    static final int PAUSE = 5;
    static final int RESUME = 6;
    static final int OVERFLOW = 7;

    final int kind;
    final ConnectionHandle connection;
    final SocketChannel channel;
    final ByteBuffer frame;
    final int code;
    final String reason;

    private LoopCommand(int kind, ConnectionHandle connection, SocketChannel channel, ByteBuffer frame,
                        int code, String reason) {
        this.kind = kind;
        this.connection = connection;
        this.channel = channel;
        this.frame = frame;
        this.code = code;
        this.reason = reason;
    }

    static LoopCommand register(SocketChannel channel, boolean reject) {
        return new LoopCommand(reject ? REJECT : REGISTER, null, channel, null, 0, null);
    }

    static LoopCommand send(ConnectionHandle connection, ByteBuffer frame) {
        return new LoopCommand(SEND, connection, null, frame, 0, null);
    }

    static LoopCommand close(ConnectionHandle connection, int code, String reason) {
        return new LoopCommand(CLOSE, connection, null, null, code, reason);
    }

    static LoopCommand control(int kind, ConnectionHandle connection) {
        return new LoopCommand(kind, connection, null, null, 0, null);
    }
}
