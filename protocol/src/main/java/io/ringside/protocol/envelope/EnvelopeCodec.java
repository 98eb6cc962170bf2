package io.ringside.protocol.envelope;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;
import java.nio.ByteBuffer;

/**
 * Parses envelopes straight from the buffer a binary frame's payload sits in.
 *
 * <p>Parsing a heap buffer aliases it: the {@code bytes} fields of the result (a
 * {@link GameMessage}'s payload) are views of it, not copies, so a game message is parsed from the
 * bytes the I/O loop delivered with no copy in between (protobuf copies out of a direct buffer).
 * The result is therefore valid only while those bytes are: call {@code ByteString.copyFrom} on
 * what must outlive them, and don't change those bytes while the result is in use.
 */
public final class EnvelopeCodec {
    private EnvelopeCodec() {
    }

    /**
     * Parses the client envelope in {@code buffer[offset, offset + length)}; the buffer's position
     * and limit are left unchanged.
     *
     * @throws InvalidProtocolBufferException when the bytes are not one well-formed envelope
     */
    public static ClientEnvelope parseClientEnvelope(ByteBuffer buffer, int offset, int length)
            throws InvalidProtocolBufferException {
        return ClientEnvelope.parser().parseFrom(aliasingInput(buffer, offset, length));
    }

    /**
     * Parses the server envelope in {@code buffer[offset, offset + length)}; the buffer's position
     * and limit are left unchanged.
     *
     * @throws InvalidProtocolBufferException when the bytes are not one well-formed envelope
     */
    public static ServerEnvelope parseServerEnvelope(ByteBuffer buffer, int offset, int length)
            throws InvalidProtocolBufferException {
        return ServerEnvelope.parser().parseFrom(aliasingInput(buffer, offset, length));
    }

    private static CodedInputStream aliasingInput(ByteBuffer buffer, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > buffer.limit()) {
            throw new IndexOutOfBoundsException("offset=" + offset + " length=" + length
                    + " limit=" + buffer.limit());
        }
        // Protobuf aliases bytes fields only when it may treat the input as immutable, which
        // unsafeWrap declares: the caller keeps the bytes unchanged while it uses the result.
        ByteString bytes = buffer.hasArray()
                ? UnsafeByteOperations.unsafeWrap(buffer.array(), buffer.arrayOffset() + offset, length)
                : UnsafeByteOperations.unsafeWrap(buffer.duplicate().position(offset).limit(offset + length));
        CodedInputStream input = bytes.newCodedInput();
        input.enableAliasing(true);
        return input;
    }
}
