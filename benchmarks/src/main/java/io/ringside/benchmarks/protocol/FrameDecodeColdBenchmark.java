package io.ringside.benchmarks.protocol;

import io.ringside.benchmarks.peers.JettyParserDriver;
import io.ringside.benchmarks.peers.NettyFrameDecoderDriver;
import io.ringside.benchmarks.peers.NettyTuning;
import io.ringside.benchmarks.peers.PayloadDigest;
import io.ringside.protocol.websocket.DecoderConfig;
import io.ringside.protocol.websocket.MessageDecoder;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Server-side decoding of masked client binary frames out of a 1 MiB receive buffer restored from a
 * pristine copy before each invocation (outside the timing), so that every invocation decodes
 * freshly masked bytes that are not in L1: the realistic case, where a socket read has just filled the buffer.
 * {@link FrameDecodeBenchmark} is the in-cache case.
 *
 * <p>One invocation decodes the whole buffer: as many frames of {@code payloadSize} as fit in
 * 1 MiB (47,662 at 16 B, 15 at 64 KiB). The primary score is ns per buffer; the secondary
 * {@code frames} score is <b>ns per frame</b>, the figure to compare. Each state's setup checks that its
 * implementation yields the generator's payloads (frame count, byte count, CRC-32 over every
 * payload byte) and throws otherwise.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameDecodeColdBenchmark {
    static final int WIRE_BYTES = 1 << 20;

    /** Ours, production path: {@link MessageDecoder}, unmasking in place, a view handed over. */
    @Benchmark
    public long ringsideMessageDecoder(RingsideState s, Frames f) {
        s.buffer.clear();
        s.decoder.decode(s.buffer);
        f.frames += s.wire.frames;
        return s.handler.frames;
    }

    /** Netty 4.2 tuned: leak detection disabled, allocator {@code nettyAllocator}. */
    @Benchmark
    public long nettyTuned(NettyTunedState s, Frames f) throws Exception {
        f.frames += s.wire.frames;
        return s.driver.decodeAll();
    }

    /** Jetty 12 websocket-core {@code Parser}, unmasking in place. */
    @Benchmark
    public long jetty(JettyState s, Frames f) {
        s.buffer.clear();
        f.frames += s.wire.frames;
        return s.driver.decodeAll(s.buffer);
    }

    /** Minimal reference decoder ({@link ReferenceDecoder#decode}). */
    @Benchmark
    public long reference(ReferenceState s, Frames f) {
        f.frames += s.wire.frames;
        return s.decoder.decode(s.work, 0, s.work.length) + s.decoder.lastByte;
    }

    /** The headers-only walk ({@link ReferenceDecoder#walk}). */
    @Benchmark
    public long headersWalk(ReferenceState s, Frames f) {
        f.frames += s.wire.frames;
        return ReferenceDecoder.walk(s.work, 0, s.work.length);
    }

    /** Floor: XOR every payload in place, positions known in advance. */
    @Benchmark
    public int floorUnmaskInPlace(ReferenceState s, Frames f) {
        byte[] a = s.work;
        int[] offsets = s.wire.payloadOffsets;
        int[] keys = s.wire.maskKeys;
        int size = s.wire.payloadSize;
        for (int i = 0; i < offsets.length; i++) {
            XorFloor.unmaskInPlace(a, offsets[i], size, keys[i]);
        }
        f.frames += s.wire.frames;
        return a[a.length - 1];
    }

    /** Frames decoded: JMH reports time per frame as the secondary score {@code frames}. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Frames {
        /** Frames decoded in this iteration. */
        public long frames;

        /** JMH does not reset auxiliary counters itself. */
        @Setup(Level.Iteration)
        public void reset() {
            frames = 0;
        }
    }

    /** The 1 MiB wire, a working copy restored before each invocation, and one implementation on it. */
    @State(Scope.Thread)
    public abstract static class ColdWire {
        /** Payload bytes per frame. */
        @Param({"16", "128", "1024", "65536"})
        public int payloadSize;

        MaskedWire wire;
        byte[] work;

        /** Generates the wire, then builds and verifies the implementation on a fresh copy. */
        @Setup(Level.Trial)
        public final void setUp() throws Exception {
            wire = MaskedWire.filling(payloadSize, FrameDecodeBenchmark.SEED, WIRE_BYTES);
            work = wire.bytes.clone();
            prepare();
        }

        /** Puts the masked bytes back: every invocation decodes what a socket read would have left. */
        @Setup(Level.Invocation)
        public final void restore() {
            System.arraycopy(wire.bytes, 0, work, 0, work.length);
        }

        abstract void prepare() throws Exception;
    }

    /** Our {@link MessageDecoder} on a heap buffer over the working copy. */
    public static class RingsideState extends ColdWire {
        ByteBuffer buffer;
        MessageDecoder decoder;
        final CountingMessageHandler handler = new CountingMessageHandler(null);

        @Override
        void prepare() {
            PayloadDigest digest = new PayloadDigest();
            new MessageDecoder(DecoderConfig.defaults(), new CountingMessageHandler(digest))
                    .decode(ByteBuffer.wrap(wire.bytes.clone()));
            digest.requireEqual(wire.plaintextDigest, "Ringside MessageDecoder");
            buffer = ByteBuffer.wrap(work);
            decoder = new MessageDecoder(DecoderConfig.defaults(), handler);
        }
    }

    /** Netty tuned on the working copy (which it only reads). */
    public static class NettyTunedState extends ColdWire {
        /** {@code adaptive} (Netty 4.2's default), {@code pooledHeap} or {@code unpooledHeap}. */
        @Param({"adaptive"})
        public String nettyAllocator;

        NettyFrameDecoderDriver driver;

        @Override
        void prepare() throws Exception {
            driver = new NettyFrameDecoderDriver(work, FrameDecodeBenchmark.MAX_FRAME_PAYLOAD,
                    NettyTuning.tuned(nettyAllocator));
            driver.digestAll().requireEqual(wire.plaintextDigest, "Netty tuned WebSocket08FrameDecoder");
        }
    }

    /** Jetty's parser on a heap buffer over the working copy. */
    public static class JettyState extends ColdWire {
        ByteBuffer buffer;
        JettyParserDriver driver;

        @Override
        void prepare() {
            new JettyParserDriver(FrameDecodeBenchmark.MAX_FRAME_PAYLOAD).digestAll(ByteBuffer.wrap(wire.bytes.clone()))
                    .requireEqual(wire.plaintextDigest, "Jetty Parser");
            buffer = ByteBuffer.wrap(work);
            driver = new JettyParserDriver(FrameDecodeBenchmark.MAX_FRAME_PAYLOAD);
        }
    }

    /** The reference decoder, the walk and the floor on the working copy. */
    public static class ReferenceState extends ColdWire {
        ReferenceDecoder decoder;

        @Override
        void prepare() {
            PayloadDigest digest = new PayloadDigest();
            new ReferenceDecoder(digest).decode(wire.bytes.clone(), 0, wire.bytes.length);
            digest.requireEqual(wire.plaintextDigest, "reference decoder");
            if (ReferenceDecoder.walk(work, 0, work.length) != (long) wire.frames * payloadSize) {
                throw new IllegalStateException("headers walk lost frames");
            }
            decoder = new ReferenceDecoder(null);
        }
    }
}
