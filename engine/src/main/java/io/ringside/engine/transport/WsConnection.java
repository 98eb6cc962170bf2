package io.ringside.engine.transport;

import io.ringside.engine.internal.LentArray;
import io.ringside.engine.internal.MessageArrays;
import io.ringside.protocol.tls.TlsWire;
import io.ringside.protocol.http.HttpStatus;
import io.ringside.protocol.http.UpgradeRequestParser;
import io.ringside.protocol.websocket.CloseCode;
import io.ringside.protocol.websocket.FrameEncoder;
import io.ringside.protocol.websocket.Opcode;
import io.ringside.protocol.websocket.WebSocketProtocolException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's state machine, owned by one {@link IoLoop}; the public {@link Connection} methods
 * hop onto that loop when called from elsewhere, and an {@link InboundDispatcher} brings it what the
 * decoder found. An open connection borrows a plain decoder from its loop's {@link InboundPool} for
 * each read and keeps it only while a frame or message is incomplete, so an idle one holds none.
 *
 * <pre>
 * HANDSHAKE ──101──▶ OPEN ──close sent──▶ CLOSE_SENT ──peer close──▶ LINGER ──EOF or timeout──▶ CLOSED
 *     │                └────peer close / protocol error / backlog overflow──▶ LINGER
 *     └──HTTP response or refusal──▶ LINGER
 * </pre>
 * In LINGER the last bytes are flushed; then, once both close frames were exchanged, the socket is
 * closed (the server closes first, RFC 6455 §7.1.1); otherwise (an error or an HTTP answer) the
 * output is shut down (FIN) and input discarded until the peer's FIN or the close timeout, so that
 * the peer reads our last bytes instead of a reset.
 */
final class WsConnection extends ConnectionHandle implements MessageArrays {
    static final int HANDSHAKE = 0;
    static final int OPEN = 1;
    static final int CLOSE_SENT = 2;
    static final int LINGER = 3;
    static final int CLOSED = 4;
    private static final int MAX_CLOSE_FRAME_BYTES = 2 + 125;
    private static final Logger LOG = LoggerFactory.getLogger(WsConnection.class);
    private static final AtomicLongFieldUpdater<WsConnection> HELD_ELSEWHERE =
            AtomicLongFieldUpdater.newUpdater(WsConnection.class, "heldElsewhere");
    /** The first byte of a TLS client hello (a handshake record, RFC 8446 §5.1). */
    private static final byte TLS_HANDSHAKE_RECORD = 22;
    private static final ByteBuffer HEARTBEAT_PING =
            FrameEncoder.serverFrame(true, Opcode.PING, ByteBuffer.allocate(0));

    int slot = -1;
    boolean dirty;
    UpgradeRequestParser parser;
    /** The bytes of an incomplete request head while it holds no parser (see {@code Handshaker.park}). */
    byte[] parkedHead;
    int parkedLength;
    /** Bytes charged to the memory budget for this connection: see {@link #account()}. */
    long held;
    /**
     * Bytes the application holds for this connection ({@link #chargeHeld}) and arrays its loop lent
     * for its inbound messages ({@link #borrowMessageArray}); any thread.
     */
    private volatile long heldElsewhere;
    /** Those bytes took the address over its share: shed at the next {@link #account()}. Loop thread. */
    private boolean heldOverShare;
    /** The counts of this connection's remote address, or {@code null} when exempt (loopback). */
    AddressShare share;
    // while an AuthHandler decides (loop thread); the answer fields are set by the completing thread
    // before the connection is queued to the loop, which reads them after taking it off the queue
    boolean awaitingAuth;
    Endpoint authEndpoint;
    ByteBuffer earlyBytes;
    volatile AuthDecision authDecision;
    volatile Throwable authError;

    private final SelectionKey key;
    /** The connection's TLS engine on a TLS listener, else {@code null}. */
    private final TlsWire tls;
    /** Where bytes go to and come from: the socket itself, or {@link #tls} in front of it. */
    private final ByteChannel wire;
    /** Whether this connection counts toward the connection limit (it was upgraded). */
    boolean counted;
    private final OutboundQueue outbound;
    private int state = HANDSHAKE;
    private long deadlineNs;
    /** When the peer was last heard from, and when the heartbeat last pinged it (see {@link Heartbeat}). */
    private long lastHeardNs;
    private long pingSentNs;
    private long lastProbeNs;
    private volatile long rttNs = -1;
    private boolean outputShut;
    private boolean closeWhenFlushed;
    private boolean opened;
    /** The decoder and its dispatcher while a message is incomplete (or for life, with deflate), else null. */
    private InboundDispatcher inbound;
    private int closeCode = CloseCode.ABNORMAL_CLOSURE;
    private String closeReason = "";

    WsConnection(long id, IoLoop loop, SocketChannel channel, SelectionKey key, TlsWire tls) {
        super(id, loop, channel);
        this.key = key;
        this.tls = tls;
        this.wire = tls != null ? tls : channel;
        this.outbound = new OutboundQueue(loop.rings);
        this.deadlineNs = loop.nowNs + loop.config.handshakeTimeoutNs;
    }

    @Override
    boolean openOnLoop() {
        return state == OPEN;
    }

    int state() {
        return state;
    }

    /** The request head is complete and an auth handler decides: stop reading until it has. */
    void awaitAuth(Endpoint endpoint, long timeoutNs) {
        awaitingAuth = true;
        authEndpoint = endpoint;
        deadlineNs = loop.nowNs + timeoutNs;
        setReading(false);
    }

    /** The auth handler answered or timed out: read again (for the frames, or the peer's FIN after a refusal). */
    void authDone() {
        awaitingAuth = false;
        authEndpoint = null;
        setReading(true);
    }

    // ---- loop side: input

    void onReadable(ByteBuffer buffer) {
        do {
            buffer.clear();
            int read;
            try {
                read = wire.read(buffer);
            } catch (SSLException e) {
                tlsFailed(e);
                return;
            } catch (IOException e) {
                notifyError(e);
                destroy();
                return;
            }
            if (read < 0) {
                if (tls != null && !tls.handshakeDone()) {
                    // an alert from the client (e.g. it does not trust us) or a FIN mid-handshake
                    loop.metrics.refused(TransportMetrics.REFUSED_TLS_HANDSHAKE);
                    LOG.debug("connection {}: TLS handshake ended by the peer", id());
                }
                destroy();
                return;
            }
            if (read > 0) {
                if (read == buffer.capacity()) {
                    loop.moreToRead = true;
                }
                onBytes(buffer.flip(), read);
            }
            // a TLS read may leave whole records decrypted next time, which no readiness event announces
        } while (tls != null && state != CLOSED && tls.hasBufferedInput());
        if (tls != null && tls.hasPendingOutput() && state != CLOSED) {
            loop.markDirty(this);
        }
        account();
    }

    private void onBytes(ByteBuffer buffer, int read) {
        loop.counters.add(LoopCounters.BYTES_IN, read);
        lastHeardNs = loop.nowNs;
        if (state == HANDSHAKE) {
            if (tls == null && parser == null && buffer.get(0) == TLS_HANDSHAKE_RECORD) {
                loop.metrics.refused(TransportMetrics.REFUSED_TLS_ON_PLAIN_PORT);
                LOG.debug("connection {}: a TLS hello on the plain port", id());
                destroy();
                return;
            }
            loop.handshaker.onBytes(this, buffer);
        } else if (state == OPEN || state == CLOSE_SENT) {
            decode(buffer);
        }
    }

    /**
     * The TLS layer failed: plain text on the TLS port (answered 400 in plain text), a bad or
     * truncated handshake, a bad record or a renegotiation attempt. Counted, logged at debug, and
     * the socket is dropped: nothing more can be said over it.
     */
    private void tlsFailed(SSLException e) {
        if (e instanceof TlsWire.NotTlsException) {
            loop.metrics.refused(TransportMetrics.REFUSED_TLS_PLAINTEXT);
            Handshaker.writeBestEffort(channel, Handshaker.PLAIN_ON_TLS_PORT);
        } else if (e instanceof TlsWire.RenegotiationException) {
            loop.metrics.refused(TransportMetrics.REFUSED_TLS_RENEGOTIATION);
        } else if (!tls.handshakeDone()) {
            loop.metrics.refused(TransportMetrics.REFUSED_TLS_HANDSHAKE);
        }
        LOG.debug("connection {}: TLS failed: {}", id(), e.toString());
        notifyError(e);
        destroy();
    }

    /**
     * Writes what it can of a ready-made response right before the socket closes: in plain text,
     * through TLS once its handshake is done, not at all in the middle of a TLS handshake.
     */
    private void writeBestEffort(ByteBuffer response) {
        if (tls == null) {
            Handshaker.writeBestEffort(channel, response);
        } else if (tls.handshakeDone()) {
            try {
                tls.write(response.duplicate());
                tls.flush();
            } catch (IOException | RuntimeException e) {
                // the socket is being dropped anyway
            }
        }
    }

    /**
     * Brings this connection's charge to the memory budget up to date: its outbound backlog (a
     * shared frame counts in full for every connection that queues it), the arrays its decoder holds
     * for a partial message, and a request parser while its handshake is incomplete. Loop thread.
     */
    void account() {
        if (heldOverShare) {
            heldOverShare = false;
            if (sheddable()) {
                overAddressShare(); // brings the charge up to date itself
                return;
            }
        }
        long now = outbound.bytes();
        if (inbound != null) {
            now += inbound.decoder.retainedBytes();
        }
        if (parser != null) {
            now += loop.handshaker.parserBytes;
        } else if (parkedHead != null) {
            now += parkedHead.length;
        }
        if (tls != null) {
            now += tls.heldBytes();
        }
        if (now != held) {
            long delta = now - held;
            held = now;
            loop.charge(delta);
            if (share != null && share.bytes.addAndGet(delta) > loop.addresses.maxBytes && delta > 0) {
                overAddressShare();
            }
        }
    }

    /**
     * Charges the budget through the loop's lease on the loop thread (an atomic add on the budget
     * elsewhere), and counts the bytes toward this connection and its address' share: the one whose
     * charge takes its address over is closed with 1008, as for bytes the transport holds.
     */
    @Override
    public void chargeHeld(long bytes) {
        if (bytes == 0) {
            return;
        }
        if (loop.inLoop()) {
            loop.charge(bytes); // an overdrawn budget makes the loop shed at the end of its cycle
        } else if (bytes > 0) {
            loop.budget.take(bytes); // an overdrawn budget is seen by the loops at the end of their cycle
        } else {
            loop.budget.give(-bytes);
        }
        countHeld(bytes);
    }

    /** Lends an array from the loop's pool (charged to the budget by the pool), counted as held here. */
    @Override
    public LentArray borrowMessageArray(int length) {
        if (!loop.inLoop()) {
            return null;
        }
        LentArray array = loop.messageArrays.lend(length);
        if (array != null) {
            countHeld(array.bytes().length);
        }
        return array;
    }

    @Override
    public void returnMessageArray(LentArray array) {
        countHeld(-array.bytes().length);
        loop.messageArrays.giveBack(array);
    }

    /** Counts bytes held for this connection outside {@link #held}, and toward its address' share. Any thread. */
    private void countHeld(long bytes) {
        HELD_ELSEWHERE.addAndGet(this, bytes);
        AddressShare counted = share;
        if (counted == null) {
            return;
        }
        long now = counted.bytes.addAndGet(bytes);
        if (bytes < 0) {
            if (now <= 0) {
                loop.addresses.settle(counted);
            }
        } else if (now > loop.addresses.maxBytes) {
            overShareHeld();
        }
    }

    /**
     * Bytes held elsewhere took the address over its share. On the loop the connection is shed at its
     * next {@link #account()} (not in the middle of a read that may be charging); elsewhere it is
     * asked to close with 1008.
     */
    private void overShareHeld() {
        if (loop.inLoop()) {
            heldOverShare = true;
            loop.markDirty(this);
        } else if (open) {
            close(CloseCode.POLICY_VIOLATION, IoLoop.ADDRESS_BYTES_REASON);
        }
    }

    /** What shedding this connection would free: {@link #held} and what the application holds for it. */
    long sheddableBytes() {
        return held + heldElsewhere;
    }

    /**
     * Counts this socket's handshake toward its address' share; {@code false} when the address
     * already has as many in progress as it may (the count stays until the handshake ends). Loop thread.
     */
    boolean admitHandshake() {
        try {
            share = loop.addresses.acquire(((InetSocketAddress) channel.getRemoteAddress()).getAddress());
        } catch (IOException e) {
            return true; // the socket is gone: its next read says so
        }
        return share == null || share.handshakes.incrementAndGet() <= loop.addresses.maxHandshakes;
    }

    /**
     * This connection's read or send took its address over its share of the memory budget: it drops
     * what it holds and closes with 1008 (a handshake is answered 503). Its address' other
     * connections go on. Loop thread.
     */
    private void overAddressShare() {
        if (state == HANDSHAKE) {
            loop.metrics.refused(TransportMetrics.REFUSED_ADDRESS_LIMIT);
            loop.metrics.handshake(HttpStatus.SERVICE_UNAVAILABLE);
            refuse(HttpStatus.SERVICE_UNAVAILABLE, IoLoop.ADDRESS_BYTES_REASON);
            loop.handshaker.release(this);
        } else if (state == OPEN || state == CLOSE_SENT) {
            inbound = null;
            outbound.discardUnstarted();
            if (state == OPEN) {
                closeCode = CloseCode.POLICY_VIOLATION;
                closeReason = IoLoop.ADDRESS_BYTES_REASON;
                queueClose(closeCode, closeReason);
            }
            linger();
        } else {
            return;
        }
        account();
    }

    private void leaveHandshake() {
        if (state == HANDSHAKE) {
            state = LINGER; // not HANDSHAKE any more: the caller sets the real state next
            if (share != null) {
                share.handshakes.decrementAndGet();
            }
            loop.handshakeEnded();
        }
    }

    /** Makes room for a newer handshake: a best-effort 503, then the socket is closed. Loop thread. */
    void evict() {
        writeBestEffort(Handshaker.TOO_MANY_HANDSHAKES);
        destroy();
    }

    /** Whether shedding this connection would help: it is not closing already. */
    boolean sheddable() {
        return state == HANDSHAKE || state == OPEN || state == CLOSE_SENT;
    }

    /**
     * Sheds this connection to bring the memory budget back: drops its partial message and unsent
     * frames and closes it with 1013 (an incomplete handshake is answered 503). Loop thread.
     */
    void shed() {
        if (state == HANDSHAKE) {
            refuse(HttpStatus.SERVICE_UNAVAILABLE, IoLoop.SHED_REASON);
            loop.handshaker.release(this);
        } else if (state == OPEN || state == CLOSE_SENT) {
            inbound = null;
            outbound.discardUnstarted();
            if (state == OPEN) {
                closeCode = CloseCode.TRY_AGAIN_LATER;
                closeReason = IoLoop.SHED_REASON;
                queueClose(closeCode, closeReason);
            }
            linger();
        }
        account();
    }

    /**
     * Decodes what was read, with the connection's own decoder or one borrowed from the loop's pool
     * (given back once it is idle, unless something took it off this connection meanwhile). A
     * protocol violation closes with its code; any other failure while decoding closes with 1011,
     * since the decoder may have taken the chunk as read without handing its message on: nothing
     * more is read from this connection either way.
     */
    void decode(ByteBuffer buffer) {
        InboundDispatcher in = inbound;
        if (in == null) {
            in = loop.decoders.take(this);
            inbound = in;
        }
        long framesBefore = in.decoder.controlAndContinuationFrames();
        try {
            in.decoder.decode(buffer);
        } catch (WebSocketProtocolException e) {
            failDecoding(e, e.closeCode(), e.getMessage());
        } catch (RuntimeException e) {
            loop.report(this, e);
            failDecoding(e, CloseCode.INTERNAL_ERROR, "internal error");
        }
        loop.counters.add(LoopCounters.CONTROL_AND_CONTINUATION_FRAMES_IN,
                in.decoder.controlAndContinuationFrames() - framesBefore);
        if (in.pooled && inbound == in && in.decoder.isIdle()) {
            inbound = null;
            loop.decoders.give(in);
        }
    }

    private void failDecoding(Throwable error, int code, String reason) {
        notifyError(error);
        if (state == OPEN) {
            closeCode = code;
            closeReason = closeReason(reason);
            queueClose(closeCode, closeReason);
        }
        linger();
    }

    /**
     * The handshake succeeded: frames from now on, decoded by {@code inbound} (a deflate decoder for
     * life), or when {@code null} by a decoder borrowed from the loop for each read.
     */
    void upgraded(Endpoint endpoint, String subprotocol, InboundDispatcher inbound) {
        this.endpoint = endpoint;
        this.subprotocol = subprotocol;
        this.inbound = inbound;
        leaveHandshake();
        this.state = OPEN;
        this.open = true;
        this.opened = true;
        this.lastHeardNs = loop.nowNs;
        this.pingSentNs = loop.nowNs;
        // the first RTT probe goes out at the first timer tick, so a monitor shows RTT early
        this.lastProbeNs = loop.nowNs - loop.config.rttProbeIntervalNs;
    }

    @Override
    public long rttNs() {
        return rttNs;
    }

    /** A pong arrived: one carrying an RTT probe's send time gives a sample. Loop thread. */
    void pongReceived(ByteBuffer buffer, int offset, int length) {
        if (length != Long.BYTES || loop.config.rttProbeIntervalNs == 0) {
            return;
        }
        long rtt = loop.nowNs - buffer.getLong(offset);
        if (rtt >= 0 && rtt <= loop.config.heartbeatTimeoutNs + loop.config.rttProbeIntervalNs) {
            rttNs = rtt;
        }
    }

    /** Sets the socket's {@code SO_SNDBUF} to {@code bytes} unless 0 (best effort: a failure is reported). */
    void applySendBuffer(int bytes) {
        if (bytes > 0) {
            try {
                channel.setOption(StandardSocketOptions.SO_SNDBUF, bytes);
            } catch (IOException | RuntimeException e) {
                loop.report(this, e);
            }
        }
    }

    /** Queues the 101 response, a pooled frame whose reference the queue takes over. */
    void sendUpgradeResponse(SharedFrame head) {
        outbound.add(head);
        loop.markDirty(this);
    }

    /** Answers with an HTTP response (head, then an optional shared body) and closes afterwards. */
    void respond(ByteBuffer head, ByteBuffer body) {
        outbound.add(head);
        if (body != null) {
            outbound.add(body);
        }
        linger();
    }

    void refuse(int status, String message) {
        respond(Handshaker.errorResponse(status, message), null);
    }

    /** A handler callback threw: 1011 for this connection, unless the error is fatal (then it propagates). */
    void handlerFailed(Throwable error) {
        FatalErrorHandler.rethrowIfFatal(error);
        loop.report(this, error);
        notifyError(error);
        startClose(CloseCode.INTERNAL_ERROR, "internal error");
    }

    private void notifyError(Throwable error) {
        if (opened && state != CLOSED) {
            try {
                endpoint.handler.onError(this, error);
            } catch (Throwable t) {
                FatalErrorHandler.rethrowIfFatal(t);
                loop.report(this, t);
            }
        }
    }

    /** Answers a ping with a pong carrying the same application data (RFC 6455 §5.5.2). */
    void sendPong(ByteBuffer buffer, int offset, int length) {
        ByteBuffer pong = ByteBuffer.allocate(2 + length);
        loop.encoder.writeFrame(pong, true, Opcode.PONG, view(buffer, offset, length));
        queueOnLoop(pong.flip(), null, false);
    }

    /** The peer's close frame arrived: answer it if we have not closed yet, then close TCP once flushed. */
    void peerClosed(int code, String reason) {
        if (state == OPEN) {
            closeCode = code;
            closeReason = reason;
            // §5.5.1: answer with a close frame, echoing the status code received
            queueClose(code == CloseCode.NO_STATUS_RECEIVED ? 0 : code, "");
        }
        // both close frames exchanged: the server closes TCP first (§7.1.1) once ours is written
        closeWhenFlushed = true;
        linger();
    }

    // ---- loop side: output and lifecycle

    @Override
    void queueOnLoop(ByteBuffer frame, SharedFrame shared, boolean latestOnly) {
        if (state != OPEN) {
            releaseIfShared(shared);
            return;
        }
        if (deflate != null && deflate.contextTakeover) {
            deflateInOrder(frame, shared, latestOnly);
            return;
        }
        enqueue(frame, shared, latestOnly);
    }

    /** With context takeover, compresses in queueing order; nothing may be dropped once compressed. */
    private void deflateInOrder(ByteBuffer frame, SharedFrame shared, boolean latestOnly) {
        SharedFrame compressed = deflate.inOrder(shared != null ? shared.buffer : frame, loop.deflateFrames());
        if (compressed == null) {
            enqueue(frame, shared, latestOnly);
            return;
        }
        releaseIfShared(shared);
        enqueue(null, compressed, false);
    }

    private void enqueue(ByteBuffer frame, SharedFrame shared, boolean latestOnly) {
        long superseded = outbound.superseded();
        if (shared == null) {
            if (latestOnly) {
                outbound.addLatest(frame);
            } else {
                outbound.add(frame);
            }
        } else if (latestOnly) {
            outbound.addLatest(shared);
        } else {
            outbound.add(shared);
        }
        loop.counters.add(LoopCounters.FRAMES_OUT, 1);
        if (outbound.superseded() != superseded) {
            loop.counters.add(LoopCounters.LATEST_REPLACED, outbound.superseded() - superseded);
        }
        if (outbound.bytes() > loop.config.maxOutboundBacklogBytes) {
            overflow();
            return;
        }
        account();
        loop.markDirty(this);
    }

    @Override
    void overflow() {
        if (state != OPEN) {
            return;
        }
        outbound.discardUnstarted();
        loop.metrics.backlogOverflow();
        closeCode = CloseCode.POLICY_VIOLATION;
        closeReason = OVERFLOW_REASON;
        queueClose(closeCode, closeReason);
        linger();
        account();
    }

    @Override
    void startClose(int code, String reason) {
        if (state != OPEN) {
            return;
        }
        closeCode = code;
        closeReason = reason;
        queueClose(code, reason);
        state = CLOSE_SENT;
        open = false;
        deadlineNs = loop.nowNs + loop.config.closeTimeoutNs;
    }

    void onShutdown() {
        if (state == OPEN) {
            startClose(CloseCode.GOING_AWAY, "server shutting down");
        } else if (state == HANDSHAKE) {
            destroy();
        }
    }

    @Override
    void setReading(boolean reading) {
        if (key.isValid()) {
            int ops = key.interestOps();
            key.interestOps(reading ? ops | SelectionKey.OP_READ : ops & ~SelectionKey.OP_READ);
        }
    }

    /** Fires this connection's timeouts and heartbeat; {@code true} if something happened. Loop thread. */
    boolean onTimer(long nowNs) {
        closeIfRequested();
        applyRequestedReading();
        if (state == OPEN) {
            return heartbeat(nowNs);
        }
        if (nowNs - deadlineNs >= 0) {
            if (state == HANDSHAKE && awaitingAuth) {
                loop.handshaker.authTimedOut(this);
                return true;
            }
            if (state == HANDSHAKE) {
                loop.metrics.refused(TransportMetrics.REFUSED_HANDSHAKE_TIMEOUT);
                loop.metrics.handshake(HttpStatus.REQUEST_TIMEOUT);
                writeBestEffort(Handshaker.HANDSHAKE_TIMEOUT);
            }
            destroy();
            return true;
        }
        return false;
    }

    private boolean heartbeat(long nowNs) {
        ServerConfig config = loop.config;
        boolean probed = false;
        if (config.rttProbeIntervalNs > 0 && nowNs - lastProbeNs >= config.rttProbeIntervalNs) {
            lastProbeNs = nowNs;
            probed = true;
            ByteBuffer sentAt = ByteBuffer.allocate(Long.BYTES).putLong(0, nowNs);
            queueOnLoop(FrameEncoder.serverFrame(true, Opcode.PING, sentAt), null, false);
        }
        int due = Heartbeat.check(nowNs, lastHeardNs, pingSentNs, config.heartbeatIntervalNs,
                config.heartbeatTimeoutNs);
        if (due == Heartbeat.PING_DUE) {
            pingSentNs = nowNs;
            queueOnLoop(HEARTBEAT_PING, null, false);
        } else if (due == Heartbeat.EXPIRED) {
            startClose(CloseCode.GOING_AWAY, "heartbeat timeout");
        }
        return probed || due != Heartbeat.NOTHING_DUE;
    }

    void flush() {
        if (state == CLOSED) {
            return;
        }
        boolean drained;
        long queued = outbound.bytes();
        try {
            if (tls != null && !tls.handshakeDone()) {
                if (state == LINGER) {
                    destroy(); // refused before TLS was up: nothing can be said
                    return;
                }
                drained = tls.flush();
            } else {
                drained = (tls == null || tls.flush()) && outbound.writeTo(wire, loop.staging)
                        && (tls == null || !tls.hasPendingOutput());
            }
            loop.counters.add(LoopCounters.BYTES_OUT, queued - outbound.bytes());
            if (drained && state == LINGER && !outputShut) {
                if (tls != null) {
                    tls.closeOutbound();
                }
                if (closeWhenFlushed) {
                    destroy();
                    return;
                }
                outputShut = true;
                channel.shutdownOutput();
            }
        } catch (IOException e) {
            notifyError(e);
            destroy();
            return;
        }
        account();
        if (key.isValid()) {
            int ops = key.interestOps();
            int wanted = drained ? ops & ~SelectionKey.OP_WRITE : ops | SelectionKey.OP_WRITE;
            if (wanted != ops) {
                key.interestOps(wanted);
            }
        }
    }

    private void queueClose(int code, String reason) {
        ByteBuffer frame = ByteBuffer.allocate(MAX_CLOSE_FRAME_BYTES);
        if (code == 0) {
            loop.encoder.writeFrame(frame, true, Opcode.CLOSE, ByteBuffer.allocate(0));
        } else {
            loop.encoder.writeClose(frame, code, reason);
        }
        outbound.add(frame.flip());
        loop.markDirty(this);
    }

    private void linger() {
        if (state == LINGER || state == CLOSED) {
            return;
        }
        leaveHandshake();
        state = LINGER;
        open = false;
        deadlineNs = loop.nowNs + loop.config.closeTimeoutNs;
        loop.markDirty(this);
    }

    /**
     * The server failed: flushes what is queued if the socket takes it at once, then, if the stream is
     * at a frame boundary, the ready-made {@code closeFrame} (1011), and closes the socket. Calls no
     * handler and allocates nothing. Loop thread.
     */
    void abort(ByteBuffer closeFrame) {
        int was = state;
        if (was == CLOSED) {
            return;
        }
        state = CLOSED;
        open = false;
        try {
            if (was == OPEN && (tls == null || tls.handshakeDone()) && outbound.writeTo(wire, loop.staging)) {
                closeFrame.rewind();
                wire.write(closeFrame);
                if (tls != null) {
                    tls.flush();
                }
            }
        } catch (IOException e) {
            // the socket is being dropped anyway
        }
        key.cancel();
        closeQuietly(channel);
    }

    /** Closes the socket now and reports the close to the handler once. Loop thread; idempotent. */
    void destroy() {
        if (state == CLOSED) {
            return;
        }
        leaveHandshake();
        state = CLOSED;
        open = false;
        key.cancel();
        closeQuietly(channel);
        outbound.clear();
        loop.handshaker.release(this);
        if (inbound != null) {
            // not given back: it holds part of this connection's stream
            inbound.decoder.release();
            inbound = null;
        }
        if (deflate != null) {
            deflate.end();
        }
        loop.charge(-held);
        if (share != null) {
            share.bytes.addAndGet(-held);
        }
        held = 0;
        loop.remove(this, counted);
        if (opened) {
            loop.metrics.closed(closeCode);
            try {
                endpoint.handler.onClose(this, closeCode, closeReason);
            } catch (Throwable t) {
                FatalErrorHandler.rethrowIfFatal(t);
                loop.report(this, t);
            }
        }
    }
}
