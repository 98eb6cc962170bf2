package io.ringside.tools.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.ringside.engine.RingsideServer;
import io.ringside.engine.room.RoomOptions;
import io.ringside.tools.ToolRun;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Game mode against a real RingsideServer with a room that broadcasts a snapshot every tick. */
@Timeout(60)
class GameModeIT {
    private static final int TICK_RATE_HZ = 20;

    private static RingsideServer server;

    @BeforeAll
    static void start() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        CounterWithCallback.builder().name("process_cpu_seconds").help("CPU time of this process")
                .callback(callback -> callback.call(os.getProcessCpuTime() / 1e9)).register(registry);
        server = RingsideServer.builder().metricsRegistry(registry).transport(t -> t.port(0).ioLoops(1))
                .game(g -> g.shards(1).tickRateHz(TICK_RATE_HZ))
                .room("arena", SnapshotTestRoom::new, RoomOptions.builder().capacity(25).build())
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldJoinRoomsSendInputsAndMeasureRttAndJitterWhen40BotsPlay(@TempDir Path dir) throws Exception {
        // given
        String url = "ws://127.0.0.1:" + server.port() + RingsideServer.DEFAULT_ENDPOINT_PATH;
        long inputsBefore = SnapshotTestRoom.INPUTS.get();

        // when
        ToolRun run = ToolRun.run(new byte[0], "loadgen", url, "--mode", "game", "--room-type", "arena",
                "--bots", "40", "--rate", "10", "--size", "32", "--input-type", "1",
                "--snapshot-type", String.valueOf(SnapshotTestRoom.SNAPSHOT), "--ping-rate", "5",
                "--duration", "2s", "--report-dir", dir.toString(), "--max-error-rate", "0");

        // then
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("game mode, room type arena", "thresholds met")
                .containsPattern("bots joined\\s+40 / 40")
                .containsPattern("RTT ms \\(ping via tick\\)\\s+p50 \\d+\\.\\d+")
                .containsPattern("snapshot jitter ms\\s+p50 \\d+\\.\\d+")
                .containsPattern("inputs sent\\s+[1-9]\\d+")
                .containsPattern("snapshots received\\s+[1-9]\\d+");
        assertThat(SnapshotTestRoom.INPUTS.get() - inputsBefore).isPositive();
        assertThat(Files.readString(dir.resolve("jitter.hgrm"))).contains("#[Mean    =");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("snapshot jitter", "connect+join");
    }

    @ParameterizedTest(name = "--snapshot-type {0}")
    @ValueSource(ints = {SnapshotTestRoom.WELCOME, 99})
    void shouldFailNamingTheTypeWhenTheSnapshotTypeIsNoStream(int type, @TempDir Path dir) throws Exception {
        // given: type 3 arrives once per bot (a welcome), type 99 never; 6 s leaves a cold server time to seat them
        String url = "ws://127.0.0.1:" + server.port() + RingsideServer.DEFAULT_ENDPOINT_PATH;

        // when
        ToolRun run = ToolRun.run(new byte[0], "loadgen", url, "--mode", "game", "--room-type", "arena",
                "--bots", "5", "--ramp-rate", "0", "--rate", "5", "--size", "8",
                "--snapshot-type", String.valueOf(type), "--duration", "6s", "--report-dir", dir.toString());

        // then
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).containsPattern("bots joined\\s+5 / 5").contains("THRESHOLD EXCEEDED: no snapshot"
                + " stream: no bot received two game messages of --snapshot-type " + type);
    }

    @Test
    void shouldReportServerCpuPerPlayerSecondFromProcWhenGivenTheServerPid(@TempDir Path dir) throws Exception {
        // given: the server runs in this JVM, so its PID is ours
        String url = "ws://127.0.0.1:" + server.port() + RingsideServer.DEFAULT_ENDPOINT_PATH;
        String pid = Long.toString(ProcessHandle.current().pid());

        // when
        ToolRun run = ToolRun.run(new byte[0], "loadgen", url, "--mode", "game", "--room-type", "arena",
                "--bots", "20", "--rate", "20", "--size", "16",
                "--snapshot-type", String.valueOf(SnapshotTestRoom.SNAPSHOT), "--ping-rate", "1",
                "--warmup", "1s", "--duration", "2s", "--report-dir", dir.toString(), "--server-pid", pid);

        // then
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("warm-up over: measuring from here")
                .containsPattern("server CPU\\s+\\d+\\.\\d us per player-second \\(\\d+\\.\\d % of a core over"
                        + " \\d+\\.\\d s, [1-9]\\d* player-seconds; /proc/" + pid + "/stat\\)")
                .containsPattern("loadgen CPU\\s+\\d+\\.\\d us per bot-second \\(\\d+\\.\\d % of a core\\)");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("server CPU", "loadgen CPU");
    }

    @Test
    void shouldReportServerCpuFromTheMetricsPageWhenGivenItsUrl(@TempDir Path dir) throws Exception {
        // given
        String url = "ws://127.0.0.1:" + server.port() + RingsideServer.DEFAULT_ENDPOINT_PATH;
        String metrics = "http://127.0.0.1:" + server.port() + RingsideServer.DEFAULT_METRICS_PATH;

        // when
        ToolRun run = ToolRun.run(new byte[0], "loadgen", url, "--mode", "game", "--room-type", "arena",
                "--bots", "20", "--rate", "20", "--size", "16",
                "--snapshot-type", String.valueOf(SnapshotTestRoom.SNAPSHOT), "--ping-rate", "1",
                "--duration", "2s", "--report-dir", dir.toString(), "--server-metrics", metrics);

        // then
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("server CPU\\s+\\d+\\.\\d us per player-second \\(.*; "
                + Pattern.quote(metrics) + "\\)");
    }
}
