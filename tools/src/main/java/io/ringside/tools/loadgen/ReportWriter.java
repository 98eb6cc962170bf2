package io.ringside.tools.loadgen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Writes a run's report files into a directory: {@code rtt.hgrm} and {@code connect.hgrm}
 * (HdrHistogram percentile distributions in milliseconds), {@code samples.csv} (one row per
 * second) and {@code report.html}, a self-contained page with inline SVG charts (latency by
 * percentile, throughput, RTT and connected bots over time) that opens offline.
 */
final class ReportWriter {
    private static final double MICROS_PER_MS = 1000.0;
    private static final int TICKS_PER_HALF = 5;

    private ReportWriter() {
    }

    /** Writes every file into {@code dir} (created if missing) and returns their paths. */
    static List<Path> write(RunResult r, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        files.add(write(dir.resolve("rtt.hgrm"), hgrm(r.rttMicros())));
        files.add(write(dir.resolve("connect.hgrm"), hgrm(r.connectMicros())));
        if (r.game()) {
            files.add(write(dir.resolve("jitter.hgrm"), hgrm(r.jitterMicros())));
        }
        files.add(write(dir.resolve("samples.csv"), csv(r.samples())));
        files.add(write(dir.resolve("report.html"), html(r)));
        return files;
    }

    private static Path write(Path file, String content) throws IOException {
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    static String hgrm(Histogram h) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            h.outputPercentileDistribution(out, TICKS_PER_HALF, MICROS_PER_MS);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String csv(List<Sample> samples) {
        StringBuilder csv = new StringBuilder("seconds,connected,sent_per_s,received_per_s,sent_bytes_per_s,"
                + "received_bytes_per_s,rtt_p50_ms,rtt_p99_ms,errors\n");
        for (Sample s : samples) {
            csv.append(String.format(Locale.ROOT, "%.3f,%d,%.1f,%.1f,%.1f,%.1f,%.3f,%.3f,%d%n", s.seconds(),
                    s.connected(), s.sentPerSecond(), s.receivedPerSecond(), s.sentBytesPerSecond(),
                    s.receivedBytesPerSecond(), s.rttP50Ms(), s.rttP99Ms(), s.errors()));
        }
        return csv.toString();
    }

    private static String html(RunResult r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Ringside loadgen report")
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:960px}")
                .append("pre{background:#f6f6f6;padding:1em;white-space:pre-wrap}.chart{display:block;margin:1em 0}")
                .append(".tick,.legend{font-size:11px}.label{font-size:12px}.title{font-size:14px;font-weight:bold}")
                .append("</style></head><body>\n<h1>Ringside loadgen report</h1>\n");
        h.append("<p>Generated ").append(Instant.now()).append("</p>\n<h2>Command</h2>\n<pre>")
                .append(SvgChart.escape(r.commandLine())).append("</pre>\n<h2>Machine</h2>\n<pre>")
                .append(SvgChart.escape(r.machine())).append("</pre>\n<h2>Summary</h2>\n<pre>")
                .append(SvgChart.escape(SummaryTable.format(r))).append("</pre>\n<h2>Latency by percentile</h2>\n");
        h.append(percentileChart(r)).append("<h2>Over time</h2>\n");
        List<Sample> s = r.samples();
        h.append(new SvgChart("Throughput", "seconds", "messages/s")
                .series("sent", "#1f77b4", column(s, Sample::seconds), column(s, Sample::sentPerSecond))
                .series("received", "#ff7f0e", column(s, Sample::seconds), column(s, Sample::receivedPerSecond))
                .render());
        h.append(new SvgChart("RTT per second", "seconds", "ms")
                .series("p50", "#2ca02c", column(s, Sample::seconds), column(s, Sample::rttP50Ms))
                .series("p99", "#d62728", column(s, Sample::seconds), column(s, Sample::rttP99Ms))
                .render());
        h.append(new SvgChart("Bots connected", "seconds", "bots")
                .series("connected", "#9467bd", column(s, Sample::seconds), column(s, Sample::connected))
                .render());
        h.append("<p>Files: <a href=\"rtt.hgrm\">rtt.hgrm</a>, <a href=\"connect.hgrm\">connect.hgrm</a>, ")
                .append("<a href=\"samples.csv\">samples.csv</a></p>\n</body></html>\n");
        return h.toString();
    }

    private static String percentileChart(RunResult r) {
        SvgChart chart = new SvgChart("Latency by percentile", "percentile", "ms").xTicks(percentileTicks());
        addPercentiles(chart, "RTT", "#d62728", r.rttMicros());
        addPercentiles(chart, r.game() ? "connect+join" : "connect+handshake", "#1f77b4", r.connectMicros());
        if (r.game()) {
            addPercentiles(chart, "snapshot jitter", "#2ca02c", r.jitterMicros());
        }
        return chart.render();
    }

    private static void addPercentiles(SvgChart chart, String name, String color, Histogram h) {
        if (h.getTotalCount() == 0) {
            return;
        }
        List<double[]> points = new ArrayList<>();
        for (HistogramIterationValue v : h.percentiles(TICKS_PER_HALF)) {
            double pct = v.getPercentileLevelIteratedTo();
            if (pct >= 100.0) {
                break;
            }
            points.add(new double[] {percentileX(pct), v.getValueIteratedTo() / MICROS_PER_MS});
        }
        points.add(new double[] {percentileX(99.9999), h.getMaxValue() / MICROS_PER_MS});
        double[] xs = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = points.stream().mapToDouble(p -> p[1]).toArray();
        chart.series(name, color, xs, ys);
    }

    /** The x position of a percentile: log10 of 1 / (1 - p), so 90% is 1, 99% is 2, 99.9% is 3. */
    private static double percentileX(double percentile) {
        return Math.log10(100.0 / (100.0 - Math.min(percentile, 99.9999)));
    }

    private static Map<Double, String> percentileTicks() {
        Map<Double, String> ticks = new LinkedHashMap<>();
        String[] labels = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%", "99.9999%"};
        for (int i = 0; i < labels.length; i++) {
            ticks.put((double) i, labels[i]);
        }
        return ticks;
    }

    private static double[] column(List<Sample> samples, ToDoubleFunction<Sample> f) {
        return samples.stream().mapToDouble(f).toArray();
    }
}
