package io.ringside.benchmarks.game;

import io.ringside.engine.tick.TickMetrics;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One full tick of a {@code players}-player room: before each operation (untimed, as the I/O
 * threads would) every player publishes one 64-byte input; the timed operation is the tick itself:
 * drain the ring, dispatch every input to the room, {@code onTick}, and one
 * {@value #SNAPSHOT_BYTES}-byte snapshot to each player, either {@code SEND_LATEST_EACH} (one
 * {@code sendLatest} per player: serialized and framed per player, as per-player views are) or
 * {@code BROADCAST_LATEST} (one shared frame). Sample time gives the tick duration percentiles;
 * {@code gc.alloc.rate.norm} is bytes per tick (the snapshot is prebuilt, so with {@code raw} inputs
 * every byte is the framework's; {@code typed} adds the room's parsed input messages).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TickBenchmark {
    static final int SNAPSHOT_BYTES = 128;

    @Param({"1000"})
    int players;

    @Param({"SEND_LATEST_EACH", "BROADCAST_LATEST"})
    Snapshots snapshots;

    @Param({"raw", "typed"})
    String inputs;

    private GameHarness harness;
    private CountingConnection[] connections;
    private long publishedAfterJoin;
    private long framesAfterJoin;
    private long ticksAfterJoin;

    @Setup(Level.Trial)
    public void setUp() {
        harness = new GameHarness(players, "typed".equals(inputs), snapshots, SNAPSHOT_BYTES);
        connections = harness.connections;
        framesAfterJoin = connections[0].frames;
        long latestAfterJoin = connections[0].latestFrames;
        ticksAfterJoin = harness.room.ticks;
        publishInputs();
        GameHarness.check(tick() == 1, "one tick per operation");
        long handled = harness.room.inputsHandled();
        GameHarness.check(handled == players, "room handled " + handled + " inputs");
        for (CountingConnection connection : connections) {
            GameHarness.check(connection.latestFrames - latestAfterJoin == 1, "connection " + connection.id()
                    + " got " + (connection.latestFrames - latestAfterJoin) + " latest-only snapshots, expected 1");
            GameHarness.checkSnapshot(connection.lastFrame, SNAPSHOT_BYTES);
        }
        harness.checkHealthy();
    }

    @Setup(Level.Invocation)
    public void publishInputs() {
        for (CountingConnection connection : connections) {
            harness.publishInput(connection);
        }
        publishedAfterJoin += connections.length;
    }

    @Benchmark
    public int tick() {
        return harness.tick();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        harness.tick(); // inputs published before the last invocation that never ran
        GameHarness.check(harness.room.inputsHandled() == publishedAfterJoin,
                "room handled " + harness.room.inputsHandled() + " of " + publishedAfterJoin + " inputs");
        long ticksRun = harness.room.ticks - ticksAfterJoin;
        for (CountingConnection connection : connections) {
            GameHarness.check(connection.frames - framesAfterJoin == ticksRun, "connection " + connection.id()
                    + " got " + (connection.frames - framesAfterJoin) + " snapshots in " + ticksRun + " ticks");
        }
        harness.checkHealthy();
        TickMetrics.Snapshot ticks = harness.metrics().tick();
        System.out.printf("%nTickMetrics (engine's own histogram, whole trial incl. warm-up, capped at one"
                + " interval): ticks=%d p50=%.1f us p99=%.1f us max=%.1f us%n", ticks.ticks(), ticks.p50Ns() / 1e3,
                ticks.p99Ns() / 1e3, ticks.maxNs() / 1e3);
    }
}
