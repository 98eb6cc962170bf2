package io.ringside.benchmarks.state;

import io.ringside.engine.state.PatchChannel;
import io.ringside.engine.state.ReplicationOptions;
import io.ringside.engine.state.Replicator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replication CPU per tick on one shard: {@code players} players in rooms of {@code roomSize},
 * every player moving and aiming every tick, one send per tick: per operation, every room's
 * players move and every room sends (commit, per-viewer records, StatePatch bytes handed to a
 * channel that keeps them, as the server's copies them into a frame). With {@code viewRadius}, each
 * player is also placed and its view centred every tick, and views come from the spatial grid
 * (e.g. {@code -p roomSize=200 -p viewRadius=680}: about 50 in view). With {@code -prof gc},
 * {@code gc.alloc.rate.norm} is the allocation per tick.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StateReplicationBenchmark {
    @Param({"1000"})
    int players;

    @Param({"50"})
    int roomSize;

    /** 0: everyone sees everyone; otherwise each player sees what is this near (the spatial grid). */
    @Param({"0"})
    float viewRadius;

    private ArenaMotion[] rooms;
    private Replicator<Integer>[] replicators;
    /** Viewer keys made once (boxing above 127 would allocate in the harness, not in replication). */
    private Integer[] keys;
    private final Sink sink = new Sink();
    private long tick;

    @Setup(Level.Trial)
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void setUp() {
        int roomCount = players / roomSize;
        rooms = new ArenaMotion[roomCount];
        keys = new Integer[roomSize];
        for (int i = 0; i < roomSize; i++) {
            keys[i] = i;
        }
        replicators = new Replicator[roomCount];
        for (int r = 0; r < roomCount; r++) {
            // the arena's 1600 x 900 for 50 players, as crowded for more
            float scale = (float) Math.sqrt(roomSize / 50.0);
            rooms[r] = new ArenaMotion(roomSize, 1600 * scale, 900 * scale, r);
            replicators[r] = new Replicator<>(ReplicationOptions.builder().viewRadius(viewRadius).build());
            for (int i = 0; i < roomSize; i++) {
                replicators[r].join(keys[i]);
                replicators[r].spawn(rooms[r].fighters[i], keys[i]);
            }
        }
        for (int i = 0; i < 100; i++) {
            tick();
        }
        if (sink.bytes == 0) {
            throw new IllegalStateException("nothing replicated");
        }
    }

    /** One tick of the shard: every room steps its players and sends. */
    @Benchmark
    public long tick() {
        tick++;
        for (int r = 0; r < rooms.length; r++) {
            ArenaMotion room = rooms[r];
            room.step(1f / 30);
            Replicator<Integer> replicator = replicators[r];
            if (viewRadius > 0) {
                FighterEntity[] fighters = room.fighters;
                for (int i = 0; i < fighters.length; i++) {
                    replicator.place(fighters[i], fighters[i].getX(), fighters[i].getY());
                    replicator.center(keys[i], fighters[i].getX(), fighters[i].getY());
                }
            }
            replicator.send(tick, sink);
        }
        return sink.bytes;
    }

    /** Copies each patch, as the server copies it into a pooled frame. */
    static final class Sink implements PatchChannel<Integer> {
        final byte[] frame = new byte[65_536];
        long bytes;

        @Override
        public boolean ready(Integer viewer) {
            return true;
        }

        @Override
        public boolean deliver(Integer viewer, byte[] patch, int offset, int length) {
            System.arraycopy(patch, offset, frame, 0, length);
            bytes += length;
            return true;
        }
    }
}
