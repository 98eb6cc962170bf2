package io.ringside.benchmarks.peers;

import java.nio.ByteBuffer;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.internal.Parser;

/**
 * Jetty 12's websocket-core frame {@link Parser} (the one its {@code WebSocketConnection} calls on
 * every read), driven on one buffer: {@code parse(buffer)} in a loop, each returned frame closed as
 * the connection does once its handler is done with it.
 *
 * <p>Server settings: frames up to {@code maxFramePayload}, no auto-fragmenting, a non-pooling
 * buffer pool (only a payload split across reads is aggregated, which never happens here). A frame
 * whose payload is wholly in the buffer comes back as a slice of it, unmasked in place, so the source
 * is modified like ours: XOR with the same key is an involution, and each pass over a buffer that
 * is not restored re-masks what the previous one unmasked.
 */
public final class JettyParserDriver {
    private final Parser parser;

    /** A parser for masked client frames of at most {@code maxFramePayload} bytes. */
    public JettyParserDriver(int maxFramePayload) {
        Configuration.ConfigurationCustomizer config = new Configuration.ConfigurationCustomizer();
        config.setMaxFrameSize(maxFramePayload);
        config.setAutoFragment(false);
        config.setMaxBinaryMessageSize(maxFramePayload);
        this.parser = new Parser(ByteBufferPool.NON_POOLING, config);
    }

    /** Parses every frame of {@code in} (position to limit); returns the payload bytes handed over. */
    public long decodeAll(ByteBuffer in) {
        long bytes = 0;
        Frame.Parsed frame;
        while ((frame = parser.parse(in)) != null) {
            bytes += frame.getPayloadLength();
            frame.close();
        }
        return bytes;
    }

    /** Parses every frame of {@code in} and digests every binary payload (setup only). */
    public PayloadDigest digestAll(ByteBuffer in) {
        PayloadDigest digest = new PayloadDigest();
        Frame.Parsed frame;
        while ((frame = parser.parse(in)) != null) {
            if (frame.getOpCode() != OpCode.BINARY || !frame.isFin()) {
                throw new IllegalStateException("unexpected frame " + frame);
            }
            ByteBuffer payload = frame.getPayload();
            digest.add(payload, payload.position(), payload.remaining());
            frame.close();
        }
        return digest;
    }
}
