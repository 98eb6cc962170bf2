package io.ringside.tools.loadgen;

/**
 * One second of a load run.
 *
 * @param seconds         seconds since the run started, at the end of the interval
 * @param connected       bots connected at the end of the interval
 * @param sentPerSecond   messages sent per second in the interval
 * @param receivedPerSecond messages received per second in the interval
 * @param sentBytesPerSecond payload bytes sent per second
 * @param receivedBytesPerSecond payload bytes received per second
 * @param rttP50Ms        median RTT of the interval, milliseconds (0 when nothing came back)
 * @param rttP99Ms        99th percentile RTT of the interval, milliseconds
 * @param errors          errors so far
 */
record Sample(double seconds, int connected, double sentPerSecond, double receivedPerSecond,
              double sentBytesPerSecond, double receivedBytesPerSecond, double rttP50Ms, double rttP99Ms,
              long errors) {
}
