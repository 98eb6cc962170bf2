package io.ringside.protocol.tls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * A non-blocking byte channel (a socket) seen through a JDK {@link SSLEngine}: {@link #read} returns plaintext,
 * {@link #write} takes plaintext, and the TLS handshake runs inside both as the engine asks. The
 * WebSocket codec above it sees the same bytes as on a plain socket.
 *
 * <p>Scratch buffers are the owning I/O thread's ({@link Buffers}, shared by all its connections);
 * a connection holds bytes of its own only while a record straddles two reads or the socket has not
 * taken all of an encrypted record, and drops them as soon as that is over, so an idle TLS
 * connection costs its engine and nothing else here.
 *
 * <p>Not thread-safe: one I/O thread only. After the handshake, a TLS 1.2 peer that starts a new one
 * (renegotiation) is refused with {@link RenegotiationException}; TLS 1.3 post-handshake messages
 * (key update, session tickets) are answered.
 */
public final class TlsWire implements ByteChannel {
    /** Room a read buffer must have for one TLS record's plaintext. */
    public static final int MIN_READ_BUFFER_BYTES = 17 * 1024;
    private static final int RECORD_HEADER_BYTES = 5;
    private static final byte HANDSHAKE_RECORD = 22;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    /** An I/O thread's scratch buffers, shared by all its TLS connections. One thread only. */
    public static final class Buffers {
        final ByteBuffer netIn;
        final ByteBuffer netOut;
        final int packetBytes;

        /** Buffers sized for the records of {@code engine}'s session (any engine of the same context). */
        public Buffers(SSLEngine engine) {
            this.packetBytes = engine.getSession().getPacketBufferSize();
            this.netIn = ByteBuffer.allocate(packetBytes);
            // several records per socket write: a gathering write through the engine
            this.netOut = ByteBuffer.allocate(4 * packetBytes);
        }
    }

    /** A handshake that did not start with a TLS record: the peer spoke plain text to a TLS port. */
    public static final class NotTlsException extends SSLException {
        private static final long serialVersionUID = 1L;

        NotTlsException() {
            super("not a TLS handshake (plain text on a TLS port?)");
        }
    }

    /** The peer tried to renegotiate a TLS 1.2 session; refused. */
    public static final class RenegotiationException extends SSLException {
        private static final long serialVersionUID = 1L;

        RenegotiationException() {
            super("TLS renegotiation refused");
        }
    }

    private final ByteChannel channel;
    private final SSLEngine engine;
    private final Buffers buffers;
    private ByteBuffer pendingIn;
    private ByteBuffer pendingOut;
    private boolean handshakeDone;
    private boolean firstByteSeen;
    private boolean inputClosed;

    /**
     * Wraps {@code channel} (a connected, non-blocking socket, or any byte channel) with {@code engine}
     * (client or server mode set).
     */
    public TlsWire(ByteChannel channel, SSLEngine engine, Buffers buffers) {
        this.channel = channel;
        this.engine = engine;
        this.buffers = buffers;
    }

    /** Whether the TLS handshake has finished (application data may flow). */
    public boolean handshakeDone() {
        return handshakeDone;
    }

    /** The engine, e.g. for its session once the handshake is done. */
    public SSLEngine engine() {
        return engine;
    }

    /** Starts the handshake; a client sends its hello on the next {@link #flush()}. */
    public void beginHandshake() throws IOException {
        engine.beginHandshake();
        if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            ByteBuffer out = buffers.netOut;
            out.clear();
            wrapHandshake(out);
            out.flip();
            send(out);
        }
    }

    /** Whether complete records are buffered that another {@link #read} would decrypt without the socket. */
    public boolean hasBufferedInput() {
        ByteBuffer in = pendingIn;
        if (in == null || in.remaining() < RECORD_HEADER_BYTES) {
            return false;
        }
        int p = in.position();
        int length = ((in.get(p + 3) & 0xff) << 8) | (in.get(p + 4) & 0xff);
        return in.remaining() >= RECORD_HEADER_BYTES + length;
    }

    /** Whether encrypted bytes wait for the socket; {@link #flush()} writes them. */
    public boolean hasPendingOutput() {
        return pendingOut != null;
    }

    /** Bytes this connection holds of its own (a split record either way). */
    public int heldBytes() {
        return (pendingIn == null ? 0 : pendingIn.capacity()) + (pendingOut == null ? 0 : pendingOut.capacity());
    }

    /**
     * Reads from the socket, runs the handshake as far as it can and decrypts into {@code dst} (which
     * should have {@link #MIN_READ_BUFFER_BYTES} free). Returns the plaintext bytes produced, 0 when
     * none yet, or -1 at the end of the stream (TCP FIN or the peer's close_notify).
     *
     * @throws SSLException a failed handshake ({@link NotTlsException} for plain text), a bad record
     *     or a renegotiation attempt ({@link RenegotiationException})
     */
    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (inputClosed) {
            return -1;
        }
        // whole records already here are decrypted first, without reading more: a peer that keeps
        // sending cannot keep one connection's read going for ever
        boolean buffered = hasBufferedInput();
        ByteBuffer in = buffers.netIn;
        in.clear();
        if (pendingIn != null) {
            in.put(pendingIn);
            pendingIn = null;
        }
        int read = in.hasRemaining() && !buffered ? channel.read(in) : 0;
        in.flip();
        if (!firstByteSeen && in.hasRemaining()) {
            firstByteSeen = true;
            if (!engine.getUseClientMode() && in.get(0) != HANDSHAKE_RECORD) {
                throw new NotTlsException();
            }
        }
        int start = dst.position();
        try {
            unwrapAll(in, dst);
        } finally {
            if (in.hasRemaining()) {
                pendingIn = ByteBuffer.allocate(in.remaining()).put(in).flip();
            }
        }
        int produced = dst.position() - start;
        if (produced == 0 && (inputClosed || read < 0)) {
            inputClosed = true;
            return -1;
        }
        return produced;
    }

    private void unwrapAll(ByteBuffer in, ByteBuffer dst) throws IOException {
        while (in.hasRemaining()) {
            if (dst.remaining() < engine.getSession().getApplicationBufferSize() && handshakeDone) {
                return;
            }
            SSLEngineResult result = engine.unwrap(in, dst);
            SSLEngineResult.Status status = result.getStatus();
            if (status == SSLEngineResult.Status.CLOSED) {
                inputClosed = true;
                return;
            }
            boolean progressed = afterEngineCall(result.getHandshakeStatus());
            if (status != SSLEngineResult.Status.OK) {
                return; // BUFFER_UNDERFLOW: a partial record; BUFFER_OVERFLOW: dst is full
            }
            if (result.bytesConsumed() == 0 && result.bytesProduced() == 0 && !progressed) {
                return;
            }
        }
        if (!handshakeDone) {
            afterEngineCall(engine.getHandshakeStatus());
        }
    }

    /** Acts on what the engine asks next; returns whether that moved the handshake on. */
    private boolean afterEngineCall(HandshakeStatus status) throws IOException {
        if (status == HandshakeStatus.FINISHED) {
            handshakeDone = true;
            return true;
        }
        if (status == HandshakeStatus.NOT_HANDSHAKING) {
            return false;
        }
        refuseRenegotiation();
        if (status == HandshakeStatus.NEED_TASK) {
            runTasks();
            return afterEngineCall(engine.getHandshakeStatus());
        }
        if (status == HandshakeStatus.NEED_WRAP) {
            ByteBuffer out = buffers.netOut;
            out.clear();
            wrapHandshake(out);
            out.flip();
            send(out);
            return true;
        }
        return false;
    }

    /** After the handshake, only TLS 1.3 may exchange handshake messages (key update, tickets). */
    private void refuseRenegotiation() throws RenegotiationException {
        if (handshakeDone && !"TLSv1.3".equals(engine.getSession().getProtocol())) {
            throw new RenegotiationException();
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    private void wrapHandshake(ByteBuffer out) throws IOException {
        HandshakeStatus status = engine.getHandshakeStatus();
        while (status == HandshakeStatus.NEED_WRAP || status == HandshakeStatus.NEED_TASK) {
            if (status == HandshakeStatus.NEED_TASK) {
                runTasks();
            } else {
                SSLEngineResult result = engine.wrap(EMPTY, out);
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    // a fatal alert was produced: send it, then fail the connection
                    out.flip();
                    send(out);
                    out.clear();
                    throw new SSLHandshakeException("TLS handshake failed");
                }
                if (result.getStatus() != SSLEngineResult.Status.OK) {
                    throw new SSLException("TLS handshake output does not fit: " + result.getStatus());
                }
                if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
                    handshakeDone = true;
                    return;
                }
            }
            status = engine.getHandshakeStatus();
        }
    }

    /**
     * Writes encrypted bytes that the socket did not take earlier. Returns {@code true} when none
     * are left (or the connection has none).
     */
    public boolean flush() throws IOException {
        if (pendingOut == null) {
            return true;
        }
        channel.write(pendingOut);
        if (pendingOut.hasRemaining()) {
            return false;
        }
        pendingOut = null;
        return true;
    }

    /**
     * Encrypts as much of {@code src} as fits in several records and writes them in one socket write.
     * Returns the plaintext bytes consumed; their ciphertext is either written or held for
     * {@link #flush()} (see {@link #hasPendingOutput()}). Consumes nothing before the handshake is
     * done or while earlier ciphertext is still pending.
     */
    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!handshakeDone || !flush()) {
            return 0;
        }
        ByteBuffer out = buffers.netOut;
        int consumed = 0;
        while (src.hasRemaining()) {
            out.clear();
            while (src.hasRemaining() && out.remaining() >= buffers.packetBytes) {
                SSLEngineResult result = engine.wrap(src, out);
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    throw new SSLException("TLS connection closed");
                }
                consumed += result.bytesConsumed();
                HandshakeStatus status = result.getHandshakeStatus();
                if (status != HandshakeStatus.NOT_HANDSHAKING && status != HandshakeStatus.FINISHED) {
                    refuseRenegotiation();
                    runTasks(); // a TLS 1.3 message to answer goes out with the next wrap
                }
            }
            out.flip();
            if (!send(out)) {
                return consumed;
            }
        }
        return consumed;
    }

    /** Writes {@code out} to the socket; keeps what it does not take and returns {@code false}. */
    private boolean send(ByteBuffer out) throws IOException {
        if (pendingOut != null) {
            ByteBuffer joined = ByteBuffer.allocate(pendingOut.remaining() + out.remaining());
            pendingOut = joined.put(pendingOut).put(out).flip();
            return flush();
        }
        channel.write(out);
        if (out.hasRemaining()) {
            pendingOut = ByteBuffer.allocate(out.remaining()).put(out).flip();
            return false;
        }
        return true;
    }

    /** Sends close_notify (best effort) before the socket's output is shut down. */
    public void closeOutbound() {
        engine.closeOutbound();
        try {
            ByteBuffer out = buffers.netOut;
            out.clear();
            engine.wrap(EMPTY, out);
            out.flip();
            send(out);
        } catch (IOException e) {
            // the socket is closing anyway
        }
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
