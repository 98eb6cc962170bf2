package io.ringside.benchmarks.state;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * The {@link StateReplicationBenchmark} shard tick measured by the thread's own CPU clock and
 * allocation counter instead of the wall clock: per tick, the CPU time the benchmark thread spent
 * (p50/p90/p99/max) and the bytes it allocated. On a shared machine the wall-clock tail is other
 * processes' time slices; the thread's CPU time is the replication's own cost. Not JMH: a plain
 * loop after a warm-up.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.ringside.benchmarks.state.StateReplicationCpu [players roomSize radius]
 * </pre>
 */
public final class StateReplicationCpu {
    private static final int WARMUP_TICKS = 6000;
    private static final int MEASURED_TICKS = 6000;

    private StateReplicationCpu() {
    }

    /** Runs one scenario: arguments players, room size, view radius (default 1000 50 0). */
    public static void main(String[] args) {
        StateReplicationBenchmark shard = new StateReplicationBenchmark();
        shard.players = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        shard.roomSize = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        shard.viewRadius = args.length > 2 ? Float.parseFloat(args[2]) : 0;
        shard.setUp();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < WARMUP_TICKS; i++) {
            // the clock is read in the warm-up too: its first calls allocate (960 B), the ticks do not
            threads.getCurrentThreadCpuTime();
            shard.tick();
        }
        long[] cpu = new long[MEASURED_TICKS];
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < MEASURED_TICKS; i++) {
            long start = threads.getCurrentThreadCpuTime();
            shard.tick();
            cpu[i] = threads.getCurrentThreadCpuTime() - start;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        Arrays.sort(cpu);
        System.out.printf("%d players, rooms of %d, view radius %.0f: CPU per tick p50 %.3f ms, p90 %.3f ms,"
                        + " p99 %.3f ms, max %.3f ms; allocated %d B in %d ticks (%.2f B/tick)%n",
                shard.players, shard.roomSize, shard.viewRadius, cpu[MEASURED_TICKS / 2] / 1e6,
                cpu[MEASURED_TICKS * 9 / 10] / 1e6, cpu[MEASURED_TICKS * 99 / 100] / 1e6,
                cpu[MEASURED_TICKS - 1] / 1e6, allocated, MEASURED_TICKS, (double) allocated / MEASURED_TICKS);
    }
}
