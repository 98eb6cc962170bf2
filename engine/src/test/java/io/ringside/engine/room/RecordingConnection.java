package io.ringside.engine.room;

import com.google.protobuf.InvalidProtocolBufferException;
import io.ringside.engine.internal.DetachedConnection;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory connection for driving the game engine without sockets: it decodes the server
 * frames it is sent back into envelopes; closes and read pauses are recorded by its base.
 */
final class RecordingConnection extends DetachedConnection {
    private static final int LENGTH_16 = 126;
    private static final int LENGTH_64 = 127;

    private final List<ServerEnvelope> received = new ArrayList<>();

    RecordingConnection(long id) {
        super(id, "/ws");
    }

    synchronized List<ServerEnvelope> received() {
        return new ArrayList<>(received);
    }

    synchronized List<ServerEnvelope> drain() {
        List<ServerEnvelope> copy = new ArrayList<>(received);
        received.clear();
        return copy;
    }

    @Override
    public synchronized boolean sendFrame(ByteBuffer frame) {
        if (!isOpen()) {
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
        return true;
    }
}
