package io.ringside.tools.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Reads the {@link Metrics} once per interval: moves each interval's latencies into the run's total
 * histograms, keeps one {@link Sample} per interval and formats the live progress line.
 *
 * <p>Used by the controlling thread only.
 */
final class Sampler {
    private static final double MICROS_PER_MS = 1000.0;

    private final Metrics metrics;
    private final int bots;
    private final long startNanos;
    private final Histogram rttTotal = new Histogram(Metrics.MAX_LATENCY_MICROS, 3);
    private final Histogram connectTotal = new Histogram(Metrics.MAX_LATENCY_MICROS, 3);
    private final Histogram jitterTotal = new Histogram(Metrics.MAX_LATENCY_MICROS, 3);
    private final List<Sample> samples = new ArrayList<>();
    private Histogram rttInterval;
    private Histogram connectInterval;
    private Histogram jitterInterval;
    private long lastNanos;
    private long lastSent;
    private long lastReceived;
    private long lastSentBytes;
    private long lastReceivedBytes;

    Sampler(Metrics metrics, int bots, long startNanos) {
        this.metrics = metrics;
        this.bots = bots;
        this.startNanos = startNanos;
        this.lastNanos = startNanos;
    }

    /** Closes the interval ending at {@code nowNanos} and returns its sample. */
    Sample sample(long nowNanos) {
        rttInterval = metrics.rttMicros.getIntervalHistogram(rttInterval);
        connectInterval = metrics.connectMicros.getIntervalHistogram(connectInterval);
        rttTotal.add(rttInterval);
        connectTotal.add(connectInterval);
        jitterInterval = metrics.jitterMicros.getIntervalHistogram(jitterInterval);
        jitterTotal.add(jitterInterval);
        double seconds = Math.max(1e-9, (nowNanos - lastNanos) / 1e9);
        long sent = metrics.sentMessages.sum();
        long received = metrics.receivedMessages.sum();
        long sentBytes = metrics.sentBytes.sum();
        long receivedBytes = metrics.receivedBytes.sum();
        Sample s = new Sample((nowNanos - startNanos) / 1e9, metrics.connected.get(),
                (sent - lastSent) / seconds, (received - lastReceived) / seconds,
                (sentBytes - lastSentBytes) / seconds, (receivedBytes - lastReceivedBytes) / seconds,
                percentileMs(rttInterval, 50), percentileMs(rttInterval, 99), metrics.errors.sum());
        lastNanos = nowNanos;
        lastSent = sent;
        lastReceived = received;
        lastSentBytes = sentBytes;
        lastReceivedBytes = receivedBytes;
        samples.add(s);
        return s;
    }

    /** Forgets the RTT and jitter recorded so far (the end of a warm-up); connect times are kept. */
    void restartLatencies() {
        rttTotal.reset();
        jitterTotal.reset();
    }

    /** The one-line progress display for {@code s}. */
    String progress(Sample s) {
        return String.format(Locale.ROOT, "[%6.1fs] bots %d/%d  sent %.0f msg/s  recv %.0f msg/s  "
                        + "rtt p50 %.2f ms  p99 %.2f ms  errors %d",
                s.seconds(), s.connected(), bots, s.sentPerSecond(), s.receivedPerSecond(), s.rttP50Ms(),
                s.rttP99Ms(), s.errors());
    }

    List<Sample> samples() {
        return samples;
    }

    /** Every RTT of the run so far, in microseconds. */
    Histogram rttTotal() {
        return rttTotal;
    }

    /** Every connect-plus-handshake time of the run so far, in microseconds. */
    Histogram connectTotal() {
        return connectTotal;
    }

    /** Game mode: every snapshot jitter of the run so far, in microseconds. */
    Histogram jitterTotal() {
        return jitterTotal;
    }

    static double percentileMs(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / MICROS_PER_MS;
    }
}
