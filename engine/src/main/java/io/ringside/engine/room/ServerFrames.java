package io.ringside.engine.room;

import io.ringside.protocol.envelope.Error;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.LeaveReason;
import io.ringside.protocol.envelope.Left;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.websocket.FrameEncoder;
import io.ringside.protocol.websocket.Opcode;
import java.nio.ByteBuffer;

/**
 * Builds binary frames carrying one control {@code ServerEnvelope} each (joined, left, error, pong)
 * through the generated classes: rare enough to allocate. Game messages, which go out every tick,
 * are framed by {@link GameFrames} into pooled frames instead.
 */
final class ServerFrames {
    private ServerFrames() {
    }

    /** A frame holding {@code envelope}. */
    static ByteBuffer envelope(ServerEnvelope envelope) {
        return FrameEncoder.serverFrame(true, Opcode.BINARY, ByteBuffer.wrap(envelope.toByteArray()));
    }

    static ByteBuffer error(ErrorCode code, String message) {
        return envelope(ServerEnvelope.newBuilder()
                .setError(Error.newBuilder().setCode(code).setMessage(message)).build());
    }

    static ByteBuffer left(LeaveReason reason, String message) {
        return envelope(ServerEnvelope.newBuilder()
                .setLeft(Left.newBuilder().setReason(reason).setMessage(message)).build());
    }
}
