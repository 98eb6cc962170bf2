package io.ringside.benchmarks.engine;

import io.ringside.engine.client.ClientConfig;
import io.ringside.engine.client.ClientConnection;
import io.ringside.engine.client.ClientListener;
import io.ringside.engine.client.WebSocketClient;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Server memory per idle connection. The server runs alone in its own JVM ({@link ServerProcess}), so
 * its heap holds no client state: each iteration measures the server's used heap after forced GCs,
 * opens {@code idleConnections} idle WebSocket connections, measures again, closes them, and reports
 * the difference per connection in the secondary result {@code heapBytesPerConnection} (and
 * {@code directBytesPerConnection} for off-heap memory). Warmup iterations absorb one-time growth
 * (tables, pools, classes), so measured iterations show the steady cost; with {@code -wi 0} the first
 * batch includes it. The primary score is the time to open them all (256 handshakes in flight).
 *
 * <p>With {@code mode=stalled} the sockets are stalled handshakes instead ({@link StalledHandshakes}:
 * each sends a request line and a {@code Host} line, 34 bytes, and then nothing), against a server
 * whose handshake timeout is 10 minutes, so that none is answered before the count (plain servers
 * only: there the partial head is plain text).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class IdleConnectionHeapBenchmark {
    private static final int CLIENT_IO_THREADS = 2;
    private static final long SETTLE_MS = 60_000;
    private static final ClientListener IDLE = new ClientListener() {
    };
    private static final String OPEN = "open";
    private static final String STALLED = "stalled";
    private static final long STALLED_HANDSHAKE_TIMEOUT_MS = 600_000;

    @Param({EchoServerMain.RINGSIDE, EchoServerMain.NETTY, EchoServerMain.RINGSIDE_TLS, EchoServerMain.NETTY_TLS})
    public String server;

    @Param({"1000"})
    public int idleConnections;

    /** {@code open}: upgraded idle connections; {@code stalled}: sockets stalled in their handshake. */
    @Param({OPEN})
    public String mode;

    private ServerProcess process;
    private WebSocketClient client;
    private List<ClientConnection> open = List.of();
    private StalledHandshakes stalled;
    private long[] before;
    private int shares;

    /** Memory per connection measured in the last iteration, in bytes. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class PerConnection {
        public long heapBytesPerConnection;
        public long directBytesPerConnection;
    }

    @Setup(Level.Trial)
    public void start(BenchmarkParams params) {
        shares = params.getMeasurement().getCount() * Math.max(1, params.getForks());
        if (!OPEN.equals(mode) && !STALLED.equals(mode)) {
            throw new IllegalArgumentException("mode=" + mode + " (open or stalled)");
        }
        if (STALLED.equals(mode) && server.endsWith("-tls")) {
            throw new IllegalArgumentException("mode=stalled needs a plain server, not server=" + server);
        }
        process = STALLED.equals(mode) ? ServerProcess.start(server, STALLED_HANDSHAKE_TIMEOUT_MS)
                : ServerProcess.start(server);
        client = WebSocketClient.start(ClientConfig.builder().ioThreads(CLIENT_IO_THREADS).build());
    }

    @Setup(Level.Iteration)
    public void baseline() {
        before = process.statsAfterGc();
    }

    /** Opens the connections (or stalled handshakes); the score is the time it takes. */
    @Benchmark
    public void openIdle() throws Exception {
        if (STALLED.equals(mode)) {
            stalled = StalledHandshakes.start(process.port(), idleConnections);
            process.awaitConnectionCount(idleConnections, SETTLE_MS);
        } else {
            open = Connections.open(client, process.uri(), process.connectConfig(), idleConnections, i -> IDLE);
        }
    }

    /**
     * Measures what the server holds for the connections, then closes them. JMH sums event counters
     * over the measurement iterations of all forks, so each iteration adds its share: the sum is the mean.
     */
    @TearDown(Level.Iteration)
    public void measureAndClose(PerConnection cost) throws InterruptedException, IOException {
        long[] after = process.statsAfterGc();
        if (after[0] != idleConnections) {
            throw new IllegalStateException("server holds " + after[0] + " connections, opened " + idleConnections
                    + "; " + process.closes());
        }
        cost.heapBytesPerConnection = (after[1] - before[1]) / idleConnections / shares;
        cost.directBytesPerConnection = (after[2] - before[2]) / idleConnections / shares;
        if (stalled != null) {
            if (stalled.replaced() != 0) {
                throw new IllegalStateException("the server closed " + stalled.replaced() + " stalled handshakes");
            }
            stalled.close();
            stalled = null;
        }
        Connections.closeAll(open);
        open = List.of();
        process.awaitConnectionCount(0, SETTLE_MS);
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        process.close();
    }
}
