package io.ringside.engine.transport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * A socket stand-in for outbound queue tests: keeps what is written, counts write calls, and takes
 * at most {@link #perCall} bytes per call and {@link #budget} bytes in all (a socket buffer filling up).
 */
final class TestChannel implements WritableByteChannel {
    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    int perCall = Integer.MAX_VALUE;
    long budget = Long.MAX_VALUE;
    int calls;

    static TestChannel perCall(int bytes) {
        TestChannel channel = new TestChannel();
        channel.perCall = bytes;
        return channel;
    }

    @Override
    public int write(ByteBuffer src) {
        calls++;
        int n = (int) Math.min(Math.min(perCall, budget), src.remaining());
        budget -= n;
        for (int i = 0; i < n; i++) {
            written.write(src.get());
        }
        return n;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
    }
}
