package io.ringside.engine.client;

import com.google.protobuf.InvalidProtocolBufferException;
import io.ringside.protocol.envelope.ClientEnvelope;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Test helper: a {@link GameTransport} that keeps a copy of each envelope sent and each close. */
final class RecordingTransport implements GameTransport {
    final List<byte[]> sent = new ArrayList<>();
    final List<String> closes = new ArrayList<>();
    boolean accepting = true;

    @Override
    public boolean sendBinary(ByteBuffer envelope) {
        if (!accepting) {
            return false;
        }
        byte[] copy = new byte[envelope.remaining()];
        envelope.duplicate().get(copy);
        sent.add(copy);
        return true;
    }

    @Override
    public void close(int code, String reason) {
        closes.add(code + " " + reason);
    }

    /** The last envelope sent, parsed. */
    ClientEnvelope last() throws InvalidProtocolBufferException {
        return ClientEnvelope.parseFrom(sent.get(sent.size() - 1));
    }
}
