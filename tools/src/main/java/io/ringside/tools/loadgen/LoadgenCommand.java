package io.ringside.tools.loadgen;

import com.google.protobuf.Message;
import io.ringside.engine.client.ConnectConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code loadgen}: a swarm of bots, measuring connect time, round-trip time, throughput and errors,
 * with a live line per second, a summary table and report files. Echo mode runs against any
 * WebSocket echo endpoint; game mode against a Ringside game endpoint (rooms, inputs, snapshots).
 * Exit code 1 when a threshold is exceeded or no bot connected.
 */
@Command(name = "loadgen", mixinStandardHelpOptions = true,
        description = {"Bot swarm load generator. Echo mode: each bot sends binary messages stamped with the"
                + " send time and measures the round trip of the echo.",
            "Game mode: each bot joins or creates a room, sends inputs at the rate, pings through the tick"
                + " loop (RTT) and times snapshot arrivals (jitter); with --check-mirrors each bot also keeps a"
                + " mirror of the room's replicated state, and bots in one room must agree."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:run within thresholds",
            "1:a threshold was exceeded, no bot connected, or (--check-mirrors) two bots' mirrors disagreed",
            "2:bad options"})
public final class LoadgenCommand implements Callable<Integer> {
    private static final long SECOND_NANOS = 1_000_000_000L;
    private static final long CONNECT_POLL_NANOS = 100_000_000L;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "ws://host[:port]/path: an echo endpoint in echo mode,"
            + " a Ringside game endpoint (e.g. ws://localhost:8080/ws) in game mode")
    private URI url;

    @Option(names = "--mode", defaultValue = "echo", paramLabel = "MODE",
            description = "echo or game. Default: ${DEFAULT-VALUE}.")
    private String mode;

    @Option(names = "--room-type", defaultValue = "arena", paramLabel = "TYPE",
            description = "Game mode: the room type to join or create. Default: ${DEFAULT-VALUE}.")
    private String roomType;

    @Option(names = "--input-type", defaultValue = "0", paramLabel = "N",
            description = "Game mode: game message type of the inputs (a BytesValue of --size bytes);"
                    + " 0 sends them as the room's declared input type (numbered Input envelopes, as the"
                    + " arena takes them). Default: ${DEFAULT-VALUE}.")
    private int inputType;

    @Option(names = "--snapshot-type", defaultValue = "-1", paramLabel = "N",
            description = "Game mode: game message type counted as a snapshot; -1 counts every game message"
                    + " and every state patch (replicated state, as the arena sends it)."
                    + " Default: ${DEFAULT-VALUE}.")
    private int snapshotType;

    @Option(names = "--ping-rate", defaultValue = "2", paramLabel = "HZ",
            description = "Game mode: pings per bot per second, answered by the tick loop."
                    + " Default: ${DEFAULT-VALUE}.")
    private double pingHz;

    @Option(names = "--check-mirrors", split = ",", paramLabel = "CLASS",
            description = "Game mode: each bot keeps a mirror of the room's replicated state with these entity types"
                    + " (protobuf message classes on the classpath, e.g. io.ringside.examples.arena.wire.Fighter,"
                    + "io.ringside.examples.arena.wire.Projectile); entities two bots in one room hold at the same"
                    + " server tick must agree field for field (owner-only fields aside), else exit 1. Off by default:"
                    + " a mirror costs CPU per bot.")
    private List<String> checkMirrors = List.of();

    @Option(names = {"-n", "--bots"}, defaultValue = "100", paramLabel = "N",
            description = "Bots. Default: ${DEFAULT-VALUE}.")
    private int bots;

    @Option(names = "--ramp-rate", defaultValue = "500", paramLabel = "PER_S",
            description = "Connections opened per second; 0 opens all at once. Default: ${DEFAULT-VALUE}.")
    private int rampPerSecond;

    @Option(names = {"-r", "--rate"}, defaultValue = "10", paramLabel = "HZ",
            description = "Messages per bot per second. Default: ${DEFAULT-VALUE}.")
    private double rateHz;

    @Option(names = {"-s", "--size"}, defaultValue = "64", paramLabel = "BYTES",
            description = "Message size, at least 8 (the send timestamp). Default: ${DEFAULT-VALUE}.")
    private int sizeBytes;

    @Option(names = {"-d", "--duration"}, defaultValue = "30s", paramLabel = "TIME",
            description = "Run time after every bot has joined or failed (each within --connect-timeout-ms),"
                    + " e.g. 500ms, 30s, 5m; 0 runs until Ctrl-C. Default: ${DEFAULT-VALUE}.")
    private String duration;

    @Option(names = "--warmup", defaultValue = "0", paramLabel = "TIME",
            description = "Run time after every bot has joined or failed and before --duration starts, left out of"
                    + " the RTT and jitter percentiles and of the CPU figures (JIT compilation, first GCs), e.g. 10s."
                    + " Default: ${DEFAULT-VALUE}.")
    private String warmup;

    @Option(names = "--io-threads", defaultValue = "2", paramLabel = "N",
            description = "Client I/O threads. Default: ${DEFAULT-VALUE}.")
    private int ioThreads;

    @Option(names = "--connect-timeout-ms", defaultValue = "10000", paramLabel = "MS",
            description = "TCP connect and handshake timeout each. Default: ${DEFAULT-VALUE}.")
    private long connectTimeoutMs;

    @Option(names = "--drain-ms", defaultValue = "2000", paramLabel = "MS",
            description = "After sending stops, how long to wait for outstanding echoes."
                    + " Default: ${DEFAULT-VALUE}.")
    private long drainMs;

    @Option(names = "--report-dir", defaultValue = "loadgen-report", paramLabel = "DIR",
            description = "Where report.html, rtt.hgrm, connect.hgrm and samples.csv go."
                    + " Default: ${DEFAULT-VALUE}.")
    private Path reportDir;

    @Option(names = "--max-error-rate", paramLabel = "FRACTION",
            description = "Fail (exit 1) when (errors + lost messages) / (connects + messages) exceeds this,"
                    + " e.g. 0.01.")
    private Double maxErrorRate;

    @Option(names = "--deflate",
            description = "Offer permessage-deflate (RFC 7692, client_no_context_takeover) on every connection.")
    private boolean deflate;

    @Option(names = "--server-pid", paramLabel = "PID",
            description = "The server's process id on this machine: report its CPU per player-second, read from"
                    + " /proc/PID/stat.")
    private Long serverPid;

    @Option(names = "--server-metrics", paramLabel = "URL",
            description = "The server's Prometheus page (e.g. http://host:8080/metrics): report its CPU per"
                    + " player-second from process_cpu_seconds_total.")
    private URI serverMetrics;

    @Option(names = "--max-p99-ms", paramLabel = "MS",
            description = "Fail (exit 1) when the run's p99 RTT exceeds this.")
    private Double maxP99Ms;

    @Override
    public Integer call() throws IOException, InterruptedException {
        LoadPlan plan = plan();
        ServerCpu serverCpu = serverCpu();
        MirrorCheck mirrorCheck = checkMirrors.isEmpty() ? null : new MirrorCheck(stateTypes());
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> awaitReport(stop, done), "loadgen-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            RunResult result = run(plan, serverCpu, mirrorCheck, stop, out);
            out.print(SummaryTable.format(result));
            if (mirrorCheck != null) {
                out.print(mirrorCheck.summary());
            }
            for (Path file : ReportWriter.write(result, reportDir)) {
                out.println("wrote " + file);
            }
            int code = verdict(result, mirrorCheck, out);
            out.flush();
            return code;
        } finally {
            done.countDown();
            removeHook(hook);
        }
    }

    private RunResult run(LoadPlan plan, ServerCpu serverCpu, MirrorCheck mirrorCheck, CountDownLatch stop,
            PrintWriter out)
            throws InterruptedException {
        Metrics metrics = new Metrics();
        ConnectConfig connect = ConnectConfig.builder().connectTimeoutMs(connectTimeoutMs)
                .handshakeTimeoutMs(connectTimeoutMs).deflate(deflate).build();
        long start = System.nanoTime();
        Sampler sampler = new Sampler(metrics, plan.bots(), start);
        double elapsed;
        CpuUse cpu;
        CpuWindow cpuWindow = new CpuWindow(serverCpu);
        IntFunction<Bot> factory = plan.game() != null
                ? id -> new GameBot(metrics, plan.url(), plan.game(), plan.sizeBytes(), id, mirrorCheck)
                : id -> new EchoBot(metrics, plan.url(), connect, plan.sizeBytes(), id);
        try (Swarm swarm = new Swarm(plan, metrics, factory)) {
            swarm.start();
            long durationNanos = TimeUnit.MILLISECONDS.toNanos(plan.durationMs());
            // the run time counts from when every bot has joined or failed: the ramp is not steady state
            long end = Long.MAX_VALUE;
            long measureFrom = Long.MAX_VALUE;
            long warmupNanos = TimeUnit.MILLISECONDS.toNanos(durationMs(warmup, "--warmup"));
            for (long tick = start + SECOND_NANOS; ; ) {
                if (measureFrom == Long.MAX_VALUE && !connectsInFlight(plan, metrics, start)) {
                    measureFrom = System.nanoTime() + warmupNanos;
                }
                if (!cpuWindow.isOpen() && System.nanoTime() >= measureFrom) {
                    if (warmupNanos > 0) {
                        sampler.sample(System.nanoTime());
                        sampler.restartLatencies();
                        out.println("warm-up over: measuring from here");
                    }
                    cpuWindow.open(System.nanoTime(), metrics.connected.get());
                    end = durationNanos > 0 ? System.nanoTime() + durationNanos : Long.MAX_VALUE;
                }
                long wake = end == Long.MAX_VALUE && durationNanos > 0
                        ? Math.min(tick, System.nanoTime() + CONNECT_POLL_NANOS) : Math.min(tick, end);
                if (stop.await(Math.max(0, wake - System.nanoTime()), TimeUnit.NANOSECONDS) || wake == end) {
                    break;
                }
                if (wake != tick) {
                    continue;
                }
                long now = System.nanoTime();
                cpuWindow.mark(now, metrics.connected.get());
                out.println(sampler.progress(sampler.sample(now)));
                out.flush();
                // after a stall (GC, a starved CPU) skip the missed ticks instead of printing a burst
                tick = Math.max(tick + SECOND_NANOS, now + SECOND_NANOS / 2);
            }
            swarm.stopSending();
            cpu = cpuWindow.close(System.nanoTime(), metrics.connected.get());
            elapsed = (System.nanoTime() - start) / 1e9;
            if (plan.game() == null) {
                swarm.drain(drainMs);
            }
            sampler.sample(System.nanoTime());
            swarm.closeAll(connectTimeoutMs);
        }
        long unanswered = Math.max(0, metrics.sentMessages.sum() - metrics.receivedMessages.sum());
        long lost = plan.game() != null ? 0 : unanswered;
        return new RunResult(plan, commandLine(), Machine.describe(), elapsed, sampler.samples(),
                sampler.rttTotal(), sampler.connectTotal(), sampler.jitterTotal(), metrics.connectAttempts.sum(),
                metrics.sentMessages.sum(), metrics.receivedMessages.sum(), metrics.sentBytes.sum(),
                metrics.receivedBytes.sum(), metrics.refusedSends.sum(), lost, metrics.errors.sum(),
                metrics.connectFailures(), metrics.disconnects(), metrics.connectionErrors(), cpu);
    }

    /** Whether some bots are still connecting and may still make it within the ramp plus the connect timeout. */
    private boolean connectsInFlight(LoadPlan plan, Metrics metrics, long start) {
        long rampNanos = plan.rampPerSecond() > 0 ? SECOND_NANOS * plan.bots() / plan.rampPerSecond() : 0;
        long deadline = start + rampNanos + TimeUnit.MILLISECONDS.toNanos(connectTimeoutMs) + SECOND_NANOS;
        return metrics.connectsSettled.sum() < plan.bots() && System.nanoTime() < deadline;
    }

    private int verdict(RunResult r, MirrorCheck mirrorCheck, PrintWriter out) {
        List<String> failures = new ArrayList<>();
        if (mirrorCheck != null && mirrorCheck.failure() != null) {
            failures.add(mirrorCheck.failure());
        }
        if (r.connected() == 0) {
            failures.add("no bot connected");
        }
        if (r.game() && r.connected() > 0 && r.jitterMicros().getTotalCount() == 0) {
            failures.add(noSnapshotStream(r));
        }
        if (maxErrorRate != null && r.errorRate() > maxErrorRate) {
            failures.add(String.format(Locale.ROOT, "error rate %.6f > --max-error-rate %s", r.errorRate(),
                    maxErrorRate));
        }
        if (maxP99Ms != null && r.rttMs(99) > maxP99Ms) {
            failures.add(String.format(Locale.ROOT, "p99 RTT %.3f ms > --max-p99-ms %s", r.rttMs(99), maxP99Ms));
        }
        failures.forEach(f -> out.println("THRESHOLD EXCEEDED: " + f));
        if (failures.isEmpty() && (maxErrorRate != null || maxP99Ms != null || mirrorCheck != null)) {
            out.println("thresholds met");
        }
        return failures.isEmpty() ? 0 : 1;
    }

    /** Game mode measured no snapshot stream: no bot got two messages of the snapshot type. */
    private static String noSnapshotStream(RunResult r) {
        int type = r.plan().game().snapshotType();
        String what = type < 0 ? "game messages" : "game messages of --snapshot-type " + type;
        return "no snapshot stream: no bot received two " + what + " (" + r.received() + " arrived in all, at most"
                + " one per bot), so there is no jitter to measure; pass the type the room sends every tick"
                + " (or -1, the default, to count state patches)";
    }

    private LoadPlan plan() {
        boolean game = "game".equals(mode);
        check(game || "echo".equals(mode), "--mode=" + mode + " (echo or game)");
        if (!"ws".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new ParameterException(spec.commandLine(), "URL=" + url + " (expected ws://host[:port]/path)");
        }
        check(bots >= 1, "--bots=" + bots + " (minimum 1)");
        check(rampPerSecond >= 0, "--ramp-rate=" + rampPerSecond + " (minimum 0)");
        check(rateHz >= 0, "--rate=" + rateHz + " (minimum 0)");
        check(game || sizeBytes >= EchoBot.MIN_SIZE_BYTES,
                "--size=" + sizeBytes + " (minimum 8: the send timestamp)");
        check(sizeBytes >= 0, "--size=" + sizeBytes + " (minimum 0)");
        check(ioThreads >= 1, "--io-threads=" + ioThreads + " (minimum 1)");
        check(pingHz >= 0, "--ping-rate=" + pingHz + " (minimum 0)");
        check(game || checkMirrors.isEmpty(), "--check-mirrors needs --mode=game");
        GameTarget target = game ? new GameTarget(roomType, inputType, snapshotType, pingHz, deflate) : null;
        durationMs(warmup, "--warmup");
        return new LoadPlan(url, bots, rampPerSecond, rateHz, sizeBytes, durationMs(duration, "--duration"), ioThreads,
                target);
    }

    /** The server's CPU source, checked by one read now so that a wrong PID or URL fails before the run. */
    private ServerCpu serverCpu() {
        check(serverPid == null || serverMetrics == null, "--server-pid and --server-metrics: give one of them");
        ServerCpu cpu = serverPid != null ? ServerCpu.ofPid(serverPid)
                : serverMetrics != null ? ServerCpu.ofMetrics(serverMetrics) : null;
        if (cpu != null) {
            try {
                cpu.cpuNanos();
            } catch (IOException e) {
                String option = serverPid != null ? "--server-pid=" + serverPid : "--server-metrics=" + serverMetrics;
                throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
            }
        }
        return cpu;
    }

    /** The --check-mirrors classes' default instances. */
    private List<Message> stateTypes() {
        List<Message> types = new ArrayList<>();
        for (String name : checkMirrors) {
            try {
                Object instance = Class.forName(name.strip()).getMethod("getDefaultInstance").invoke(null);
                types.add((Message) instance);
            } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
                throw new ParameterException(spec.commandLine(), "--check-mirrors=" + name
                        + " (not a protobuf message class on the classpath: " + e + ")");
            }
        }
        return types;
    }

    private long durationMs(String text, String option) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Long.parseLong(t.substring(0, t.length() - 2));
            }
            if (t.endsWith("m")) {
                return Long.parseLong(t.substring(0, t.length() - 1)) * 60_000;
            }
            return (long) (Double.parseDouble(t.endsWith("s") ? t.substring(0, t.length() - 1) : t) * 1000);
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), option + "=" + text + " (e.g. 500ms, 30s, 5m)");
        }
    }

    private void check(boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    private String commandLine() {
        return "ringside-tools " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    private static void awaitReport(CountDownLatch stop, CountDownLatch done) {
        stop.countDown();
        try {
            done.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down (Ctrl-C): the hook is running and waits for us
        }
    }
}
