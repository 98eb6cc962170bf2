package io.ringside.benchmarks.peers;

import java.nio.ByteBuffer;
import java.util.List;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.enums.Role;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.Framedata;

/**
 * Java-WebSocket 1.6's {@link Draft_6455#translateFrame(ByteBuffer)} on the whole wire buffer: it
 * returns every frame in it, each with a fresh payload buffer unmasked while copying, so the source
 * stays pristine between invocations. The draft is in server parse mode and reused, as a connection
 * reuses its own copy.
 */
public final class JavaWebSocketFrameDriver {
    private final Draft_6455 draft = new Draft_6455();
    private final ByteBuffer in;

    /** A driver decoding {@code wire} (masked client frames). */
    public JavaWebSocketFrameDriver(byte[] wire) {
        draft.setParseMode(Role.SERVER);
        this.in = ByteBuffer.wrap(wire);
    }

    /** Decodes the whole wire buffer once; returns the frames decoded. */
    public int decodeAll() throws InvalidDataException {
        in.clear();
        return draft.translateFrame(in).size();
    }

    /** Decodes the whole wire buffer once and digests every binary payload (setup only). */
    public PayloadDigest digestAll() throws InvalidDataException {
        in.clear();
        List<Framedata> frames = draft.translateFrame(in);
        PayloadDigest digest = new PayloadDigest();
        for (Framedata frame : frames) {
            if (frame.getOpcode() != Opcode.BINARY || !frame.isFin()) {
                throw new IllegalStateException("unexpected frame " + frame);
            }
            ByteBuffer payload = frame.getPayloadData();
            digest.add(payload, payload.position(), payload.remaining());
        }
        return digest;
    }
}
