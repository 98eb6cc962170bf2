package io.ringside.benchmarks.protocol;

import io.ringside.benchmarks.peers.PayloadDigest;
import io.ringside.protocol.websocket.DecoderConfig;
import io.ringside.protocol.websocket.MessageDecoder;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * {@link FrameDecodeBenchmark}'s small-frame comparison (ours, the minimal reference decoder and the
 * headers-only walk, in cache) measured by the thread's own CPU clock instead of the wall clock, for
 * a machine shared with other work: rounds of each alternate on one thread, each round timed by
 * {@code ThreadMXBean.getCurrentThreadCpuTime()}, so all three see the same caches, clock speed and
 * neighbours. Prints, per payload size, the median CPU ns per frame of each and the ratios to the
 * walk. Not JMH: a plain loop after a warm-up; the same wires and setup checks as the benchmark.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.ringside.benchmarks.protocol.FrameDecodeCpu [rounds] [sizes...]
 * </pre>
 */
public final class FrameDecodeCpu {
    private static final int WARMUP_ROUNDS = 300;
    private static final int FRAMES_PER_ROUND = 1 << 16;

    private FrameDecodeCpu() {
    }

    /** Arguments: measured rounds (default 300), then payload sizes (default 16 128 1024). */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int[] sizes = args.length > 1
                ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {16, 128, 1024};
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.println("payload  ours ns/frame  reference  walk   ours/walk  reference/walk");
        for (int size : sizes) {
            Trial t = new Trial(size);
            for (int i = 0; i < WARMUP_ROUNDS; i++) {
                t.ours();
                t.reference();
                t.walk();
            }
            long[] ours = new long[rounds];
            long[] reference = new long[rounds];
            long[] walk = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long t0 = threads.getCurrentThreadCpuTime();
                t.ours();
                long t1 = threads.getCurrentThreadCpuTime();
                t.reference();
                long t2 = threads.getCurrentThreadCpuTime();
                t.walk();
                long t3 = threads.getCurrentThreadCpuTime();
                ours[i] = t1 - t0;
                reference[i] = t2 - t1;
                walk[i] = t3 - t2;
            }
            t.check();
            double o = median(ours) / t.framesPerRound;
            double r = median(reference) / t.framesPerRound;
            double w = median(walk) / t.framesPerRound;
            System.out.printf("%7d  %13.2f  %9.2f  %5.2f  %8.2fx  %13.2fx%n", size, o, r, w, o / w, r / w);
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** One payload size: the wire, each implementation's copy of it, and the passes per round. */
    private static final class Trial {
        final MaskedWire wire;
        final int passes;
        final long framesPerRound;
        final ByteBuffer buffer;
        final CountingMessageHandler handler = new CountingMessageHandler(null);
        final MessageDecoder decoder;
        final byte[] referenceBytes;
        final ReferenceDecoder referenceDecoder = new ReferenceDecoder(null);
        final byte[] walkBytes;
        long walked;

        Trial(int size) {
            wire = new MaskedWire(size, FrameDecodeBenchmark.SEED);
            passes = Math.max(1, FRAMES_PER_ROUND / wire.frames);
            framesPerRound = (long) passes * wire.frames;
            PayloadDigest digest = new PayloadDigest();
            new MessageDecoder(DecoderConfig.defaults(), new CountingMessageHandler(digest))
                    .decode(ByteBuffer.wrap(wire.bytes.clone()));
            digest.requireEqual(wire.plaintextDigest, "Ringside MessageDecoder");
            buffer = ByteBuffer.wrap(wire.bytes.clone());
            decoder = new MessageDecoder(DecoderConfig.defaults(), handler);
            PayloadDigest referenceDigest = new PayloadDigest();
            new ReferenceDecoder(referenceDigest).decode(wire.bytes.clone(), 0, wire.bytes.length);
            referenceDigest.requireEqual(wire.plaintextDigest, "reference decoder");
            referenceBytes = wire.bytes.clone();
            walkBytes = wire.bytes.clone();
        }

        void ours() {
            for (int p = 0; p < passes; p++) {
                buffer.clear();
                decoder.decode(buffer);
            }
        }

        void reference() {
            for (int p = 0; p < passes; p++) {
                referenceDecoder.decode(referenceBytes, 0, referenceBytes.length);
            }
        }

        void walk() {
            long sum = 0;
            for (int p = 0; p < passes; p++) {
                sum += ReferenceDecoder.walk(walkBytes, 0, walkBytes.length);
            }
            walked += sum;
        }

        /** Every implementation saw every frame of every round (the walk: every payload byte counted). */
        void check() {
            long rounds = handler.frames / framesPerRound;
            if (handler.frames != rounds * framesPerRound || referenceDecoder.frames != handler.frames
                    || walked != handler.frames * wire.payloadSize) {
                throw new IllegalStateException("frames: ours " + handler.frames + ", reference "
                        + referenceDecoder.frames + ", walked bytes " + walked);
            }
        }
    }
}
