package io.ringside.tools.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads the CPU time a server process has used so far, in nanoseconds (user plus system, every
 * thread): from {@code /proc/PID/stat} on Linux when the server runs on this machine, or from the
 * {@code process_cpu_seconds_total} family of its Prometheus {@code /metrics} page (the name
 * Prometheus' JVM and process collectors use) wherever it runs.
 *
 * <p>Controlling thread only.
 */
abstract class ServerCpu {
    /** The family read from a metrics page (the text format's name of {@code process_cpu_seconds}). */
    static final String METRIC = "process_cpu_seconds_total";
    /** Linux reports {@code utime} and {@code stime} in USER_HZ ticks, 100 per second on every architecture. */
    static final long NANOS_PER_CLOCK_TICK = 10_000_000L;
    private static final int UTIME_AFTER_COMM = 11;
    private static final int STIME_AFTER_COMM = 12;
    private static final Duration METRICS_TIMEOUT = Duration.ofSeconds(5);

    /** CPU time used so far, nanoseconds; throws {@link IOException} naming the source when it cannot be read. */
    abstract long cpuNanos() throws IOException;

    /** Where the figure comes from, for reports: {@code /proc/123/stat} or the metrics URL. */
    abstract String source();

    /** The process {@code pid} on this machine, read from {@code /proc/PID/stat}. */
    static ServerCpu ofPid(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        return new ServerCpu() {
            @Override
            long cpuNanos() throws IOException {
                try {
                    return parseProcStat(Files.readString(stat, StandardCharsets.US_ASCII));
                } catch (NoSuchFileException e) {
                    throw new IOException("no process " + pid + " (" + stat + " does not exist)", e);
                }
            }

            @Override
            String source() {
                return stat.toString();
            }
        };
    }

    /** The server whose Prometheus text page is at {@code url}. */
    static ServerCpu ofMetrics(URI url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(METRICS_TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(METRICS_TIMEOUT).GET().build();
        return new ServerCpu() {
            @Override
            long cpuNanos() throws IOException {
                HttpResponse<String> response;
                try {
                    response = http.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted reading " + url, e);
                }
                if (response.statusCode() != 200) {
                    throw new IOException(url + " answered HTTP " + response.statusCode());
                }
                return parseMetrics(response.body(), url.toString());
            }

            @Override
            String source() {
                return url.toString();
            }
        };
    }

    /**
     * utime plus stime of a {@code /proc/PID/stat} line, in nanoseconds. The command name (field 2) is
     * in parentheses and may hold spaces and parentheses itself, so fields are counted after its last
     * closing parenthesis (proc(5)).
     */
    static long parseProcStat(String line) throws IOException {
        int close = line.lastIndexOf(')');
        String[] fields = line.substring(close + 1).trim().split(" +");
        if (close < 0 || fields.length <= STIME_AFTER_COMM) {
            throw new IOException("unexpected /proc stat line: " + line.strip());
        }
        try {
            long ticks = Long.parseLong(fields[UTIME_AFTER_COMM]) + Long.parseLong(fields[STIME_AFTER_COMM]);
            return ticks * NANOS_PER_CLOCK_TICK;
        } catch (NumberFormatException e) {
            throw new IOException("unexpected /proc stat line: " + line.strip(), e);
        }
    }

    /** The unlabelled {@value #METRIC} sample of a Prometheus text page, in nanoseconds. */
    static long parseMetrics(String page, String from) throws IOException {
        for (String line : page.split("\n")) {
            if (line.startsWith(METRIC + " ")) {
                String value = line.substring(METRIC.length() + 1).trim().split(" ")[0];
                try {
                    return (long) (Double.parseDouble(value) * 1e9);
                } catch (NumberFormatException e) {
                    throw new IOException(from + ": " + METRIC + " has a value that is not a number: " + value, e);
                }
            }
        }
        throw new IOException(from + " has no " + METRIC + " sample (register a process CPU collector,"
                + " e.g. prometheus-metrics-instrumentation-jvm's ProcessMetrics)");
    }
}
