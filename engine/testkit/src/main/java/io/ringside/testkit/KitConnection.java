package io.ringside.testkit;

import com.google.protobuf.InvalidProtocolBufferException;
import io.ringside.engine.internal.DetachedConnection;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The in-memory connection between the game endpoint and a {@link TestPlayer}: it decodes the server
 * frames it is sent back into envelopes for the player. Like the transport, a closed connection drops
 * what it is sent. Used on the test thread only.
 */
final class KitConnection extends DetachedConnection {
    private static final int LENGTH_16 = 126;
    private static final int LENGTH_64 = 127;

    private final List<ServerEnvelope> inbox;

    KitConnection(long id, String path, List<ServerEnvelope> inbox) {
        super(id, path);
        this.inbox = inbox;
    }

    @Override
    public boolean sendFrame(ByteBuffer frame) {
        if (!isOpen()) {
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
}
