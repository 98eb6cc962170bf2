package io.ringside.testkit;

import com.google.protobuf.InvalidProtocolBufferException;
import io.ringside.engine.transport.Connection;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * An in-memory {@link Connection} between the game endpoint and a {@link TestPlayer}: it decodes the
 * server frames it is sent back into envelopes for the player. Like the transport, a closed
 * connection drops what it is sent. Used on the test thread only.
 */
final class KitConnection implements Connection {
    private static final int LENGTH_16 = 126;
    private static final int LENGTH_64 = 127;
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40_000);

    private final long id;
    private final String path;
    private final List<ServerEnvelope> inbox;
    private Object attachment;
    private int closeCode;
    private String closeReason = "";
    private boolean paused;

    KitConnection(long id, String path, List<ServerEnvelope> inbox) {
        this.id = id;
        this.path = path;
        this.inbox = inbox;
    }

    int closeCode() {
        return closeCode;
    }

    String closeReason() {
        return closeReason;
    }

    boolean paused() {
        return paused;
    }

    @Override
    public boolean sendFrame(ByteBuffer frame) {
        if (closeCode != 0) {
            return false;
        }
        ByteBuffer bytes = frame.duplicate();
        int second = bytes.get(bytes.position() + 1) & 0x7F;
        int header = second == LENGTH_16 ? 4 : second == LENGTH_64 ? 10 : 2;
        bytes.position(bytes.position() + header);
        try {
            inbox.add(ServerEnvelope.parseFrom(bytes));
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("the server sent a frame that is not a ServerEnvelope", e);
        }
        return true;
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
        throw new AssertionError("the game endpoint sends binary envelopes only");
    }

    @Override
    public boolean sendText(ByteBuffer utf8, int offset, int length) {
        throw new AssertionError("the game endpoint sends binary envelopes only");
    }

    @Override
    public boolean sendBinary(ByteBuffer payload, int offset, int length) {
        throw new AssertionError("the game endpoint sends encoded frames only");
    }

    @Override
    public boolean ping(ByteBuffer payload, int offset, int length) {
        return closeCode == 0;
    }

    @Override
    public void close(int code, String reason) {
        if (closeCode == 0) {
            closeCode = code;
            closeReason = reason == null ? "" : reason;
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
