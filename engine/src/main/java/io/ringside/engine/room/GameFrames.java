package io.ringside.engine.room;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import com.google.protobuf.WireFormat;
import io.ringside.engine.transport.FramePool;
import io.ringside.engine.transport.SharedFrame;
import io.ringside.protocol.websocket.FrameEncoder;
import io.ringside.protocol.websocket.Opcode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * Serializes game messages into pooled {@link SharedFrame}s, each a binary frame holding
 * {@code ServerEnvelope{game{type, payload = message}}}, with no intermediate envelope object and no
 * allocation once the pool is warm. One per shard; tick thread only.
 *
 * <p>protobuf-java's array encoders cannot be reset, so one buffered stream encoder is kept and
 * drained into the current frame after each message (a copy of the message's bytes that costs far
 * less than an encoder per message).
 */
final class GameFrames {
    private static final int ENVELOPE_GAME = 3;
    private static final int ENVELOPE_STATE = 7;
    private static final int GAME_TYPE = 1;
    private static final int GAME_PAYLOAD = 2;
    private static final int ENCODER_BUFFER_BYTES = 4096;
    /** protobuf's stream encoder counts bytes in an int: start a new one long before it wraps. */
    private static final long RENEW_AFTER_BYTES = 1L << 30;

    final FramePool pool;
    private final FrameEncoder encoder;
    private final FrameSink sink = new FrameSink();
    private CodedOutputStream out;
    private long bytesThroughOut;

    GameFrames(FramePool pool, FrameEncoder encoder) {
        this.pool = pool;
        this.encoder = encoder;
    }

    /** A frame carrying {@code message} as game message {@code type}, with one reference for the caller. */
    SharedFrame game(int type, MessageLite message) {
        int payload = message.getSerializedSize();
        int body = CodedOutputStream.computeUInt32Size(GAME_TYPE, type)
                + CodedOutputStream.computeTagSize(GAME_PAYLOAD) + CodedOutputStream.computeUInt32SizeNoTag(payload)
                + payload;
        int envelope = CodedOutputStream.computeTagSize(ENVELOPE_GAME) + CodedOutputStream.computeUInt32SizeNoTag(body)
                + body;
        SharedFrame frame = pool.acquire(FrameEncoder.headerLength(envelope, false) + envelope);
        ByteBuffer buffer = frame.buffer();
        try {
            encoder.writeHeader(buffer, true, Opcode.BINARY, envelope);
            CodedOutputStream stream = stream(envelope);
            sink.target = buffer;
            stream.writeTag(ENVELOPE_GAME, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            stream.writeUInt32NoTag(body);
            stream.writeUInt32(GAME_TYPE, type);
            stream.writeTag(GAME_PAYLOAD, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            stream.writeUInt32NoTag(payload);
            message.writeTo(stream);
            stream.flush();
            if (buffer.hasRemaining()) {
                throw new IllegalStateException("message size changed while serializing");
            }
        } catch (IOException | BufferOverflowException e) {
            discard(frame);
            throw new IllegalStateException("message size changed while serializing", e);
        } catch (RuntimeException e) {
            discard(frame);
            throw e;
        } finally {
            sink.target = null;
        }
        buffer.position(0);
        return frame;
    }

    /**
     * A frame carrying {@code ServerEnvelope{state = patch}} where {@code bytes[offset, offset + length)}
     * is a serialized StatePatch, with one reference for the caller.
     */
    SharedFrame state(byte[] bytes, int offset, int length) {
        int envelope = CodedOutputStream.computeTagSize(ENVELOPE_STATE)
                + CodedOutputStream.computeUInt32SizeNoTag(length) + length;
        SharedFrame frame = pool.acquire(FrameEncoder.headerLength(envelope, false) + envelope);
        ByteBuffer buffer = frame.buffer();
        encoder.writeHeader(buffer, true, Opcode.BINARY, envelope);
        buffer.put((byte) ((ENVELOPE_STATE << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED));
        int remaining = length;
        while ((remaining & ~0x7F) != 0) {
            buffer.put((byte) ((remaining & 0x7F) | 0x80));
            remaining >>>= 7;
        }
        buffer.put((byte) remaining);
        buffer.put(bytes, offset, length);
        buffer.position(0);
        return frame;
    }

    private void discard(SharedFrame frame) {
        out = null; // it may hold bytes of the failed message: never let them reach the next frame
        frame.release();
    }

    private CodedOutputStream stream(int bytes) {
        bytesThroughOut += bytes;
        if (out == null || bytesThroughOut > RENEW_AFTER_BYTES) {
            out = CodedOutputStream.newInstance(sink, ENCODER_BUFFER_BYTES);
            bytesThroughOut = bytes;
        }
        return out;
    }

    /** Where the stream encoder's buffer drains: the frame being written. */
    private static final class FrameSink extends OutputStream {
        ByteBuffer target;

        @Override
        public void write(int b) {
            target.put((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            target.put(bytes, offset, length);
        }
    }
}
