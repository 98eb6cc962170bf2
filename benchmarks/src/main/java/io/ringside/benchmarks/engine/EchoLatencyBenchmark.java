package io.ringside.benchmarks.engine;

import io.ringside.engine.client.ClientConfig;
import io.ringside.engine.client.ClientConnection;
import io.ringside.engine.client.ClientListener;
import io.ringside.engine.client.WebSocketClient;
import java.nio.ByteBuffer;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Echo round-trip latency over loopback TCP: one probe connection, one message in flight. Each
 * invocation sends one binary message through our {@link WebSocketClient} and waits for its echo;
 * JMH's {@link Mode#SampleTime} gives the distribution (p50, p99, p99.9). With {@code connections} > 1
 * the other connections carry {@code backgroundMessagesPerSecond} messages in all ({@link BackgroundLoad}),
 * so the probe sees a server busy with other players. With {@code stalledHandshakes} > 0 that many
 * sockets hold an unfinished upgrade request open for the whole trial ({@link StalledHandshakes}), so
 * the probe sees what stalled handshakes cost the others. The server runs in its own JVM
 * ({@link ServerProcess}); the client code is the same for both servers.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class EchoLatencyBenchmark {
    private static final int CLIENT_IO_THREADS = 2;
    private static final ClientListener IGNORE = new ClientListener() {
    };

    @Param({EchoServerMain.RINGSIDE, EchoServerMain.NETTY, EchoServerMain.RINGSIDE_TLS, EchoServerMain.NETTY_TLS})
    public String server;

    @Param({"1", "1000"})
    public int connections;

    @Param({"10000"})
    public long backgroundMessagesPerSecond;

    @Param({"64"})
    public int payloadBytes;

    @Param({"0"})
    public int stalledHandshakes;

    private ServerProcess process;
    private WebSocketClient client;
    private ClientConnection connection;
    private List<ClientConnection> others = List.of();
    private BackgroundLoad load;
    private StalledHandshakes stalled;
    private EchoWaiter echoes;
    private ByteBuffer payload;
    private long sent;

    @Setup(Level.Trial)
    public void start() throws Exception {
        process = ServerProcess.start(server);
        stalled = StalledHandshakes.start(process.port(), stalledHandshakes);
        client = WebSocketClient.start(ClientConfig.builder().ioThreads(CLIENT_IO_THREADS).build());
        echoes = new EchoWaiter(payloadBytes);
        connection = Connections.open(client, process.uri(), process.connectConfig(), 1, i -> echoes).get(0);
        payload = ByteBuffer.allocate(payloadBytes).asReadOnlyBuffer();
        others = Connections.open(client, process.uri(), process.connectConfig(), connections - 1, i -> IGNORE);
        load = BackgroundLoad.start(others, backgroundMessagesPerSecond, payload);
        sent = echoes.received();
    }

    /** One round trip: send, then wait for the echo. */
    @Benchmark
    public void roundTrip() {
        if (!connection.sendBinary(payload)) {
            throw new IllegalStateException("send refused: " + connection);
        }
        echoes.await(++sent);
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        try {
            load.stop();
            stalled.close();
            Connections.closeAll(others);
            Connections.closeAll(List.of(connection));
        } finally {
            client.close();
            process.close();
        }
    }
}
