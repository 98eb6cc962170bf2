package io.ringside.tools.loadgen;

import io.ringside.tools.render.CloseCodes;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The final summary of a load run as a plain-text table.
 */
final class SummaryTable {
    private static final double[] PERCENTILES = {50, 90, 99, 99.9};

    private SummaryTable() {
    }

    static String format(RunResult r) {
        StringBuilder t = new StringBuilder();
        LoadPlan p = r.plan();
        boolean game = r.game();
        t.append(String.format(Locale.ROOT, "Summary: %s, %s, %d bots, %.1f Hz, %d B messages, %.1f s%n",
                p.url(), game ? "game mode, room type " + p.game().roomType() : "echo mode", p.bots(), p.rateHz(),
                p.sizeBytes(), r.elapsedSeconds()));
        row(t, game ? "bots joined" : "bots connected", r.connected() + " / " + r.connectAttempts());
        row(t, game ? "connect+join ms" : "connect+handshake ms", latencies(r.connectMicros()));
        row(t, game ? "RTT ms (ping via tick)" : "RTT ms", latencies(r.rttMicros()));
        if (game) {
            row(t, "snapshot jitter ms", latencies(r.jitterMicros()));
        }
        double s = Math.max(r.elapsedSeconds(), 1e-9);
        row(t, game ? "inputs sent" : "messages sent", String.format(Locale.ROOT, "%d (%.0f msg/s, %.2f MB/s)",
                r.sent(), r.sent() / s, r.sentBytes() / s / 1e6));
        row(t, game ? "snapshots received" : "messages received", String.format(Locale.ROOT,
                "%d (%.0f msg/s, %.2f MB/s)", r.received(), r.received() / s, r.receivedBytes() / s / 1e6));
        if (!game) {
            row(t, "lost (never echoed)", Long.toString(r.lost()));
        }
        row(t, "sends refused (backlog)", Long.toString(r.refusedSends()));
        cpu(t, r.cpu(), game ? "player" : "bot");
        row(t, "errors", r.errors() + String.format(Locale.ROOT, " (error rate %.4f%%)", 100 * r.errorRate()));
        r.connectFailures().forEach((why, n) -> row(t, "  connect failed: " + why, n.toString()));
        r.disconnects().forEach((code, n) -> row(t, "  disconnected: " + CloseCodes.describe(code), n.toString()));
        r.connectionErrors().forEach((type, n) -> row(t, "  error: " + type, n.toString()));
        return t.toString();
    }

    private static void cpu(StringBuilder t, CpuUse cpu, String unit) {
        if (cpu == null) {
            return;
        }
        if (cpu.serverMeasured()) {
            row(t, "server CPU", String.format(Locale.ROOT, "%.1f us per %s-second (%.1f %% of a core over %.1f s,"
                    + " %.0f %s-seconds; %s)", cpu.serverMicrosPerPlayerSecond(), unit, 100 * cpu.serverCores(),
                    cpu.seconds(), cpu.playerSeconds(), unit, cpu.serverSource()));
        } else {
            row(t, "server CPU", cpu.serverSource());
        }
        row(t, "loadgen CPU", String.format(Locale.ROOT, "%.1f us per bot-second (%.1f %% of a core)",
                cpu.loadgenMicrosPerBotSecond(), 100 * cpu.loadgenCores()));
    }

    static String latencies(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "-";
        }
        StringBuilder s = new StringBuilder();
        for (double pct : PERCENTILES) {
            s.append(String.format(Locale.ROOT, "p%s %.3f  ", trim(pct), h.getValueAtPercentile(pct) / 1000.0));
        }
        return s.append(String.format(Locale.ROOT, "max %.3f  (n=%d)", h.getMaxValue() / 1000.0, h.getTotalCount()))
                .toString();
    }

    private static String trim(double pct) {
        return pct == Math.rint(pct) ? Long.toString((long) pct) : Double.toString(pct);
    }

    private static void row(StringBuilder t, String name, String value) {
        t.append(String.format(Locale.ROOT, "  %-26s %s%n", name, value));
    }
}
