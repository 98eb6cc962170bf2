package io.ringside.tools.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.transport.WebSocketServer;
import io.ringside.tools.EchoServers;
import io.ringside.tools.ToolRun;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The load generator against a real echo server on loopback. */
@Timeout(60)
class LoadgenCommandIT {
    private static WebSocketServer server;

    @BeforeAll
    static void start() throws Exception {
        server = EchoServers.start(1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldConnectEveryBotAndWriteReportsWhen200BotsEchoForThreeSeconds(@TempDir Path dir) throws Exception {
        // when
        ToolRun run = ToolRun.run(new byte[0], "loadgen", EchoServers.url(server).toString(), "--bots", "200",
                "--ramp-rate", "1000", "--rate", "10", "--size", "100", "--duration", "3s",
                "--report-dir", dir.toString(), "--max-error-rate", "0", "--max-p99-ms", "5000");

        // then
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("bots 200/200", "thresholds met")
                .containsPattern("bots connected\\s+200 / 200").containsPattern("lost \\(never echoed\\)\\s+0\\R")
                .containsPattern("errors\\s+0 \\(error rate 0\\.0000%\\)");
        assertThat(run.out()).containsPattern("RTT ms\\s+p50 \\d+\\.\\d+  p90 \\d+\\.\\d+  p99 \\d+\\.\\d+  p99\\.9");
        assertThat(run.out()).containsPattern("messages sent\\s+[1-9]\\d{3,}");
        assertThat(Files.readString(dir.resolve("rtt.hgrm"))).contains("Value     Percentile TotalCount",
                "#[Mean    =");
        assertThat(Files.readString(dir.resolve("connect.hgrm"))).contains("#[Max     =");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("Latency by percentile", "Throughput", "RTT per second", "Bots connected",
                "cores: " + Runtime.getRuntime().availableProcessors(), "ringside-tools loadgen ws://127.0.0.1:")
                .doesNotContain("<script", "src=", "href=\"http", "<link");
        assertThat(html.split("<svg", -1)).hasSize(5);
        assertThat(html.split("<polyline", -1).length - 1).isGreaterThanOrEqualTo(6);
    }

    @Test
    void shouldExitWith1AndNameTheThresholdWhenP99IsOverTheLimit(@TempDir Path dir) {
        // when
        ToolRun run = ToolRun.run(new byte[0], "loadgen", EchoServers.url(server).toString(), "--bots", "10",
                "--duration", "1s", "--report-dir", dir.toString(), "--max-p99-ms", "0.000001");

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("THRESHOLD EXCEEDED: p99 RTT")
                .doesNotContain("THRESHOLD EXCEEDED: error rate");
    }

    @Test
    void shouldCountFailedConnectsAndExitWith1WhenNothingListens(@TempDir Path dir) throws Exception {
        // given
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }

        // when
        ToolRun run = ToolRun.run(new byte[0], "loadgen", "ws://127.0.0.1:" + port + "/", "--bots", "5",
                "--duration", "500ms", "--report-dir", dir.toString(), "--max-error-rate", "0.5");

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("bots connected\\s+0 / 5")
                .containsPattern("connect failed: ConnectException\\s+5")
                .contains("THRESHOLD EXCEEDED: no bot connected",
                        "THRESHOLD EXCEEDED: error rate 1.000000 > --max-error-rate");
    }

    @Test
    void shouldExitWith2WhenOptionsAreBad() {
        // when
        ToolRun small = ToolRun.run(new byte[0], "loadgen", "ws://127.0.0.1:1/", "--size", "4");
        ToolRun mode = ToolRun.run(new byte[0], "loadgen", "ws://127.0.0.1:1/", "--mode", "chess");

        // then
        assertThat(small.exitCode()).isEqualTo(2);
        assertThat(small.err()).contains("--size=4 (minimum 8");
        assertThat(mode.exitCode()).isEqualTo(2);
        assertThat(mode.err()).contains("--mode=chess (echo or game)");
    }

    @Test
    void shouldExitWith2NamingTheSourceWhenTheServerCpuCannotBeRead() {
        // given: a PID no process has (pid_max is at most 2^22), and a metrics URL nobody listens on
        long noSuchPid = 99_999_999L;

        // when
        ToolRun pid = ToolRun.run(new byte[0], "loadgen", "ws://127.0.0.1:1/", "--server-pid",
                Long.toString(noSuchPid));
        ToolRun both = ToolRun.run(new byte[0], "loadgen", "ws://127.0.0.1:1/", "--server-pid", "1",
                "--server-metrics", "http://127.0.0.1:1/metrics");

        // then
        assertThat(pid.exitCode()).isEqualTo(2);
        assertThat(pid.err()).contains("--server-pid=99999999: no process 99999999 (/proc/99999999/stat does"
                + " not exist)");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--server-pid and --server-metrics: give one of them");
    }
}
