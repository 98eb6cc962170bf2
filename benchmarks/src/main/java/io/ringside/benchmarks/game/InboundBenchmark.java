package io.ringside.benchmarks.game;

import io.ringside.engine.transport.WebSocketHandler;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Inbound throughput, one thread: {@value #BATCH} game envelopes of {@code inputBytes}-byte inputs
 * (64, the default game input, or 448, still within a 512-byte ring slot) from {@value #PLAYERS}
 * players go through the game endpoint (route by top-level field, copy into a ring slot) and one
 * tick drains them, reads each envelope in place and dispatches it to the room's handler. The score
 * is ns per message; {@code gc.alloc.rate.norm} is bytes per message.
 *
 * <p>{@code dispatch}: {@code raw} ({@code onRaw}, nothing parsed) or {@code typed}
 * ({@code on(type, GameMessage.parser(), ...)}: the room's message object is parsed per input).
 *
 * <p>{@code input}: {@code view} hands each envelope to {@code onBinary} as an already unmasked view
 * (the endpoint and ring alone); {@code frames} starts one step earlier, at masked client frames in a
 * read buffer that each connection's {@code MessageDecoder} decodes (see {@link InboundWire}), so the
 * unmasking is part of the score: the decoder hands each message over still masked and the endpoint
 * unmasks it while copying it into the slot, as in the server. {@code framesInPlace} is the same with
 * a handler that does not take masked messages: the decoder unmasks in place, then the endpoint copies
 * (two passes over the bytes, the path before the masked hand-over).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InboundBenchmark {
    static final int BATCH = 1024;
    static final int PLAYERS = 64;
    static final long SEED = 6455L;
    /** Where the envelope starts in the {@code view} buffer, as inside a larger read buffer. */
    static final int VIEW_OFFSET = 5;

    @Param({"raw", "typed"})
    String dispatch;

    @Param({"view", "frames", "framesInPlace"})
    String input;

    @Param({"64", "448"})
    int inputBytes;

    private GameHarness harness;
    private CountingConnection[] connections;
    private InboundWire wire;
    private ByteBuffer view;
    private int viewLength;
    private long published;

    @Setup(Level.Trial)
    public void setUp() {
        harness = new GameHarness(PLAYERS, "typed".equals(dispatch), Snapshots.NONE, 0);
        connections = harness.connections;
        byte[] envelope = InboundWire.inputEnvelope(inputBytes);
        if ("view".equals(input)) {
            view = ByteBuffer.allocate(envelope.length + 2 * VIEW_OFFSET).put(VIEW_OFFSET, envelope);
            viewLength = envelope.length;
        } else {
            wire = new InboundWire(harness, envelope, BATCH, SEED, "frames".equals(input));
        }
        GameHarness.check(publishDrainDispatch() == 1, "one tick per operation");
        long handled = harness.room.inputsHandled();
        GameHarness.check(handled == BATCH, "room handled " + handled + " of " + BATCH);
        harness.checkHealthy();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int publishDrainDispatch() {
        if (wire != null) {
            wire.feed();
        } else {
            WebSocketHandler endpoint = harness.endpoint;
            for (int i = 0; i < BATCH; i++) {
                endpoint.onBinary(connections[i & (PLAYERS - 1)], view, VIEW_OFFSET, viewLength);
            }
        }
        published += BATCH;
        return harness.tick();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        GameHarness.check(harness.room.inputsHandled() == published,
                "room handled " + harness.room.inputsHandled() + " of " + published + " inputs");
        harness.checkHealthy();
    }
}
