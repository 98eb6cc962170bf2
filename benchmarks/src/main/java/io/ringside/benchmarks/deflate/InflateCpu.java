package io.ringside.benchmarks.deflate;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.zip.DataFormatException;

/**
 * {@link DeflateBenchmark}'s inflate pair measured by the thread's own CPU clock and allocation
 * counter instead of the wall clock, for a machine shared with other work: rounds of
 * {@code messages} inflates through our {@code MessageDecoder} and through {@code java.util.zip}
 * directly (the floor) alternate on one thread, each round timed by
 * {@code ThreadMXBean.getCurrentThreadCpuTime()}, so both see the same caches, clock speed and
 * neighbours. Prints, per payload, the median CPU ns per message of each, their ratio (ours / floor)
 * and the bytes ours allocated per message over all measured rounds. Not JMH: a plain loop after a
 * warm-up.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.ringside.benchmarks.deflate.InflateCpu [rounds]
 * </pre>
 */
public final class InflateCpu {
    private static final int WARMUP_ROUNDS = 100;
    private static final int TARGET_ROUND_BYTES = 4 << 20;
    private static final String[] KINDS = {"text", "protobuf"};
    private static final int[] SIZES = {64, 1024, 65536};

    private InflateCpu() {
    }

    /** Runs every payload; argument: measured rounds per payload (default 200). */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.println("payload          ours ns/msg  floor ns/msg  ours/floor  ours B/msg");
        for (String kind : KINDS) {
            for (int size : SIZES) {
                DeflateBenchmark.Payload p = new DeflateBenchmark.Payload();
                p.kind = kind;
                p.size = size;
                p.setUp();
                int messages = Math.max(1, TARGET_ROUND_BYTES / size / 16);
                for (int i = 0; i < WARMUP_ROUNDS; i++) {
                    ours(p, messages);
                    floor(p, messages);
                }
                long[] ours = new long[rounds];
                long[] floor = new long[rounds];
                long allocated = 0;
                for (int i = 0; i < rounds; i++) {
                    long a0 = threads.getCurrentThreadAllocatedBytes();
                    long t0 = threads.getCurrentThreadCpuTime();
                    ours(p, messages);
                    long t1 = threads.getCurrentThreadCpuTime();
                    allocated += threads.getCurrentThreadAllocatedBytes() - a0;
                    floor(p, messages);
                    long t2 = threads.getCurrentThreadCpuTime();
                    ours[i] = t1 - t0;
                    floor[i] = t2 - t1;
                }
                p.tearDown();
                double oursNs = median(ours) / messages;
                double floorNs = median(floor) / messages;
                System.out.printf("%-8s %6d  %12.0f  %12.0f  %9.2fx  %10.2f%n", kind, size, oursNs, floorNs,
                        oursNs / floorNs, (double) allocated / rounds / messages);
            }
        }
    }

    private static int ours(DeflateBenchmark.Payload p, int messages) {
        int sum = 0;
        for (int i = 0; i < messages; i++) {
            sum += DeflateBenchmark.ringsideInflateOnce(p);
        }
        return check(p, sum, messages);
    }

    private static int floor(DeflateBenchmark.Payload p, int messages) throws DataFormatException {
        int sum = 0;
        for (int i = 0; i < messages; i++) {
            sum += DeflateBenchmark.zipInflateOnce(p);
        }
        return check(p, sum, messages);
    }

    private static int check(DeflateBenchmark.Payload p, int sum, int messages) {
        if (sum != p.size * messages) {
            throw new IllegalStateException("inflated " + sum + " bytes, not " + (long) p.size * messages);
        }
        return sum;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
