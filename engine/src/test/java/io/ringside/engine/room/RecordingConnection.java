package io.ringside.engine.room;

import com.google.protobuf.InvalidProtocolBufferException;
import io.ringside.engine.transport.Connection;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory {@link Connection} for driving the game engine without sockets: it decodes the
 * server frames it is sent back into envelopes and records closes and read pauses.
 */
final class RecordingConnection implements Connection {
    private static final int LENGTH_16 = 126;
    private static final int LENGTH_64 = 127;

    private final long id;
    private final List<ServerEnvelope> received = new ArrayList<>();
    private volatile Object attachment;
    private volatile boolean paused;
    private volatile int closeCode;
    private int pauses;

    RecordingConnection(long id) {
        this.id = id;
    }

    synchronized List<ServerEnvelope> received() {
        return new ArrayList<>(received);
    }

    synchronized List<ServerEnvelope> drain() {
        List<ServerEnvelope> copy = new ArrayList<>(received);
        received.clear();
        return copy;
    }

    boolean paused() {
        return paused;
    }

    synchronized int pauses() {
        return pauses;
    }

    int closeCode() {
        return closeCode;
    }

    @Override
    public synchronized boolean sendFrame(ByteBuffer frame) {
        if (closeCode != 0) {
            return false; // as the transport: a closed connection drops what it is sent
        }
        ByteBuffer bytes = frame.duplicate();
        int second = bytes.get(1) & 0x7F;
        int header = second == LENGTH_16 ? 4 : second == LENGTH_64 ? 10 : 2;
        bytes.position(bytes.position() + header);
        try {
            received.add(ServerEnvelope.parseFrom(bytes));
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("server sent a malformed envelope", e);
        }
        return closeCode == 0;
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
        return new InetSocketAddress("127.0.0.1", 40_000);
    }

    @Override
    public boolean isOpen() {
        return closeCode == 0;
    }

    @Override
    public boolean sendText(String text) {
        throw new AssertionError("the game endpoint sends binary envelopes only");
    }

    @Override
    public boolean sendText(ByteBuffer utf8, int offset, int length) {
        throw new AssertionError("the game endpoint sends binary envelopes only");
    }

    @Override
    public boolean sendBinary(ByteBuffer payload, int offset, int length) {
        throw new AssertionError("the game endpoint sends shared frames");
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
    public synchronized void pauseReading() {
        paused = true;
        pauses++;
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
