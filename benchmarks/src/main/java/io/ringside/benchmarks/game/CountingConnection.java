package io.ringside.benchmarks.game;

import io.ringside.engine.internal.DetachedConnection;
import io.ringside.engine.transport.SharedFrame;
import java.nio.ByteBuffer;

/**
 * An in-memory connection that counts the frames the engine hands it and keeps the last one
 * (for verification; a pooled frame's reference is held until the next frame comes, then released,
 * as a transport would once written); it queues nothing and allocates nothing per frame, so the
 * benchmarks measure the engine up to the hand-over, not a transport. Used by one thread at a time
 * (the shard's).
 */
final class CountingConnection extends DetachedConnection {
    long frames;
    long latestFrames;
    long bytes;
    ByteBuffer firstFrame;
    ByteBuffer lastFrame;
    private SharedFrame lastShared;

    CountingConnection(long id) {
        super(id, "/ws");
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
}
