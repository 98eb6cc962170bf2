package io.ringside.benchmarks.game;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Control;

/**
 * Inbound latency across threads: an I/O-like thread ({@code publishToHandled}) hands one game
 * envelope to the endpoint and spins until the room's handler has seen it; the shard's thread
 * ({@code shard}) runs ticks back to back (the clock advances one interval per call), so the ring is
 * polled continuously instead of every 33 ms. The {@code publishToHandled} sample is one hand-over:
 * publish, the shard noticing it on its next poll, in-place read, dispatch, and the release store the
 * producer observes. With a real 30 Hz tick, add the wait for the next tick (up to 33.3 ms).
 */
@State(Scope.Group)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InboundLatencyBenchmark {
    private GameHarness harness;
    private CountingConnection connection;
    private long sent;

    @Setup(Level.Trial)
    public void setUp() {
        harness = new GameHarness(1, false, Snapshots.NONE, 0);
        connection = harness.connections[0];
        harness.publishInput(connection);
        sent = 1;
        harness.tick();
        GameHarness.check(harness.room.handled() == 1, "room handled " + harness.room.handled() + " of 1");
    }

    @Benchmark
    @Group("ring")
    @GroupThreads(1)
    public long publishToHandled(Control control) {
        if (control.stopMeasurement) {
            return sent; // ramp-down: the shard thread may have stopped polling, publish nothing more
        }
        long target = ++sent;
        harness.publishInput(connection);
        while (harness.room.handled() < target && !control.stopMeasurement) {
            Thread.onSpinWait();
        }
        return target;
    }

    @Benchmark
    @Group("ring")
    @GroupThreads(1)
    public int shard() {
        return harness.tick();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        harness.tick(); // the last input may have been published after the shard's last poll
        GameHarness.check(harness.room.handled() == sent, "room handled " + harness.room.handled() + " of " + sent
                + "; " + harness.metrics());
        harness.checkHealthy();
    }
}
