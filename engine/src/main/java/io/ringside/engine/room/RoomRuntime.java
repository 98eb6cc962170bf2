package io.ringside.engine.room;

import io.ringside.engine.internal.RoomControl;
import io.ringside.engine.tick.NanoClock;
import io.ringside.engine.tick.TickThread;
import io.ringside.engine.transport.WebSocketHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The game side of a server: its shards (tick loops with their rings and rooms), the room directory
 * and the endpoint handler that feeds them. {@code RingsideServer} wires it to the transport; it is
 * public for that, not as an API of its own.
 */
public final class RoomRuntime implements AutoCloseable {
    private final Shard[] shards;
    private final RoomDirectory directory;
    private final GameEndpoint endpoint;
    private final GameMetrics metrics;
    private final RoomControl control;
    private final List<TickThread> threads = new ArrayList<>();
    private final long drainDeadlineMs;
    private final NanoClock clock;
    private final long tickIntervalNs;
    private boolean closed;

    /** Shards, directory and endpoint for {@code config}; no thread runs until {@link #start()}. */
    public RoomRuntime(GameConfig config) {
        this(config, null);
    }

    /**
     * Shards, directory and endpoint for {@code config}, the directory telling {@code registry}
     * (none when {@code null}) of its rooms and listing from it; no thread runs until {@link #start()}.
     */
    public RoomRuntime(GameConfig config, RoomRegistry registry) {
        this.shards = new Shard[config.shards()];
        for (int i = 0; i < shards.length; i++) {
            shards[i] = new Shard(i, config, config.clock());
        }
        this.directory = new RoomDirectory(config.roomTypes(), shards, registry, config.maxRooms(),
                config.maxRoomsPerClient());
        this.endpoint = new GameEndpoint(directory, config);
        this.metrics = new GameMetrics(shards, directory);
        this.control = new ShardControl(shards, directory);
        this.drainDeadlineMs = config.drainDeadlineMs();
        this.clock = config.clock();
        this.tickIntervalNs = shards[0].loop.tickIntervalNs();
    }

    /**
     * Nanoseconds until the next tick of any shard starts (when it drains its ring), from 0 (one is
     * due or running, or the shards have not started) to one tick interval. Any thread: the I/O
     * loops' read pause ends by it ({@code transport.read-before-tick-us}).
     */
    public long nanosUntilNextTick() {
        long now = clock.nanoTime();
        long soonest = tickIntervalNs;
        for (Shard shard : shards) {
            soonest = Math.min(soonest, shard.loop.nanosUntilNextTick(now));
        }
        return Math.max(0, soonest);
    }

    /** The operator's view of the rooms and the actions on them, for a monitor. Any thread. */
    public RoomControl control() {
        return control;
    }

    /** The game side's figures (shards, ticks, room types, joins). Any thread. */
    public GameMetrics gameMetrics() {
        return metrics;
    }

    /**
     * Stops taking new joins and rooms: a join without a reconnect token is answered with
     * SERVER_DRAINING from now on. Every room gets {@code Room.onDrain} at its next tick and plays
     * on until it ends or {@link GameConfig#drainDeadlineMs()} from now, when the shards dispose
     * what remains (players told ROOM_CLOSED, connections closed with 1001). Not undone; later
     * calls do nothing. Any thread.
     */
    public void drain() {
        if (directory.drain()) {
            for (Shard shard : shards) {
                shard.drain(shard.clock.nanoTime() + TimeUnit.MILLISECONDS.toNanos(drainDeadlineMs));
            }
        }
    }

    /** The drain deadline, in milliseconds after {@link #drain()}. */
    public long drainDeadlineMs() {
        return drainDeadlineMs;
    }

    /**
     * Waits until no room is left (they ended, or were disposed at the drain deadline), at most
     * {@code timeoutMs}; returns whether none is. Not on a tick thread.
     */
    public boolean awaitNoRooms(long timeoutMs) throws InterruptedException {
        return directory.awaitNoRooms(timeoutMs);
    }

    /** Whether {@link #drain()} was called. Any thread. */
    public boolean isDraining() {
        return directory.isDraining();
    }

    /** The transport callbacks of the game endpoint. */
    public WebSocketHandler endpoint() {
        return endpoint;
    }

    /** Starts one tick thread per shard; an Error on one is only logged (see {@link #start(Consumer)}). */
    public synchronized void start() {
        start(error -> { });
    }

    /**
     * Starts one tick thread per shard; one that fails with an {@link Error} ends, and hands it to
     * {@code onFatalError} (which should stop the server).
     */
    public synchronized void start(Consumer<Throwable> onFatalError) {
        for (Shard shard : shards) {
            threads.add(new TickThread("ringside-shard-" + shard.index, shard.loop, shard.clock, onFatalError));
        }
    }

    /** Asks every tick thread to stop after its current tick, without waiting and without disposing rooms. */
    public synchronized void stopTicking() {
        for (TickThread thread : threads) {
            thread.requestStop();
        }
    }

    /** Runs every shard's due ticks on the calling thread (tests, with an injected clock); returns ticks run. */
    public int doWork() {
        int ticks = 0;
        for (Shard shard : shards) {
            ticks += shard.loop.doWork();
        }
        return ticks;
    }

    /** This server's rooms now, as a registry publishes them; any thread. */
    public List<RoomSnapshot> rooms() {
        return directory.snapshot();
    }

    /** Each shard's figures now; any thread. */
    public List<ShardMetrics> metrics() {
        List<ShardMetrics> metrics = new ArrayList<>(shards.length);
        for (Shard shard : shards) {
            metrics.add(shard.metrics());
        }
        return metrics;
    }

    RoomDirectory directory() {
        return directory;
    }

    /**
     * Stops the tick threads after their current tick, then disposes every room on the calling
     * thread (players are told ROOM_CLOSED). Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (TickThread thread : threads) {
            thread.close();
        }
        for (Shard shard : shards) {
            shard.disposeAll();
        }
    }
}
