package io.ringside.benchmarks.protocol;

import io.ringside.benchmarks.peers.PayloadDigest;
import io.ringside.protocol.websocket.MessageHandler;
import java.nio.ByteBuffer;

/**
 * Counts binary messages and their bytes; with a {@link PayloadDigest} (setup only) also digests
 * each payload. Anything but a binary message is a bug in the benchmark or the decoder.
 */
final class CountingMessageHandler implements MessageHandler {
    private final PayloadDigest digest;
    long frames;
    long bytes;

    CountingMessageHandler(PayloadDigest digest) {
        this.digest = digest;
    }

    @Override
    public void onBinary(ByteBuffer buffer, int offset, int length) {
        frames++;
        bytes += length;
        if (digest != null) {
            digest.add(buffer, offset, length);
        }
    }

    @Override
    public void onText(ByteBuffer buffer, int offset, int length) {
        throw new IllegalStateException("unexpected text message");
    }

    @Override
    public void onPing(ByteBuffer buffer, int offset, int length) {
        throw new IllegalStateException("unexpected ping");
    }

    @Override
    public void onPong(ByteBuffer buffer, int offset, int length) {
        throw new IllegalStateException("unexpected pong");
    }

    @Override
    public void onClose(int code, ByteBuffer buffer, int reasonOffset, int reasonLength) {
        throw new IllegalStateException("unexpected close " + code);
    }
}
