package io.ringside.benchmarks.deflate;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionData;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtension;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import io.ringside.protocol.websocket.DecoderConfig;
import io.ringside.protocol.websocket.FrameEncoder;
import io.ringside.protocol.websocket.InflaterPool;
import io.ringside.protocol.websocket.MessageDecoder;
import io.ringside.protocol.websocket.MessageDeflater;
import io.ringside.protocol.websocket.MessageHandler;
import io.ringside.protocol.websocket.Opcode;
import io.ringside.protocol.websocket.Role;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * permessage-deflate cost per message, without context takeover (each message on its own, the way a
 * broadcast is compressed once for everyone), level 6: ours against {@code java.util.zip} used
 * directly (the floor: the same zlib calls and nothing else) and Netty 4.2's
 * {@code PerMessageDeflateServerExtensionHandshaker} codec, on the same payloads.
 *
 * <p>Compress: ours is {@link MessageDeflater} plus the frame header (what the transport does per
 * message); Netty's is its extension encoder on a {@link BinaryWebSocketFrame} in an
 * {@link EmbeddedChannel}. Inflate: ours is a {@link MessageDecoder} that negotiated deflate taking
 * one compressed frame (client role: unmasked); Netty's is its extension decoder. Each state checks
 * in {@code @Setup} that every implementation round-trips the payload.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DeflateBenchmark {
    private static final int LEVEL = 6;
    private static final FrameEncoder SERVER = new FrameEncoder(Role.SERVER);

    /** Inputs and every implementation's state. */
    @State(Scope.Thread)
    public static class Payload {
        @Param({"64", "1024", "65536"})
        int size;

        @Param({"text", "protobuf"})
        String kind;

        byte[] plain;
        ByteBuffer plainBuffer;
        byte[] out;
        ByteBuffer outBuffer;
        byte[] compressed;
        byte[] compressedWithTail;
        ByteBuffer frame;
        Deflater zipDeflater;
        Inflater zipInflater;
        MessageDeflater deflater;
        MessageDecoder decoder;
        LengthHandler handler;
        EmbeddedChannel nettyEncoder;
        EmbeddedChannel nettyDecoder;
        ByteBuf nettyPlain;
        ByteBuf nettyCompressed;

        @Setup
        public void setUp() throws Exception {
            plain = DeflatePayloads.of(kind, size);
            plainBuffer = ByteBuffer.wrap(plain);
            out = new byte[FrameEncoder.MAX_HEADER_BYTES + MessageDeflater.maxCompressedBytes(size)];
            outBuffer = ByteBuffer.wrap(out);
            zipDeflater = new Deflater(LEVEL, true);
            zipInflater = new Inflater(true);
            deflater = new MessageDeflater(LEVEL, false);
            int n = deflater.deflate(plainBuffer, 0, size, out, 0, out.length);
            compressed = Arrays.copyOf(out, n);
            compressedWithTail = Arrays.copyOf(compressed, n + 4);
            compressedWithTail[n + 2] = (byte) 0xFF;
            compressedWithTail[n + 3] = (byte) 0xFF;
            frame = ByteBuffer.allocate(FrameEncoder.MAX_HEADER_BYTES + n);
            new FrameEncoder(Role.SERVER).writeHeader(frame, true, Opcode.BINARY, n);
            frame.put(compressed).flip();
            frame.put(0, (byte) (frame.get(0) | 0x40));
            handler = new LengthHandler();
            decoder = new MessageDecoder(DecoderConfig.builder().role(Role.CLIENT).maxMessageBytes(1 << 20).build(),
                    handler, new InflaterPool(1), false);
            WebSocketServerExtension netty =
                    new PerMessageDeflateServerExtensionHandshaker(LEVEL, false, 15, true, true, 1 << 20)
                    .handshakeExtension(new WebSocketExtensionData("permessage-deflate",
                            Map.of("server_no_context_takeover", "", "client_no_context_takeover", "")));
            nettyEncoder = new EmbeddedChannel(netty.newExtensionEncoder());
            nettyDecoder = new EmbeddedChannel(netty.newExtensionDecoder());
            nettyPlain = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(plain));
            nettyCompressed = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(compressed));
            verify();
        }

        private void verify() throws DataFormatException {
            if (zipDeflateOnce(this) != compressed.length + 4 || zipInflateOnce(this) != size) {
                throw new IllegalStateException("java.util.zip does not round-trip " + kind + " " + size);
            }
            if (ringsideInflateOnce(this) != size) {
                throw new IllegalStateException("MessageDecoder inflated " + handler.length + " bytes, not " + size);
            }
            if (nettyInflateOnce(this) != size || nettyDeflateOnce(this) <= 0) {
                throw new IllegalStateException("Netty does not round-trip " + kind + " " + size);
            }
        }

        @TearDown
        public void tearDown() {
            nettyEncoder.finishAndReleaseAll();
            nettyDecoder.finishAndReleaseAll();
            zipDeflater.end();
            zipInflater.end();
            deflater.end();
        }
    }

    /** Keeps the length of the last message, so that nothing is optimised away. */
    static final class LengthHandler implements MessageHandler {
        int length;

        @Override
        public void onText(ByteBuffer buffer, int offset, int length) {
            this.length = length;
        }

        @Override
        public void onBinary(ByteBuffer buffer, int offset, int length) {
            this.length = length;
        }

        @Override
        public void onPing(ByteBuffer buffer, int offset, int length) {
        }

        @Override
        public void onPong(ByteBuffer buffer, int offset, int length) {
        }

        @Override
        public void onClose(int code, ByteBuffer buffer, int reasonOffset, int reasonLength) {
        }
    }

    /** Floor: raw deflate with a sync flush, then a reset, straight on java.util.zip. */
    @Benchmark
    public int zipDeflate(Payload p) {
        return zipDeflateOnce(p);
    }

    static int zipDeflateOnce(Payload p) {
        Deflater d = p.zipDeflater;
        d.setInput(p.plain);
        int n = d.deflate(p.out, 0, p.out.length, Deflater.SYNC_FLUSH);
        d.reset();
        return n;
    }

    /** Ours: {@link MessageDeflater} (tail stripped) and the frame header, as the transport sends it. */
    @Benchmark
    public int ringsideDeflate(Payload p) {
        byte[] out = p.out;
        int room = FrameEncoder.headerLength(p.size, false);
        int n = p.deflater.deflate(p.plainBuffer, 0, p.size, out, room, out.length - room);
        ByteBuffer head = p.outBuffer.clear();
        SERVER.writeHeader(head, true, Opcode.BINARY, n);
        if (head.position() < room) {
            System.arraycopy(out, room, out, head.position(), n);
        }
        out[0] |= 0x40;
        return head.position() + n;
    }

    /** Netty 4.2: its permessage-deflate encoder on one binary frame. */
    @Benchmark
    public int nettyDeflate(Payload p) {
        return nettyDeflateOnce(p);
    }

    /** Floor: raw inflate of the message and the appended tail, then a reset. */
    @Benchmark
    public int zipInflate(Payload p) throws DataFormatException {
        return zipInflateOnce(p);
    }

    static int zipInflateOnce(Payload p) throws DataFormatException {
        Inflater i = p.zipInflater;
        i.setInput(p.compressedWithTail);
        int n = i.inflate(p.out, 0, p.out.length);
        i.reset();
        return n;
    }

    /** Ours: one compressed frame through a {@link MessageDecoder} that negotiated deflate. */
    @Benchmark
    public int ringsideInflate(Payload p) {
        return ringsideInflateOnce(p);
    }

    /** Netty 4.2: its permessage-deflate decoder on one compressed binary frame. */
    @Benchmark
    public int nettyInflate(Payload p) {
        return nettyInflateOnce(p);
    }

    static int ringsideInflateOnce(Payload p) {
        p.frame.position(0);
        p.decoder.decode(p.frame);
        return p.handler.length;
    }

    static int nettyDeflateOnce(Payload p) {
        p.nettyEncoder.writeOutbound(new BinaryWebSocketFrame(true, 0, p.nettyPlain.retainedDuplicate()));
        WebSocketFrame frame = p.nettyEncoder.readOutbound();
        int n = frame.content().readableBytes();
        frame.release();
        return n;
    }

    static int nettyInflateOnce(Payload p) {
        p.nettyDecoder.writeInbound(new BinaryWebSocketFrame(true, 4, p.nettyCompressed.retainedDuplicate()));
        WebSocketFrame frame = p.nettyDecoder.readInbound();
        int n = frame.content().readableBytes();
        frame.release();
        return n;
    }
}
