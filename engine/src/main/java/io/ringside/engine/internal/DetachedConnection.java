package io.ringside.engine.internal;

import io.ringside.engine.transport.Connection;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Not an API: a {@link Connection} with no socket behind it, for driving the game endpoint in
 * process (the room test kit, the engine's own tests, the benchmarks). It keeps what a connection
 * keeps (id, path, attachment, close code, read pause) and leaves to the subclass what becomes of
 * a frame sent to it; like the transport, a subclass should drop frames once {@link #isOpen()} is
 * false. Text, unframed binary and pings are refused: the game endpoint sends encoded frames only.
 *
 * <p>Its state is safe to read from another thread than the one driving it.
 */
public abstract class DetachedConnection implements Connection {
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40_000);

    private final long id;
    private final String path;
    private volatile Object attachment;
    private volatile int closeCode;
    private volatile String closeReason = "";
    private volatile boolean paused;
    private volatile int pauses;
    private final java.util.concurrent.atomic.AtomicLong charged = new java.util.concurrent.atomic.AtomicLong();

    /** A connection with server-unique {@code id}, upgraded on {@code path}. */
    protected DetachedConnection(long id, String path) {
        this.id = id;
        this.path = path;
    }

    /** The close code it was closed with, or 0 while open. */
    public int closeCode() {
        return closeCode;
    }

    /** The reason given with {@link #closeCode()}; empty when none. */
    public String closeReason() {
        return closeReason;
    }

    /** Whether reading is paused (inbound backpressure). */
    public boolean paused() {
        return paused;
    }

    /** How many times reading was paused. */
    public int pauses() {
        return pauses;
    }

    /** Records the charge; {@link #chargedBytes()} sums them. */
    @Override
    public void chargeHeld(long bytes) {
        charged.addAndGet(bytes);
    }

    /** What is charged to the memory budget for this connection now ({@link #chargeHeld}). */
    public long chargedBytes() {
        return charged.get();
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String subprotocol() {
        return null;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return PEER;
    }

    @Override
    public boolean isOpen() {
        return closeCode == 0;
    }

    @Override
    public boolean sendText(String text) {
        throw new UnsupportedOperationException("the game endpoint sends binary envelopes only");
    }

    @Override
    public boolean sendText(ByteBuffer utf8, int offset, int length) {
        throw new UnsupportedOperationException("the game endpoint sends binary envelopes only");
    }

    @Override
    public boolean sendBinary(ByteBuffer payload, int offset, int length) {
        throw new UnsupportedOperationException("the game endpoint sends encoded frames only");
    }

    @Override
    public boolean ping(ByteBuffer payload, int offset, int length) {
        return isOpen();
    }

    /** Records the first close; later ones change nothing. */
    @Override
    public synchronized void close(int code, String reason) {
        if (closeCode == 0) {
            closeReason = reason == null ? "" : reason;
            closeCode = code;
        }
    }

    @Override
    public synchronized void pauseReading() {
        paused = true;
        pauses = pauses + 1;
    }

    @Override
    public void resumeReading() {
        paused = false;
    }

    @Override
    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    @Override
    public Object attachment() {
        return attachment;
    }
}
