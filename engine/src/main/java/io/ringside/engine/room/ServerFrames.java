package io.ringside.engine.room;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import com.google.protobuf.WireFormat;
import io.ringside.protocol.envelope.Error;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.LeaveReason;
import io.ringside.protocol.envelope.Left;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.websocket.FrameEncoder;
import io.ringside.protocol.websocket.Opcode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Builds binary frames carrying one {@code ServerEnvelope} each, once, as read-only buffers any
 * number of connections may share. Game messages are written straight into the frame (no
 * intermediate envelope object); the rare control envelopes go through the generated classes.
 */
final class ServerFrames {
    private static final int ENVELOPE_GAME = 3;
    private static final int GAME_TYPE = 1;
    private static final int GAME_PAYLOAD = 2;

    private ServerFrames() {
    }

    /** A frame holding {@code ServerEnvelope{game{type, payload = message}}}, serialized once. */
    static ByteBuffer game(FrameEncoder encoder, int type, MessageLite message) {
        int payload = message.getSerializedSize();
        int body = CodedOutputStream.computeUInt32Size(GAME_TYPE, type)
                + CodedOutputStream.computeTagSize(GAME_PAYLOAD) + CodedOutputStream.computeUInt32SizeNoTag(payload)
                + payload;
        int envelope = CodedOutputStream.computeTagSize(ENVELOPE_GAME) + CodedOutputStream.computeUInt32SizeNoTag(body)
                + body;
        ByteBuffer frame = ByteBuffer.allocate(FrameEncoder.headerLength(envelope, false) + envelope);
        encoder.writeHeader(frame, true, Opcode.BINARY, envelope);
        CodedOutputStream out = CodedOutputStream.newInstance(frame.array(), frame.position(), envelope);
        try {
            out.writeTag(ENVELOPE_GAME, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(body);
            out.writeUInt32(GAME_TYPE, type);
            out.writeTag(GAME_PAYLOAD, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(payload);
            message.writeTo(out);
            out.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException("message size changed while serializing", e);
        }
        return frame.clear().asReadOnlyBuffer();
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
