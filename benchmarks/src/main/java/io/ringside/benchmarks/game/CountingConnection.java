package io.ringside.benchmarks.game;

import io.ringside.engine.transport.Connection;
import io.ringside.engine.transport.SharedFrame;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * An in-memory {@link Connection} that counts the frames the engine hands it and keeps the last one
 * (for verification; a pooled frame's reference is held until the next frame comes, then released,
 * as a transport would once written); it queues nothing and allocates nothing per frame, so the
 * benchmarks measure the engine up to the hand-over, not a transport. Used by one thread at a time
 * (the shard's).
 */
final class CountingConnection implements Connection {
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40_000);

    private final long id;
    private Object attachment;
    private boolean paused;
    private int closeCode;
    long frames;
    long latestFrames;
    long bytes;
    ByteBuffer firstFrame;
    ByteBuffer lastFrame;
    private SharedFrame lastShared;

    CountingConnection(long id) {
        this.id = id;
    }

    @Override
    public boolean sendFrame(ByteBuffer frame) {
        frames++;
        bytes += frame.remaining();
        if (firstFrame == null) {
            firstFrame = frame;
        }
        lastFrame = frame;
        return true;
    }

    @Override
    public boolean sendLatest(ByteBuffer frame) {
        latestFrames++;
        return sendFrame(frame);
    }

    /** Counts a pooled frame and keeps the reference it was given, until the next frame replaces it. */
    @Override
    public boolean sendFrame(SharedFrame frame) {
        if (lastShared != null) {
            lastShared.release();
        }
        lastShared = frame;
        return sendFrame(frame.buffer());
    }

    @Override
    public boolean sendLatest(SharedFrame frame) {
        latestFrames++;
        return sendFrame(frame);
    }

    boolean paused() {
        return paused;
    }

    int closeCode() {
        return closeCode;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String path() {
        return "/ws";
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
        throw new IllegalStateException("the game endpoint sends binary envelopes only");
    }

    @Override
    public boolean sendText(ByteBuffer utf8, int offset, int length) {
        throw new IllegalStateException("the game endpoint sends binary envelopes only");
    }

    @Override
    public boolean sendBinary(ByteBuffer payload, int offset, int length) {
        throw new IllegalStateException("the game endpoint sends shared frames only");
    }

    @Override
    public boolean ping(ByteBuffer payload, int offset, int length) {
        return true;
    }

    @Override
    public void close(int code, String reason) {
        if (closeCode == 0) {
            closeCode = code;
        }
    }

    @Override
    public void pauseReading() {
        paused = true;
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
