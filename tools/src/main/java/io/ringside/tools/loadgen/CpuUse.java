package io.ringside.tools.loadgen;

/**
 * CPU time spent by the server and by the load generator over the steady part of a run (from when
 * every bot had joined or failed to the end of sending), and the player-seconds served in it.
 *
 * @param seconds           length of the window
 * @param playerSeconds     connected bots integrated over the window (1,000 bots for 20 s: 20,000)
 * @param serverCpuNanos    the server process's CPU time in the window; -1 when not measured
 * @param serverSource      where the server's figure came from, or why it is missing
 * @param loadgenCpuNanos   this process's CPU time in the window
 */
record CpuUse(double seconds, double playerSeconds, long serverCpuNanos, String serverSource,
              long loadgenCpuNanos) {

    /** Whether the server's CPU time was measured. */
    boolean serverMeasured() {
        return serverCpuNanos >= 0;
    }

    /** Server CPU microseconds per player-second (NaN when not measured or no player was connected). */
    double serverMicrosPerPlayerSecond() {
        return serverMeasured() && playerSeconds > 0 ? serverCpuNanos / 1e3 / playerSeconds : Double.NaN;
    }

    /** Load generator CPU microseconds per bot-second. */
    double loadgenMicrosPerBotSecond() {
        return playerSeconds > 0 ? loadgenCpuNanos / 1e3 / playerSeconds : Double.NaN;
    }

    /** Server CPU as a share of one core (1.0: one core busy the whole window). */
    double serverCores() {
        return serverMeasured() && seconds > 0 ? serverCpuNanos / 1e9 / seconds : Double.NaN;
    }

    /** Load generator CPU as a share of one core. */
    double loadgenCores() {
        return seconds > 0 ? loadgenCpuNanos / 1e9 / seconds : Double.NaN;
    }
}
