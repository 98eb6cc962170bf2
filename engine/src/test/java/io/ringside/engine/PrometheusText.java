package io.ringside.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A scrape parsed by a real Prometheus text-format parser: the {@code prometheus_client} Python
 * library (Debian's {@code python3-prometheus-client}, installed by {@code .ci/run}), run as a
 * process. Samples are keyed {@code name{label="value",...}} with labels sorted.
 */
final class PrometheusText {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    final Map<String, Double> samples = new HashMap<>();
    final Map<String, String> types = new HashMap<>();

    private PrometheusText() {
    }

    /** Skips the calling test when the parser is not installed. */
    static void assumeParserInstalled() throws Exception {
        boolean installed = Files.isExecutable(PYTHON) && new ProcessBuilder(PYTHON.toString(), "-c",
                "import prometheus_client.parser").start().waitFor() == 0;
        Assumptions.assumeTrue(installed, "apt-get install python3-prometheus-client");
    }

    static PrometheusText parse(String exposition) throws IOException, InterruptedException {
        String script;
        try (InputStream in = PrometheusText.class.getResourceAsStream("/prometheus_parse.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Process process = new ProcessBuilder(PYTHON.toString(), "-c", script).redirectErrorStream(true).start();
        process.getOutputStream().write(exposition.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("the parser's output:\n" + output).isZero();
        PrometheusText parsed = new PrometheusText();
        for (String line : output.split("\n")) {
            String[] fields = line.split("\t");
            if (fields[0].equals("TYPE")) {
                parsed.types.put(fields[1], fields[2]);
            } else {
                parsed.samples.put(fields[0], Double.parseDouble(fields[1]));
            }
        }
        return parsed;
    }

    /** The value of sample {@code key} ({@code name{labels}}), or {@code null}. */
    Double value(String key) {
        return samples.get(key);
    }
}
