package io.ringside.benchmarks.swarm;

import com.sun.management.OperatingSystemMXBean;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.ringside.engine.RingsideServer;
import io.ringside.engine.room.RoomOptions;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;

/**
 * The server of the swarm benchmark: a Ringside game server whose one room type, {@value #ROOM_TYPE},
 * is a {@link SwarmRoom} of up to 50 players simulated and broadcast at 30 Hz. Drive it with the
 * load generator in another process (see the benchmarks README):
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.ringside.benchmarks.swarm.SwarmServerMain --port 9100
 * java -jar tools/target/ringside-tools.jar loadgen ws://127.0.0.1:9100/ws --mode game --room-type swarm \
 *     --bots 1000 --rate 20 --size 16 --snapshot-type 2 --ping-rate 1 --server-pid PID
 * </pre>
 *
 * <p>Options (each {@code --name value}): {@code --port} (default 9100), {@code --io-loops} and
 * {@code --shards} (default: one per core), {@code --room-size} (50), {@code --tick-hz} (30),
 * {@code --read-coalesce-us} (0: the transport's read-coalescing pause, off by default),
 * {@code --read-before-tick-us} (0: the transport's read pause tied to the tick, off by default). Besides
 * the server's own figures, {@code /metrics} serves {@code process_cpu_seconds_total}, the JVM's CPU
 * time, so the load generator can read the server's CPU from there too. Prints one line,
 * {@code swarm: pid N port P ...}, once listening; runs until stopped (Ctrl-C).
 */
public final class SwarmServerMain {
    /** The room type the bots join. */
    public static final String ROOM_TYPE = "swarm";
    private static final int MAX_CONNECTIONS = 20_000;
    private static final double NANOS_PER_SECOND = 1e9;

    private SwarmServerMain() {
    }

    /** Starts the server and blocks until the JVM is stopped. */
    public static void main(String[] args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        int port = option(args, "--port", 9100);
        int ioLoops = option(args, "--io-loops", cores);
        int shards = option(args, "--shards", cores);
        int roomSize = option(args, "--room-size", 50);
        int tickHz = option(args, "--tick-hz", 30);
        long readCoalesceUs = option(args, "--read-coalesce-us", 0);
        long readBeforeTickUs = option(args, "--read-before-tick-us", 0);
        PrometheusRegistry registry = new PrometheusRegistry();
        registerProcessCpu(registry);
        RingsideServer server = RingsideServer.builder()
                .metricsRegistry(registry)
                .transport(t -> t.port(port).ioLoops(ioLoops).maxConnections(MAX_CONNECTIONS)
                        .readCoalesceUs(readCoalesceUs).readBeforeTickUs(readBeforeTickUs))
                .game(g -> g.shards(shards).tickRateHz(tickHz))
                .room(ROOM_TYPE, SwarmRoom::new, RoomOptions.builder().capacity(roomSize).build())
                .build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "swarm-shutdown"));
        System.out.printf("swarm: pid %d port %d io-loops %d shards %d room-size %d tick-hz %d read-coalesce-us %d"
                + " read-before-tick-us %d%n", ProcessHandle.current().pid(), server.port(), ioLoops, shards, roomSize,
                tickHz, readCoalesceUs, readBeforeTickUs);
        System.out.flush();
        stopped.await();
    }

    /** Registers {@code process_cpu_seconds_total}: CPU time of this JVM, all threads, user and system. */
    static void registerProcessCpu(PrometheusRegistry registry) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        CounterWithCallback.builder().name("process_cpu_seconds").help("CPU time of the server process, seconds")
                .callback(callback -> callback.call(os.getProcessCpuTime() / NANOS_PER_SECOND))
                .register(registry);
    }

    private static int option(String[] args, String name, int defaultValue) {
        for (int i = 0; i < args.length - 1; i++) {
            if (name.equals(args[i])) {
                try {
                    return Integer.parseInt(args[i + 1]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + "=" + args[i + 1] + " (expected a number)", e);
                }
            }
        }
        return defaultValue;
    }
}
