package io.ringside.engine.transport;

import io.ringside.protocol.websocket.CloseCode;
import io.ringside.protocol.websocket.FrameEncoder;
import io.ringside.protocol.websocket.Opcode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

/**
 * The any-thread half of a connection: the public {@link Connection} methods, which act at once on
 * the owning loop's thread and otherwise hand a {@link LoopCommand} to that loop. Frames are encoded
 * on the calling thread, so the loop only queues and writes them.
 */
abstract class ConnectionHandle implements Connection {
    private static final int MAX_CONTROL_PAYLOAD = 125;
    private static final int MAX_CLOSE_REASON_BYTES = 123;
    static final String OVERFLOW_REASON = "outbound backlog over limit";
    private static final AtomicLongFieldUpdater<ConnectionHandle> PENDING_BYTES =
            AtomicLongFieldUpdater.newUpdater(ConnectionHandle.class, "pendingBytes");

    final IoLoop loop;
    final SocketChannel channel;
    volatile boolean open;
    Endpoint endpoint;
    String subprotocol;
    private final long id;
    private volatile Object attachment;
    private volatile int requestedCloseCode;
    private volatile String requestedCloseReason;
    private volatile long pendingBytes;

    ConnectionHandle(long id, IoLoop loop, SocketChannel channel) {
        this.id = id;
        this.loop = loop;
        this.channel = channel;
    }

    /** Queues an encoded frame if the connection is open. Loop thread. */
    abstract void sendOnLoop(ByteBuffer frame);

    /** Closes with 1008 after dropping unsent frames: the peer does not read fast enough. Loop thread. */
    abstract void overflow();

    /** Starts the closing handshake if the connection is open. Loop thread. */
    abstract void startClose(int code, String reason);

    /** Sets or clears read interest. Loop thread. */
    abstract void setReading(boolean reading);

    /** Whether the connection is open as the loop sees it. Loop thread. */
    abstract boolean openOnLoop();

    /** A close requested while the loop's queue was full, now due. Loop thread. */
    final void closeIfRequested() {
        int requested = requestedCloseCode;
        if (requested != 0) {
            requestedCloseCode = 0;
            startClose(requested, requestedCloseReason);
        }
    }

    static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to do for this socket
        }
    }

    static ByteBuffer view(ByteBuffer buffer, int offset, int length) {
        return buffer.duplicate().limit(offset + length).position(offset);
    }

    /** {@code reason} cut to what a close frame can carry (123 UTF-8 bytes); empty if it cannot be cut cleanly. */
    static String closeReason(String reason) {
        if (reason == null) {
            return "";
        }
        String cut = reason.length() > MAX_CLOSE_REASON_BYTES ? reason.substring(0, MAX_CLOSE_REASON_BYTES) : reason;
        return cut.getBytes(StandardCharsets.UTF_8).length <= MAX_CLOSE_REASON_BYTES ? cut : "";
    }


    @Override
    public long id() {
        return id;
    }

    @Override
    public String path() {
        return endpoint == null ? null : endpoint.path;
    }

    @Override
    public String subprotocol() {
        return subprotocol;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        try {
            return (InetSocketAddress) channel.getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean sendText(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return sendText(ByteBuffer.wrap(utf8), 0, utf8.length);
    }

    @Override
    public boolean sendText(ByteBuffer utf8, int offset, int length) {
        return open && submitFrame(FrameEncoder.serverFrame(true, Opcode.TEXT, view(utf8, offset, length)));
    }

    @Override
    public boolean sendBinary(ByteBuffer payload, int offset, int length) {
        return open && submitFrame(FrameEncoder.serverFrame(true, Opcode.BINARY, view(payload, offset, length)));
    }

    @Override
    public boolean sendFrame(ByteBuffer frame) {
        return open && submitFrame(frame.duplicate());
    }

    @Override
    public boolean ping(ByteBuffer payload, int offset, int length) {
        if (length > MAX_CONTROL_PAYLOAD) {
            throw new IllegalArgumentException("ping length=" + length + " (maximum 125)");
        }
        return open && submitFrame(FrameEncoder.serverFrame(true, Opcode.PING, view(payload, offset, length)));
    }

    private boolean submitFrame(ByteBuffer frame) {
        if (loop.inLoop()) {
            sendOnLoop(frame);
            return openOnLoop();
        }
        // bytes in the command queue count against the backlog too, so memory stays bounded
        int bytes = frame.remaining();
        if (PENDING_BYTES.addAndGet(this, bytes) > loop.config.maxOutboundBacklogBytes) {
            PENDING_BYTES.addAndGet(this, -bytes);
            if (!loop.submit(LoopCommand.control(LoopCommand.OVERFLOW, this))) {
                requestClose(CloseCode.POLICY_VIOLATION, OVERFLOW_REASON);
            }
            return false;
        }
        if (!loop.submit(LoopCommand.send(this, frame))) {
            PENDING_BYTES.addAndGet(this, -bytes);
            return false;
        }
        return true;
    }

    /** Takes a frame handed over by {@link #submitFrame} off the pending count and queues it. Loop thread. */
    final void sendFromCommand(ByteBuffer frame) {
        PENDING_BYTES.addAndGet(this, -frame.remaining());
        sendOnLoop(frame);
    }

    private void requestClose(int code, String reason) {
        requestedCloseReason = reason;
        requestedCloseCode = code;
    }

    @Override
    public void close(int code, String reason) {
        if (!CloseCode.isValidOnWire(code)) {
            throw new IllegalArgumentException("code=" + code + " (not valid on the wire)");
        }
        reason = closeReason(reason);
        if (loop.inLoop()) {
            startClose(code, reason);
        } else if (!loop.submit(LoopCommand.close(this, code, reason))) {
            requestClose(code, reason);
        }
    }

    @Override
    public void pauseReading() {
        control(LoopCommand.PAUSE);
    }

    @Override
    public void resumeReading() {
        control(LoopCommand.RESUME);
    }

    private void control(int kind) {
        if (loop.inLoop()) {
            setReading(kind == LoopCommand.RESUME);
        } else {
            loop.submit(LoopCommand.control(kind, this));
        }
    }

    @Override
    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    @Override
    public Object attachment() {
        return attachment;
    }

    @Override
    public String toString() {
        return "Connection[" + id + "]";
    }
}
