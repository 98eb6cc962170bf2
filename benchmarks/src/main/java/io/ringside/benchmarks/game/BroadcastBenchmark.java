package io.ringside.benchmarks.game;

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
 * Broadcast fan-out: one tick in which the room calls {@code broadcast} with a prebuilt
 * {@value #SNAPSHOT_BYTES}-byte snapshot to {@code players} players: serialized and framed once,
 * the shared frame handed to each player's connection ({@link CountingConnection}: counted, not
 * queued). {@code snapshots=NONE} is the same tick without the broadcast (the baseline to subtract);
 * ns per recipient = (BROADCAST - NONE) / players.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BroadcastBenchmark {
    static final int SNAPSHOT_BYTES = 64;

    @Param({"10", "100", "1000"})
    int players;

    @Param({"BROADCAST", "NONE"})
    Snapshots snapshots;

    private GameHarness harness;
    private long framesAfterJoin;
    private long ticksAfterJoin;

    @Setup(Level.Trial)
    public void setUp() {
        harness = new GameHarness(players, false, snapshots, SNAPSHOT_BYTES);
        framesAfterJoin = harness.connections[0].frames;
        ticksAfterJoin = harness.room.ticks;
        GameHarness.check(broadcastTick() == 1, "one tick per operation");
        if (snapshots == Snapshots.BROADCAST) {
            for (CountingConnection connection : harness.connections) {
                GameHarness.check(connection.frames == framesAfterJoin + 1, "connection " + connection.id()
                        + " got " + (connection.frames - framesAfterJoin) + " snapshots, expected 1");
                GameHarness.check(connection.lastFrame == harness.connections[0].lastFrame,
                        "the broadcast frame is not shared");
            }
            GameHarness.checkSnapshot(harness.connections[0].lastFrame, SNAPSHOT_BYTES);
        }
        harness.checkHealthy();
    }

    @Benchmark
    public int broadcastTick() {
        return harness.tick();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        long expected = snapshots == Snapshots.BROADCAST ? harness.room.ticks - ticksAfterJoin : 0;
        for (CountingConnection connection : harness.connections) {
            GameHarness.check(connection.frames - framesAfterJoin == expected, "connection " + connection.id()
                    + " got " + (connection.frames - framesAfterJoin) + " snapshots, expected " + expected);
        }
        harness.checkHealthy();
    }
}
