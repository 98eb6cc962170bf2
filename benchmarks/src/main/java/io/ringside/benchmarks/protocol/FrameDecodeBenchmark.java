package io.ringside.benchmarks.protocol;

import io.ringside.benchmarks.peers.JavaWebSocketFrameDriver;
import io.ringside.benchmarks.peers.JettyParserDriver;
import io.ringside.benchmarks.peers.NettyFrameDecoderDriver;
import io.ringside.benchmarks.peers.NettyTuning;
import io.ringside.benchmarks.peers.PayloadDigest;
import io.ringside.protocol.websocket.DecoderConfig;
import io.ringside.protocol.websocket.FrameDecoder;
import io.ringside.protocol.websocket.MessageDecoder;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Server-side decoding of masked client binary frames in a buffer kept in cache (at most 256 KiB,
 * decoded again and again without being restored): ours next to Jetty 12, Netty (default settings
 * and tuned), Java-WebSocket, a minimal reference decoder, the headers-only walk and a pure-XOR
 * floor, all fed the same bytes (see {@link MaskedWire}). {@link FrameDecodeColdBenchmark} is the
 * same comparison on a 1 MiB buffer restored before each pass.
 *
 * <p>One operation decodes {@link MaskedWire#FRAMES_PER_OP} frames (one or more passes over one
 * buffer), so the score is ns per frame; payload bytes/s = {@code payloadSize / score}. Each state's
 * setup first checks that its implementation yields the same payloads as the generator (frame
 * count, byte count, CRC-32) and throws otherwise.
 *
 * <p>How the source stays valid across invocations: Netty and Java-WebSocket copy each payload out
 * and unmask the copy, so their source is never modified. Ours ({@link MessageDecoder}) and the
 * in-place floor unmask in place; since XOR with the same key is an involution and the frame headers
 * (with their keys) are untouched, the next pass re-masks what the previous one unmasked. Every pass
 * does identical work on a valid buffer and no restore copy is needed (binary frames: the payload
 * content is not inspected). The copying variants show the cost of the one copy on the real inbound
 * path (into a ring slot).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(MaskedWire.FRAMES_PER_OP)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameDecodeBenchmark {
    static final long SEED = 6455L;
    static final int MAX_FRAME_PAYLOAD = 1 << 20;

    /** Ours, production path: {@link MessageDecoder}, server role, unmasking in place. */
    @Benchmark
    public long ringsideMessageDecoder(RingsideInPlace s) {
        for (int p = 0; p < s.passes; p++) {
            s.buffer.clear();
            s.decoder.decode(s.buffer);
        }
        return s.handler.frames;
    }

    /** Ours, lower level: {@link FrameDecoder} with each payload unmasked while copied into a slot. */
    @Benchmark
    public long ringsideFrameDecoderCopy(RingsideCopy s) {
        for (int p = 0; p < s.passes; p++) {
            s.buffer.clear();
            s.decoder.decode(s.buffer, s.handler);
        }
        return s.handler.frames + s.handler.lastByte();
    }

    /** Breakdown of ours, for diagnosis: {@link FrameDecoder} alone, payload not touched. */
    @Benchmark
    public long ringsideFrameDecoderOnly(RingsideHeadersOnly s) {
        for (int p = 0; p < s.passes; p++) {
            s.buffer.clear();
            s.decoder.decode(s.buffer, s.handler);
        }
        return s.handler.frames + s.handler.bytes;
    }

    /** Breakdown of ours, for diagnosis: {@link FrameDecoder} + in-place unmask, no message layer. */
    @Benchmark
    public long ringsideFrameDecoderUnmask(RingsideUnmaskInPlace s) {
        for (int p = 0; p < s.passes; p++) {
            s.buffer.clear();
            s.decoder.decode(s.buffer, s.handler);
        }
        return s.handler.frames;
    }

    /** Netty 4.2 {@code WebSocket08FrameDecoder}; each frame released. */
    @Benchmark
    public long netty(NettyState s) throws Exception {
        long frames = 0;
        for (int p = 0; p < s.passes; p++) {
            frames += s.driver.decodeAll();
        }
        return frames;
    }

    /** Netty 4.2 tuned as in production: leak detection disabled, allocator {@code nettyAllocator}. */
    @Benchmark
    public long nettyTuned(NettyTunedState s) throws Exception {
        long frames = 0;
        for (int p = 0; p < s.passes; p++) {
            frames += s.driver.decodeAll();
        }
        return frames;
    }

    /** Jetty 12 websocket-core {@code Parser}, unmasking in place like ours. */
    @Benchmark
    public long jetty(JettyState s) {
        long bytes = 0;
        for (int p = 0; p < s.passes; p++) {
            s.buffer.clear();
            bytes += s.driver.decodeAll(s.buffer);
        }
        return bytes;
    }

    /** Minimal reference decoder: header, one check, unmask in place, hand-over; see {@link ReferenceDecoder}. */
    @Benchmark
    public long reference(ReferenceState s) {
        for (int p = 0; p < s.passes; p++) {
            s.decoder.decode(s.bytes, 0, s.bytes.length);
        }
        return s.decoder.frames + s.decoder.lastByte;
    }

    /** The headers-only walk: lengths read, mask keys and payloads jumped over; see {@link ReferenceDecoder}. */
    @Benchmark
    public long headersWalk(ReferenceState s) {
        long sum = 0;
        for (int p = 0; p < s.passes; p++) {
            sum += ReferenceDecoder.walk(s.bytes, 0, s.bytes.length);
        }
        return sum;
    }

    /** Java-WebSocket 1.6 {@code Draft_6455.translateFrame}. */
    @Benchmark
    public long javaWebSocket(JavaWebSocketState s) throws Exception {
        long frames = 0;
        for (int p = 0; p < s.passes; p++) {
            frames += s.driver.decodeAll();
        }
        return frames;
    }

    /** Floor: XOR every payload in place with a long mask; payload positions known in advance. */
    @Benchmark
    public int floorUnmaskInPlace(FloorState s) {
        byte[] a = s.bytes;
        int[] offsets = s.wire.payloadOffsets;
        int[] keys = s.wire.maskKeys;
        int size = s.wire.payloadSize;
        for (int p = 0; p < s.passes; p++) {
            for (int f = 0; f < offsets.length; f++) {
                XorFloor.unmaskInPlace(a, offsets[f], size, keys[f]);
            }
        }
        return a[a.length - 1];
    }

    /** Floor with the copy: XOR every payload into one reused slot-sized array. */
    @Benchmark
    public int floorUnmaskCopy(FloorState s) {
        byte[] a = s.bytes;
        int[] offsets = s.wire.payloadOffsets;
        int[] keys = s.wire.maskKeys;
        int size = s.wire.payloadSize;
        for (int p = 0; p < s.passes; p++) {
            for (int f = 0; f < offsets.length; f++) {
                XorFloor.unmaskCopy(a, offsets[f], size, keys[f], s.slot);
            }
        }
        return s.slot[size - 1];
    }

    /** The wire bytes for one payload size; subclasses build one implementation on them. */
    @State(Scope.Thread)
    public abstract static class WireState {
        /** Payload bytes per frame. */
        @Param({"16", "128", "1024", "65536"})
        public int payloadSize;

        MaskedWire wire;
        int passes;

        /** Generates the wire, then builds and verifies the implementation. */
        @Setup(Level.Trial)
        public final void setUp() throws Exception {
            wire = new MaskedWire(payloadSize, SEED);
            passes = wire.passes;
            prepare();
        }

        abstract void prepare() throws Exception;
    }

    /** Our {@link MessageDecoder} over a heap or direct buffer. */
    @State(Scope.Thread)
    public static class RingsideInPlace extends WireState {
        /** {@code heap} or {@code direct} receive buffer. */
        @Param({"heap"})
        public String bufferKind;

        ByteBuffer buffer;
        MessageDecoder decoder;
        final CountingMessageHandler handler = new CountingMessageHandler(null);

        @Override
        void prepare() {
            PayloadDigest digest = new PayloadDigest();
            new MessageDecoder(DecoderConfig.defaults(), new CountingMessageHandler(digest))
                    .decode(buffer(wire.bytes));
            digest.requireEqual(wire.plaintextDigest, "Ringside MessageDecoder");
            buffer = buffer(wire.bytes);
            decoder = new MessageDecoder(DecoderConfig.defaults(), handler);
        }

        private ByteBuffer buffer(byte[] bytes) {
            ByteBuffer b;
            if ("direct".equals(bufferKind)) {
                b = ByteBuffer.allocateDirect(bytes.length);
            } else if ("heap".equals(bufferKind)) {
                b = ByteBuffer.allocate(bytes.length);
            } else {
                throw new IllegalArgumentException("bufferKind=" + bufferKind + " (heap or direct)");
            }
            return b.put(bytes).clear();
        }
    }

    /** Our {@link FrameDecoder} and {@link SlotCopyFrameHandler} on a pristine heap buffer. */
    @State(Scope.Thread)
    public static class RingsideCopy extends WireState {
        ByteBuffer buffer;
        FrameDecoder decoder;
        SlotCopyFrameHandler handler;

        @Override
        void prepare() {
            PayloadDigest digest = new PayloadDigest();
            new FrameDecoder(DecoderConfig.defaults()).decode(ByteBuffer.wrap(wire.bytes.clone()),
                    new SlotCopyFrameHandler(Math.max(1, payloadSize), digest));
            digest.requireEqual(wire.plaintextDigest, "Ringside FrameDecoder + Masking.unmaskCopy");
            buffer = ByteBuffer.wrap(wire.bytes.clone());
            decoder = new FrameDecoder(DecoderConfig.defaults());
            handler = new SlotCopyFrameHandler(Math.max(1, payloadSize), null);
        }
    }

    /** Our {@link FrameDecoder} with a handler that only counts. */
    @State(Scope.Thread)
    public static class RingsideHeadersOnly extends WireState {
        ByteBuffer buffer;
        FrameDecoder decoder;
        final CountingFrameHandler handler = new CountingFrameHandler();

        @Override
        void prepare() {
            buffer = ByteBuffer.wrap(wire.bytes.clone());
            decoder = new FrameDecoder(DecoderConfig.defaults());
            CountingFrameHandler check = new CountingFrameHandler();
            decoder.decode(buffer, check);
            if (check.frames != wire.frames || check.bytes != (long) wire.frames * payloadSize) {
                throw new IllegalStateException("FrameDecoder counted " + check.frames + " frames");
            }
        }
    }

    /** Our {@link FrameDecoder} unmasking in place with {@code Masking} or with the floor's loop. */
    @State(Scope.Thread)
    public static class RingsideUnmaskInPlace extends WireState {
        /** {@code masking} ({@code Masking.unmask}), {@code floorXor} or {@code chunked} ({@link XorFloor}). */
        @Param({"masking", "floorXor"})
        public String unmasker;

        /** {@code heap} or {@code direct} ({@code floorXor} needs heap). */
        @Param({"heap"})
        public String bufferKind;

        ByteBuffer buffer;
        FrameDecoder decoder;
        InPlaceUnmaskFrameHandler handler;

        @Override
        void prepare() {
            boolean direct = "direct".equals(bufferKind);
            if (!"masking".equals(unmasker) && !"chunked".equals(unmasker)
                    && !("floorXor".equals(unmasker) && !direct)) {
                throw new IllegalArgumentException("unmasker=" + unmasker + " bufferKind=" + bufferKind);
            }
            buffer = (direct ? ByteBuffer.allocateDirect(wire.bytes.length) : ByteBuffer.allocate(wire.bytes.length))
                    .put(wire.bytes).clear();
            decoder = new FrameDecoder(DecoderConfig.defaults());
            handler = new InPlaceUnmaskFrameHandler(unmasker);
            PayloadDigest digest = new PayloadDigest();
            ByteBuffer check = buffer.duplicate();
            decoder.decode(check, handler);
            for (int f = 0; f < wire.frames; f++) {
                digest.add(buffer, wire.payloadOffsets[f], payloadSize);
            }
            digest.requireEqual(wire.plaintextDigest, "FrameDecoder + " + unmasker);
            buffer.clear();
        }
    }

    /** Netty's decoder on its own pristine copy of the wire. */
    @State(Scope.Thread)
    public static class NettyState extends WireState {
        NettyFrameDecoderDriver driver;

        @Override
        void prepare() throws Exception {
            driver = new NettyFrameDecoderDriver(wire.bytes.clone(), MAX_FRAME_PAYLOAD);
            driver.digestAll().requireEqual(wire.plaintextDigest, "Netty WebSocket08FrameDecoder");
        }
    }

    /** Netty tuned (see {@link NettyTuning}) on its own pristine copy of the wire. */
    @State(Scope.Thread)
    public static class NettyTunedState extends WireState {
        /** {@code adaptive} (Netty 4.2's default), {@code pooledHeap} or {@code unpooledHeap}. */
        @Param({"adaptive"})
        public String nettyAllocator;

        NettyFrameDecoderDriver driver;

        @Override
        void prepare() throws Exception {
            driver = new NettyFrameDecoderDriver(wire.bytes.clone(), MAX_FRAME_PAYLOAD,
                    NettyTuning.tuned(nettyAllocator));
            driver.digestAll().requireEqual(wire.plaintextDigest, "Netty tuned WebSocket08FrameDecoder");
        }
    }

    /** Jetty's parser on its own copy of the wire (kept valid by the involution, as ours). */
    @State(Scope.Thread)
    public static class JettyState extends WireState {
        ByteBuffer buffer;
        JettyParserDriver driver;

        @Override
        void prepare() {
            new JettyParserDriver(MAX_FRAME_PAYLOAD).digestAll(ByteBuffer.wrap(wire.bytes.clone()))
                    .requireEqual(wire.plaintextDigest, "Jetty Parser");
            buffer = ByteBuffer.wrap(wire.bytes.clone());
            driver = new JettyParserDriver(MAX_FRAME_PAYLOAD);
        }
    }

    /** The reference decoder's and the walk's copy of the wire. */
    @State(Scope.Thread)
    public static class ReferenceState extends WireState {
        byte[] bytes;
        ReferenceDecoder decoder;

        @Override
        void prepare() {
            PayloadDigest digest = new PayloadDigest();
            new ReferenceDecoder(digest).decode(wire.bytes.clone(), 0, wire.bytes.length);
            digest.requireEqual(wire.plaintextDigest, "reference decoder");
            bytes = wire.bytes.clone();
            if (ReferenceDecoder.walk(bytes, 0, bytes.length) != (long) wire.frames * payloadSize) {
                throw new IllegalStateException("headers walk lost frames");
            }
            decoder = new ReferenceDecoder(null);
        }
    }

    /** Java-WebSocket's draft on its own pristine copy of the wire. */
    @State(Scope.Thread)
    public static class JavaWebSocketState extends WireState {
        JavaWebSocketFrameDriver driver;

        @Override
        void prepare() throws Exception {
            driver = new JavaWebSocketFrameDriver(wire.bytes.clone());
            driver.digestAll().requireEqual(wire.plaintextDigest, "Java-WebSocket Draft_6455");
        }
    }

    /** The floor's own copy of the wire and a slot to copy into. */
    @State(Scope.Thread)
    public static class FloorState extends WireState {
        byte[] bytes;
        byte[] slot;

        @Override
        void prepare() {
            bytes = wire.bytes.clone();
            slot = new byte[Math.max(1, payloadSize)];
            PayloadDigest inPlace = new PayloadDigest();
            PayloadDigest copied = new PayloadDigest();
            byte[] scratch = wire.bytes.clone();
            for (int f = 0; f < wire.frames; f++) {
                XorFloor.unmaskCopy(wire.bytes, wire.payloadOffsets[f], payloadSize, wire.maskKeys[f], slot);
                copied.add(slot, 0, payloadSize);
                XorFloor.unmaskInPlace(scratch, wire.payloadOffsets[f], payloadSize, wire.maskKeys[f]);
                inPlace.add(scratch, wire.payloadOffsets[f], payloadSize);
            }
            copied.requireEqual(wire.plaintextDigest, "floor unmask-copy");
            inPlace.requireEqual(wire.plaintextDigest, "floor unmask in place");
        }
    }
}
