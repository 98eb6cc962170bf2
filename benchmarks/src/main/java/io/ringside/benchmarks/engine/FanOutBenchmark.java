package io.ringside.benchmarks.engine;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Fan-out over real loopback sockets: one operation is one broadcast of a {@code payloadBytes} binary
 * message from the benchmark thread (playing the tick thread) to {@code connections} WebSocket
 * connections, timed until the clients' drain thread has read every byte of it on every socket. The
 * server runs in this JVM with {@code ioThreads} I/O threads, so {@code -prof gc} counts its allocation
 * together with the drain thread's and the benchmark thread's. See benchmarks/README.md, "Fan-out".
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// the JDK's epoll selector looks each ready key up by a boxed fd (HashMap<Integer, SelectionKeyImpl>):
// 16 B per ready socket once fds pass 127; a larger Integer cache takes that JDK cost out of B/op
@Fork(value = 1, jvmArgsAppend = "-XX:AutoBoxCacheMax=65536")
public class FanOutBenchmark {
    private static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);
    private static final long QUIET_MS = 100;
    private static final int SPINS_PER_CHECK = 256;
    private static final int SPARE_DESCRIPTORS = 128;

    /** Which server sends. */
    public enum Server {
        /** Ours: a pooled {@code SharedFrame} per broadcast, one reference per recipient. */
        RINGSIDE_SHARED,
        /** Ours, the old way: one prebuilt frame, {@code sendFrame(ByteBuffer)} per recipient. */
        RINGSIDE_COPY,
        /** Netty 4.2: {@code ChannelGroup.writeAndFlush(new BinaryWebSocketFrame(buf))}. */
        NETTY,
        /** No server: one blocking socket write per connection from the benchmark thread. */
        FLOOR
    }

    @Param({"100", "1000"})
    public int connections;

    @Param({"64", "1024"})
    public int payloadBytes;

    @Param
    public Server server;

    @Param({"1"})
    public int ioThreads;

    private final CpuMeter cpu = new CpuMeter();
    private FanOutServer fanOut;
    private FanOutClients clients;
    private long expected;
    private long broadcasts;
    private int bytesPerBroadcast;

    @Setup(Level.Trial)
    public void start() throws Exception {
        checkDescriptors(connections);
        byte[] payload = payload(payloadBytes);
        fanOut = startServer(payload);
        try {
            clients = FanOutClients.connect(fanOut.port(), connections);
            fanOut.awaitConnections(connections);
            bytesPerBroadcast = fanOut.frameBytes() * connections;
            fanOut.broadcast();
            broadcasts = 1;
            clients.verifyFrame(payload);
            clients.startDraining();
            expected = clients.received();
            cpu.resolveThreads(serverThreadPrefix(), FanOutClients.DRAIN_THREAD_NAME);
        } catch (Exception | Error e) {
            stop();
            throw e;
        }
    }

    private FanOutServer startServer(byte[] payload) throws Exception {
        switch (server) {
            case RINGSIDE_SHARED:
                return RingsideFanOut.start(true, payload, ioThreads);
            case RINGSIDE_COPY:
                return RingsideFanOut.start(false, payload, ioThreads);
            case NETTY:
                return NettyFanOut.start(payload, ioThreads);
            case FLOOR:
                return FloorFanOut.start(payload, connections);
            default:
                throw new IllegalArgumentException("server=" + server);
        }
    }

    private String serverThreadPrefix() {
        switch (server) {
            case RINGSIDE_SHARED:
            case RINGSIDE_COPY:
                return "ringside-io-";
            case NETTY:
                return NettyFanOut.IO_THREAD_PREFIX;
            default:
                return "";
        }
    }

    static byte[] payload(int length) {
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) (i * 31 + 7);
        }
        return payload;
    }

    /** Fails with a clear message when this process may not open a socket per client and per server end. */
    private static void checkDescriptors(int connections) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean) {
            UnixOperatingSystemMXBean unix = (UnixOperatingSystemMXBean) os;
            long free = unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount();
            long needed = 2L * connections + SPARE_DESCRIPTORS;
            if (free < needed) {
                throw new IllegalStateException("connections=" + connections + " needs " + needed
                        + " free file descriptors (both ends of every socket are in this JVM), but ulimit -n is "
                        + unix.getMaxFileDescriptorCount() + " with " + unix.getOpenFileDescriptorCount()
                        + " open: raise it (ulimit -n 20000) or lower connections");
            }
        }
    }

    /** One broadcast to every connection, until every client has read all of it. */
    @Benchmark
    public long broadcast() {
        long cpuStart = cpu.now();
        fanOut.broadcast();
        cpu.handOff(cpu.now() - cpuStart);
        broadcasts++;
        expected += bytesPerBroadcast;
        awaitReceived();
        return expected;
    }

    /** Spins (yielding now and then: the box may have fewer cores than busy threads) until all bytes are in. */
    private void awaitReceived() {
        long deadline = 0;
        int spins = 0;
        while (clients.received() < expected) {
            Thread.onSpinWait();
            if (++spins == SPINS_PER_CHECK) {
                spins = 0;
                long now = System.nanoTime();
                if (deadline == 0) {
                    deadline = now + TIMEOUT_NS;
                } else if (now - deadline > 0) {
                    throw new IllegalStateException("broadcast " + broadcasts + " not received within 10 s: "
                            + clients.received() + " of " + expected + " bytes; "
                            + (clients.failure() == null ? "no client failure" : clients.failure()));
                }
                Thread.yield();
            }
        }
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        cpu.startIteration(broadcasts);
    }

    @TearDown(Level.Iteration)
    public void endIteration(IterationParams iteration) {
        cpu.endIteration(broadcasts, iteration.getType() == IterationType.MEASUREMENT);
    }

    /** Checks that every client got exactly every broadcast (none lost, none extra), then stops all. */
    @TearDown(Level.Trial)
    public void stop() throws Exception {
        try {
            if (clients != null && expected > 0) {
                Thread.sleep(QUIET_MS);
                clients.stopDraining();
                verifyCounts();
                System.out.println(cpu.summary(connections));
            }
        } finally {
            try {
                if (clients != null) {
                    clients.close();
                }
            } finally {
                if (fanOut != null) {
                    fanOut.close();
                }
            }
        }
    }

    private void verifyCounts() {
        if (clients.failure() != null) {
            throw new IllegalStateException(clients.failure());
        }
        long perClient = broadcasts * fanOut.frameBytes();
        for (int i = 0; i < clients.count(); i++) {
            if (clients.receivedBy(i) != perClient) {
                throw new IllegalStateException("client " + i + " read " + clients.receivedBy(i) + " bytes, expected "
                        + perClient + " (" + broadcasts + " broadcasts of " + fanOut.frameBytes() + " bytes)");
            }
        }
        if (clients.received() != expected) {
            throw new IllegalStateException("clients read " + clients.received() + " bytes in all, expected "
                    + expected);
        }
        if (fanOut instanceof RingsideFanOut) {
            System.out.println(((RingsideFanOut) fanOut).poolStats());
        }
    }
}
