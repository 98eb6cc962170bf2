package io.ringside.benchmarks.engine;

import java.io.IOException;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * WebSocket lifetimes per second over loopback TCP: each operation is one {@link RawHandshake} (TCP
 * connect, upgrade, close handshake, TCP close) on a blocking socket with precomputed bytes, so the
 * client's cost is small and the same for both servers. Four threads keep both server I/O threads busy.
 * Over TLS ({@code ringside-tls}, {@code netty-tls}) each lifetime starts with a full TLS handshake
 * ({@link RawTlsHandshake}, no session resumption).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(4)
public class TcpHandshakeBenchmark {
    /** The server under test, shared by the benchmark threads. */
    @State(Scope.Benchmark)
    public static class Peer {
        @Param({EchoServerMain.RINGSIDE, EchoServerMain.NETTY, EchoServerMain.RINGSIDE_TLS, EchoServerMain.NETTY_TLS})
        public String server;

        ServerProcess process;

        @Setup(Level.Trial)
        public void start() {
            process = ServerProcess.start(server);
        }

        @TearDown(Level.Trial)
        public void stop() {
            process.close();
        }
    }

    /** One raw client per benchmark thread. */
    @State(Scope.Thread)
    public static class Client {
        RawHandshake handshake;
        RawTlsHandshake tlsHandshake;

        @Setup(Level.Trial)
        public void start(Peer peer) {
            if (peer.process.tls()) {
                tlsHandshake = new RawTlsHandshake(peer.process.port());
            } else {
                handshake = new RawHandshake(peer.process.port());
            }
        }
    }

    /** Connect, upgrade, close. */
    @Benchmark
    public int connectUpgradeClose(Client client) throws IOException {
        return client.handshake != null ? client.handshake.run() : client.tlsHandshake.run();
    }
}
