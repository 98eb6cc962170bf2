package io.ringside.tools.loadgen;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The outcome of a load run, for the summary table, the report files and the threshold check.
 *
 * @param plan            what was run
 * @param commandLine     the command line as typed
 * @param machine         cores, JVM and OS of the machine that generated the load
 * @param elapsedSeconds  run time from the first connect to the end of sending
 * @param samples         one per second
 * @param rttMicros       every round trip, microseconds
 * @param connectMicros   every TCP connect plus handshake (plus the join in game mode), microseconds
 * @param jitterMicros    game mode: each snapshot's inter-arrival distance from the tick period, microseconds
 * @param connectAttempts connections tried
 * @param sent            messages sent
 * @param received        messages received
 * @param sentBytes       payload bytes sent
 * @param receivedBytes   payload bytes received
 * @param refusedSends    sends refused because a connection's backlog was full
 * @param lost            messages sent and never echoed before the drain timeout
 * @param errors          failed connects, unexpected disconnects and connection errors
 * @param connectFailures failed connects by kind
 * @param disconnects     unexpected disconnects by close code
 * @param connectionErrors errors on open connections by exception type
 * @param cpu             server and load generator CPU over the steady window; {@code null} when no window
 *                        opened (the run ended while bots were still connecting)
 */
record RunResult(LoadPlan plan, String commandLine, String machine, double elapsedSeconds, List<Sample> samples,
                 Histogram rttMicros, Histogram connectMicros, Histogram jitterMicros, long connectAttempts,
                 long sent, long received, long sentBytes, long receivedBytes, long refusedSends, long lost,
                 long errors, Map<String, Long> connectFailures, Map<Integer, Long> disconnects,
                 Map<String, Long> connectionErrors, CpuUse cpu) {

    /** Whether this was a game-mode run. */
    boolean game() {
        return plan != null && plan.game() != null;
    }

    /** Bots whose connect and handshake succeeded. */
    long connected() {
        return connectMicros.getTotalCount();
    }

    /**
     * Errors plus lost messages over connect attempts plus messages sent: the share of operations
     * (connects and messages) that failed.
     */
    double errorRate() {
        long operations = connectAttempts + sent;
        return operations == 0 ? 0 : (double) (errors + lost) / operations;
    }

    /** The RTT at {@code percentile} over the whole run, in milliseconds (0 when none came back). */
    double rttMs(double percentile) {
        return Sampler.percentileMs(rttMicros, percentile);
    }
}
