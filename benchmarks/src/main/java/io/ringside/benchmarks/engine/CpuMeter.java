package io.ringside.benchmarks.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time per broadcast, split by who spends it, for {@link FanOutBenchmark}: the benchmark thread
 * inside the hand-over call (what a tick thread pays), the server's I/O threads and the client drain
 * thread (read at iteration boundaries). CPU time, unlike the wall-clock score, barely moves when
 * other processes take the cores away, so these are the figures to compare on a shared machine.
 * Benchmark thread only.
 */
final class CpuMeter {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long[] serverThreadIds = new long[0];
    private long[] drainThreadIds = new long[0];
    private long handOffNs;
    private long iterationServerStart;
    private long iterationDrainStart;
    private long iterationHandOffStart;
    private long iterationBroadcastsStart;
    private long measuredHandOffNs;
    private long measuredServerNs;
    private long measuredDrainNs;
    private long measuredBroadcasts;

    CpuMeter() {
        if (!threads.isThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        threads.setThreadCpuTimeEnabled(true);
    }

    /** Finds the live threads whose names start with the given prefixes (none for an empty prefix). */
    void resolveThreads(String serverPrefix, String drainPrefix) {
        serverThreadIds = idsOf(serverPrefix);
        drainThreadIds = idsOf(drainPrefix);
        if (!serverPrefix.isEmpty() && serverThreadIds.length == 0) {
            throw new IllegalStateException("no server thread named " + serverPrefix + "*");
        }
    }

    private static long[] idsOf(String prefix) {
        if (prefix.isEmpty()) {
            return new long[0];
        }
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(prefix))
                .mapToLong(Thread::getId).toArray();
    }

    /** CPU time of the calling thread, for {@link #handOff}. */
    long now() {
        return threads.getCurrentThreadCpuTime();
    }

    /** Adds a hand-over's CPU time, measured with {@link #now()} around it. */
    void handOff(long cpuNs) {
        handOffNs += cpuNs;
    }

    void startIteration(long broadcasts) {
        iterationServerStart = cpuOf(serverThreadIds);
        iterationDrainStart = cpuOf(drainThreadIds);
        iterationHandOffStart = handOffNs;
        iterationBroadcastsStart = broadcasts;
    }

    /** Counts the iteration's CPU time and broadcasts when it was a measurement iteration. */
    void endIteration(long broadcasts, boolean measured) {
        if (measured) {
            measuredServerNs += cpuOf(serverThreadIds) - iterationServerStart;
            measuredDrainNs += cpuOf(drainThreadIds) - iterationDrainStart;
            measuredHandOffNs += handOffNs - iterationHandOffStart;
            measuredBroadcasts += broadcasts - iterationBroadcastsStart;
        }
    }

    private long cpuOf(long[] ids) {
        long sum = 0;
        for (long id : ids) {
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
    }

    /** The measured iterations' means, one line. */
    String summary(int connections) {
        if (measuredBroadcasts == 0) {
            return "cpu per broadcast: no measured broadcast";
        }
        double handOff = (double) measuredHandOffNs / measuredBroadcasts;
        double server = (double) measuredServerNs / measuredBroadcasts;
        double drain = (double) measuredDrainNs / measuredBroadcasts;
        return String.format("cpu per broadcast over %d measured broadcasts: hand-over on the benchmark thread %.0f ns"
                + " (%.1f ns/recipient), server I/O threads %.0f ns (%.1f ns/recipient), server total %.1f"
                + " ns/recipient, client drain thread %.0f ns", measuredBroadcasts, handOff, handOff / connections,
                server, server / connections, (handOff + server) / connections, drain);
    }
}
