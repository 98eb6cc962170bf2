package io.ringside.benchmarks.protocol;

import io.ringside.protocol.http.UpgradeRequest;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * {@link HandshakeBenchmark}'s floor, codec path ({@code ringside}) and engine path ({@code engine}),
 * plus the codec's parse alone and parse with validation (the breakdown of {@code ringsideParseOnly}
 * and {@code ringsideParseValidate}), measured by the thread's own CPU clock and allocation counter
 * instead of the wall clock, for a machine shared with other work: rounds of
 * {@value #HANDSHAKES_PER_ROUND} handshakes of each alternate on one thread, each round timed by
 * {@code ThreadMXBean.getCurrentThreadCpuTime()}, so all of them see the same caches, clock speed and
 * neighbours. Prints, per request, the median and the lowest-quartile CPU ns per handshake of each,
 * their ratios to the floor, and the bytes each
 * allocated per handshake over all measured rounds. Not JMH: a plain loop after a warm-up. Run it
 * with a fixed, pre-touched heap, as a server runs: otherwise the engine path, which allocates a
 * connection per handshake, pays the kernel's first touch of every new heap page as the heap grows.
 *
 * <pre>
 * java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar \
 *     io.ringside.benchmarks.protocol.HandshakeCpu [rounds]
 * </pre>
 */
public final class HandshakeCpu {
    private static final int WARMUP_ROUNDS = 300;
    private static final int HANDSHAKES_PER_ROUND = 2_000;
    private static final String[] REQUESTS = {"rfc", "browser"};
    private static final String[] NAMES = {"floor", "codec", "engine", "parse", "parse+validate"};
    private static final int KINDS = NAMES.length;

    private HandshakeCpu() {
    }

    /** Runs both requests; argument: measured rounds per request (default 300). */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.println("request  impl     median ns  p25 ns  /floor (median, p25)  B/handshake");
        for (String request : REQUESTS) {
            HandshakeBenchmark.FloorState floor = new HandshakeBenchmark.FloorState();
            HandshakeBenchmark.RingsideState codec = new HandshakeBenchmark.RingsideState();
            HandshakeBenchmark.EngineState engine = new HandshakeBenchmark.EngineState();
            floor.request = request;
            codec.request = request;
            engine.request = request;
            floor.setUp();
            codec.setUp();
            engine.setUp();
            long sink = 0;
            for (int i = 0; i < WARMUP_ROUNDS; i++) {
                for (int kind = 0; kind < KINDS; kind++) {
                    sink += round(kind, floor, codec, engine);
                }
            }
            long[][] cpu = new long[KINDS][rounds];
            long[] allocated = new long[KINDS];
            for (int i = 0; i < rounds; i++) {
                for (int kind = 0; kind < KINDS; kind++) {
                    long a0 = threads.getCurrentThreadAllocatedBytes();
                    long t0 = threads.getCurrentThreadCpuTime();
                    sink += round(kind, floor, codec, engine);
                    cpu[kind][i] = threads.getCurrentThreadCpuTime() - t0;
                    allocated[kind] += threads.getCurrentThreadAllocatedBytes() - a0;
                }
            }
            double floorMedian = perHandshake(cpu[0], 2);
            double floorLow = perHandshake(cpu[0], 4);
            for (int kind = 0; kind < KINDS; kind++) {
                double median = perHandshake(cpu[kind], 2);
                double low = perHandshake(cpu[kind], 4);
                System.out.printf("%-8s %-8s %9.1f %7.1f  %5.2fx %5.2fx        %8.1f%n", request, NAMES[kind], median,
                        low, median / floorMedian, low / floorLow,
                        allocated[kind] / (double) rounds / HANDSHAKES_PER_ROUND);
            }
            if (sink == 42) {
                System.out.println();
            }
        }
    }

    private static long round(int kind, HandshakeBenchmark.FloorState floor, HandshakeBenchmark.RingsideState codec,
                              HandshakeBenchmark.EngineState engine) throws Exception {
        long sum = 0;
        for (int i = 0; i < HANDSHAKES_PER_ROUND; i++) {
            sum += switch (kind) {
                case 0 -> floor.accept();
                case 1 -> codec.handshake();
                case 2 -> engine.driver.handshake();
                case 3 -> codec.parse().headerCount();
                default -> {
                    UpgradeRequest request = codec.parse();
                    request.validateWebSocketUpgrade();
                    yield request.headerCount();
                }
            };
        }
        return sum;
    }

    /** The round time at {@code 1 / fraction} of the sorted rounds (2: median, 4: lower quartile), per handshake. */
    private static double perHandshake(long[] rounds, int fraction) {
        long[] sorted = rounds.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / fraction] / (double) HANDSHAKES_PER_ROUND;
    }
}
