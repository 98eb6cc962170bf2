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
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * The any-thread half of a connection: the public {@link Connection} methods, which act at once on
 * the owning loop's thread and otherwise hand a {@link LoopCommand} to that loop. Frames are encoded
 * on the calling thread, so the loop only queues and writes them; a {@link SharedFrame} travels by
 * reference, without a copy or a per-recipient object.
 */
abstract class ConnectionHandle implements Connection {
    private static final int MAX_CONTROL_PAYLOAD = 125;
    private static final int MAX_CLOSE_REASON_BYTES = 123;
    static final String OVERFLOW_REASON = "outbound backlog over limit";
    private static final AtomicLongFieldUpdater<ConnectionHandle> PENDING_BYTES =
            AtomicLongFieldUpdater.newUpdater(ConnectionHandle.class, "pendingBytes");
    private static final AtomicIntegerFieldUpdater<ConnectionHandle> REQUESTED_READING =
            AtomicIntegerFieldUpdater.newUpdater(ConnectionHandle.class, "requestedReading");
    private static final AtomicReferenceFieldUpdater<ConnectionHandle, SharedFrame> PENDING_LATEST =
            AtomicReferenceFieldUpdater.newUpdater(ConnectionHandle.class, SharedFrame.class, "pendingLatest");

    final IoLoop loop;
    final SocketChannel channel;
    volatile boolean open;
    Endpoint endpoint;
    String subprotocol;
    /** The negotiated Sec-WebSocket-Extensions answer, or {@code null}; set before {@link #open}. */
    String extensions;
    /** The send side of permessage-deflate when negotiated; set before {@link #open}, which publishes it. */
    OutboundDeflate deflate;
    private final long id;
    private volatile Object attachment;
    volatile Object identity;
    private volatile int requestedCloseCode;
    private volatile String requestedCloseReason;
    private volatile long pendingBytes;
    // the newest latest-only frame handed over and not yet taken by the loop; see submitLatest
    private volatile SharedFrame pendingLatest;
    /** The reading state last asked for from another thread: 0 none pending, else PAUSE or RESUME. */
    private volatile int requestedReading;

    ConnectionHandle(long id, IoLoop loop, SocketChannel channel) {
        this.id = id;
        this.loop = loop;
        this.channel = channel;
    }

    /**
     * Queues an encoded frame, its own {@code frame} or else {@code shared} (taking over one reference),
     * if the connection is open, latest-only (see {@link Connection#sendLatest}) if asked; a frame
     * that is not queued is released. Loop thread.
     */
    abstract void queueOnLoop(ByteBuffer frame, SharedFrame shared, boolean latestOnly);

    /** Closes with 1008 after dropping unsent frames: the peer does not read fast enough. Loop thread. */
    abstract void overflow();

    /** Starts the closing handshake if the connection is open. Loop thread. */
    abstract void startClose(int code, String reason);

    /** Sets or clears read interest. Loop thread. */
    abstract void setReading(boolean reading);

    /** Whether the connection is open as the loop sees it. Loop thread. */
    abstract boolean openOnLoop();

    /**
     * Applies the reading state last asked for from another thread, if any. The PAUSE and RESUME
     * commands and the loop's timer both call it, so a command lost to a full ring, or one
     * overtaken by a later request, still ends in the state asked for last. Loop thread.
     */
    final void applyRequestedReading() {
        int requested = requestedReading == 0 ? 0 : REQUESTED_READING.getAndSet(this, 0);
        if (requested != 0) {
            setReading(requested == LoopCommand.RESUME);
        }
    }

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
    public String extensions() {
        return extensions;
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
    public Object identity() {
        return identity;
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
        return open && submit(FrameEncoder.serverFrame(true, Opcode.TEXT, view(utf8, offset, length)), null, false);
    }

    @Override
    public boolean sendBinary(ByteBuffer payload, int offset, int length) {
        return open && submit(FrameEncoder.serverFrame(true, Opcode.BINARY, view(payload, offset, length)), null,
                false);
    }

    @Override
    public boolean sendFrame(ByteBuffer frame) {
        return open && submit(frame.duplicate(), null, false);
    }

    @Override
    public boolean sendLatest(ByteBuffer frame) {
        return open && submit(frame.duplicate(), null, true);
    }

    @Override
    public boolean sendFrame(SharedFrame frame) {
        return submit(null, frame, false);
    }

    @Override
    public boolean sendLatest(SharedFrame frame) {
        return submit(null, frame, true);
    }

    @Override
    public boolean ping(ByteBuffer payload, int offset, int length) {
        if (length > MAX_CONTROL_PAYLOAD) {
            throw new IllegalArgumentException("ping length=" + length + " (maximum 125)");
        }
        return open && submit(FrameEncoder.serverFrame(true, Opcode.PING, view(payload, offset, length)), null, false);
    }

    /** Queues {@code frame}, or {@code shared} whose reference it consumes in every outcome. */
    private boolean submit(ByteBuffer frame, SharedFrame shared, boolean latestOnly) {
        if (!open) {
            releaseIfShared(shared);
            return false;
        }
        OutboundDeflate d = deflate;
        if (d != null && !d.contextTakeover) {
            // compressed here, once per message for every recipient; with takeover, on the loop
            if (shared != null) {
                shared = d.shared(shared);
            } else {
                frame = d.unshared(frame);
            }
        }
        if (loop.inLoop()) {
            queueOnLoop(frame, shared, latestOnly);
            return openOnLoop();
        }
        if (latestOnly && shared != null) {
            return submitLatest(shared);
        }
        // bytes in the command ring count against the backlog too, so memory stays bounded
        int bytes = shared != null ? shared.length() : frame.remaining();
        if (PENDING_BYTES.addAndGet(this, bytes) > loop.config.maxOutboundBacklogBytes) {
            PENDING_BYTES.addAndGet(this, -bytes);
            releaseIfShared(shared);
            if (!loop.submitControl(LoopCommand.OVERFLOW, this)) {
                requestClose(CloseCode.POLICY_VIOLATION, OVERFLOW_REASON);
            }
            return false;
        }
        if (!loop.submitSend(this, frame, shared, latestOnly)) {
            PENDING_BYTES.addAndGet(this, -bytes);
            releaseIfShared(shared);
            return false;
        }
        return true;
    }

    /**
     * Hands a latest-only frame to the loop through one slot per connection: while the loop has not
     * taken the previous one yet (it is starved, say), the newer frame replaces it there, so a stream
     * of snapshots holds at most one frame in the hand-over however long the loop is away.
     */
    private boolean submitLatest(SharedFrame shared) {
        int bytes = shared.length();
        PENDING_BYTES.addAndGet(this, bytes);
        SharedFrame previous = PENDING_LATEST.getAndSet(this, shared);
        if (previous != null) {
            // a command to take the slot is already in the ring; it will find this frame
            PENDING_BYTES.addAndGet(this, -previous.length());
            previous.countReplaced();
            previous.release();
            return true;
        }
        boolean overLimit = pendingBytes > loop.config.maxOutboundBacklogBytes;
        if (overLimit || !loop.submitSend(this, null, null, true)) {
            SharedFrame mine = PENDING_LATEST.getAndSet(this, null);
            if (mine != null) {
                PENDING_BYTES.addAndGet(this, -mine.length());
                mine.release();
            }
            if (overLimit && !loop.submitControl(LoopCommand.OVERFLOW, this)) {
                requestClose(CloseCode.POLICY_VIOLATION, OVERFLOW_REASON);
            }
            return false;
        }
        return true;
    }

    static void releaseIfShared(SharedFrame shared) {
        if (shared != null) {
            shared.release();
        }
    }

    /** Takes a frame handed over by {@link #submit} off the pending count and queues it. Loop thread. */
    final void sendFromCommand(ByteBuffer frame, SharedFrame shared, boolean latestOnly) {
        if (frame == null && shared == null) {
            SharedFrame latest = takePendingLatest();
            if (latest != null) {
                queueOnLoop(null, latest, true);
            }
            return;
        }
        PENDING_BYTES.addAndGet(this, -(shared != null ? shared.length() : frame.remaining()));
        queueOnLoop(frame, shared, latestOnly);
    }

    /** Takes the frame {@link #submitLatest} left for the loop, if any, off the pending count. Loop thread. */
    final SharedFrame takePendingLatest() {
        SharedFrame latest = PENDING_LATEST.getAndSet(this, null);
        if (latest != null) {
            PENDING_BYTES.addAndGet(this, -latest.length());
        }
        return latest;
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
        } else if (!loop.submitClose(this, code, reason)) {
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
            requestedReading = 0;
            setReading(kind == LoopCommand.RESUME);
        } else {
            // the state goes in the field, so that a command refused by a full ring is not lost:
            // the loop's timer applies it too
            requestedReading = kind;
            loop.submitControl(kind, this);
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
