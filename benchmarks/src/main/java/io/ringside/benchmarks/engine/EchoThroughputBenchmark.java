package io.ringside.benchmarks.engine;

import io.ringside.engine.client.ClientConfig;
import io.ringside.engine.client.ClientConnection;
import io.ringside.engine.client.WebSocketClient;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Echo throughput over loopback TCP, in messages per second: {@code connections} client connections,
 * each keeping {@code window} binary messages in flight (a new one leaves as each echo arrives, sent
 * from the client's I/O thread). The load runs by itself from setup on; an invocation only waits until
 * {@link #BATCH} more echoes arrived, so the score is the echo rate. The server runs in its own JVM.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class EchoThroughputBenchmark {
    static final int BATCH = 1_000;
    private static final int CLIENT_IO_THREADS = 2;
    private static final long POLL_NS = 50_000;
    private static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);

    @Param({EchoServerMain.RINGSIDE, EchoServerMain.NETTY, EchoServerMain.RINGSIDE_TLS, EchoServerMain.NETTY_TLS})
    public String server;

    @Param({"1", "100", "1000"})
    public int connections;

    @Param({"4"})
    public int window;

    @Param({"64"})
    public int payloadBytes;

    private final AtomicLong echoes = new AtomicLong();
    private final List<Reflector> reflectors = new ArrayList<>();
    private ServerProcess process;
    private WebSocketClient client;
    private List<ClientConnection> open = List.of();
    private long target;

    @Setup(Level.Trial)
    public void start() throws Exception {
        process = ServerProcess.start(server);
        client = WebSocketClient.start(ClientConfig.builder().ioThreads(CLIENT_IO_THREADS).build());
        ByteBuffer payload = ByteBuffer.allocate(payloadBytes).asReadOnlyBuffer();
        for (int i = 0; i < connections; i++) {
            reflectors.add(new Reflector(echoes, payload));
        }
        open = Connections.open(client, process.uri(), process.connectConfig(), connections, reflectors::get);
        for (ClientConnection connection : open) {
            for (int i = 0; i < window; i++) {
                connection.sendBinary(payload);
            }
        }
    }

    @Setup(Level.Iteration)
    public void mark() {
        target = echoes.get();
    }

    /** Waits for the next {@link #BATCH} echoes, across all connections. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void echoes() {
        target += BATCH;
        long deadline = System.nanoTime() + TIMEOUT_NS;
        while (echoes.get() < target) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("echoes stalled: " + firstFailure());
            }
            LockSupport.parkNanos(POLL_NS);
        }
    }

    private String firstFailure() {
        for (Reflector reflector : reflectors) {
            if (reflector.failure() != null) {
                return reflector.failure();
            }
        }
        return "no failure seen";
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        try {
            Connections.closeAll(open);
        } finally {
            client.close();
            process.close();
        }
    }
}
