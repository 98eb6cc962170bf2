package io.ringside.benchmarks.swarm;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The system-call floor of the swarm workload on this machine: the CPU time of the socket
 * operations a player costs, made from Java NIO the way the server makes them, with nothing else
 * around them (no framing, no ring, no tick). Timed by the thread's own CPU clock
 * ({@code ThreadMXBean.getCurrentThreadCpuTime()}), so the figures hold on a shared machine.
 *
 * <p>{@code pairs} loopback TCP connections, both ends non-blocking with {@code TCP_NODELAY}, as the
 * server and the load generator set them. One round, all on one thread:
 * <ol>
 *   <li><b>server write</b>: a {@code stateBytes} frame (the swarm room's snapshot frame) written to
 *       each server end from a direct buffer, as the I/O loop writes from its direct staging buffer;
 *       on loopback this includes the kernel delivering the segment into the client's socket;</li>
 *   <li><b>client select + read</b>: {@code selectNow} over the client ends until each was reported
 *       ready (the JDK takes at most 1,024 events per {@code epoll_wait}), the keys collected by a
 *       select consumer as the server's are, then one read of each into a 64 KiB heap buffer;</li>
 *   <li><b>client write</b>: an {@code inputBytes} frame (a masked 16 B input) to each client end;</li>
 *   <li><b>server select + read</b>: the same as the client's, into a 64 KiB heap buffer as the I/O
 *       loop reads (the JDK copies from its cached direct buffer).</li>
 * </ol>
 * A round times each step as a whole and divides by the operations in it: per call, the timer costs
 * nothing. Also measured: {@code epoll_wait} with nothing ready ({@code selectNow}), and the
 * <b>wake-up cycle</b>: a thread blocked in {@code select} woken by one input written from another
 * thread, the woken thread's CPU per cycle (return from {@code epoll_wait}, the read, and blocking
 * again) and the writer's CPU for a write that wakes a blocked reader.
 *
 * <p>Prints the median per operation over the measured rounds and the floor per player-second of
 * the swarm workload (30 state writes and 21 reads, 20 inputs and a ping, per player-second; the
 * pong leaves with a snapshot), with and without the 21 readiness events a batched select reports,
 * and the client's per bot-second. Not JMH: a loop after a warm-up.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.ringside.benchmarks.swarm.SocketFloorCpu \
 *     [pairs] [rounds] [stateBytes] [inputBytes]
 * </pre>
 */
public final class SocketFloorCpu {
    private static final int READ_BUFFER_BYTES = 64 * 1024;
    private static final int WAKE_CYCLES = 2_000;
    private static final double NS_PER_US = 1_000.0;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final SocketChannel[] servers;
    private final SocketChannel[] clients;
    private final Selector serverSelector;
    private final Selector clientSelector;
    private final ByteBuffer state;
    private final ByteBuffer input;
    private final ByteBuffer serverRead = ByteBuffer.allocate(READ_BUFFER_BYTES);
    private final ByteBuffer clientRead = ByteBuffer.allocate(READ_BUFFER_BYTES);
    private final SelectionKey[] ready;
    private int readyCount;
    private final Consumer<SelectionKey> collect;

    private SocketFloorCpu(int pairs, int stateBytes, int inputBytes) throws IOException {
        servers = new SocketChannel[pairs];
        clients = new SocketChannel[pairs];
        ready = new SelectionKey[pairs];
        collect = key -> ready[readyCount++] = key;
        serverSelector = Selector.open();
        clientSelector = Selector.open();
        state = ByteBuffer.allocateDirect(stateBytes);
        input = ByteBuffer.allocateDirect(inputBytes);
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), pairs);
            for (int i = 0; i < pairs; i++) {
                clients[i] = SocketChannel.open(listener.getLocalAddress());
                servers[i] = listener.accept();
                for (SocketChannel c : new SocketChannel[] {clients[i], servers[i]}) {
                    c.configureBlocking(false);
                    c.setOption(StandardSocketOptions.TCP_NODELAY, true);
                }
                servers[i].register(serverSelector, SelectionKey.OP_READ);
                clients[i].register(clientSelector, SelectionKey.OP_READ);
            }
        }
    }

    /** Arguments: connection pairs (1,000), measured rounds (300), state frame bytes (214), input frame bytes (28). */
    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int stateBytes = args.length > 2 ? Integer.parseInt(args[2]) : 214;
        int inputBytes = args.length > 3 ? Integer.parseInt(args[3]) : 28;
        SocketFloorCpu floor = new SocketFloorCpu(pairs, stateBytes, inputBytes);
        floor.run(rounds);
    }

    private void run(int rounds) throws Exception {
        int warmup = Math.max(50, rounds / 4);
        long[][] warm = new long[6][warmup];
        for (int i = 0; i < warmup; i++) {
            round(warm, i);
        }
        long[][] r = new long[6][rounds];
        for (int i = 0; i < rounds; i++) {
            round(r, i);
        }
        int n = servers.length;
        double serverWrite = median(r[0]) / n;
        double clientSelect = median(r[1]);
        double clientRead = median(r[2]) / n;
        double clientWrite = median(r[3]) / n;
        double serverSelect = median(r[4]);
        double serverReadNs = median(r[5]) / n;
        double emptySelect = emptySelectNs(rounds);
        double[] wake = wakeCycle();
        System.out.printf("SocketFloorCpu: %d loopback pairs, %d rounds, state frame %d B, input frame %d B, "
                + "median CPU ns per operation%n", n, rounds, state.capacity(), input.capacity());
        System.out.printf("  server write (state, direct buffer, incl. loopback delivery)  %8.0f ns%n", serverWrite);
        System.out.printf("  server read (input, 64 KiB heap buffer)                        %8.0f ns%n", serverReadNs);
        System.out.printf("  server selectNow until %d were ready (epoll_wait, keys) %8.0f ns (%.0f ns per key)%n",
                n, serverSelect, serverSelect / n);
        System.out.printf("  client write (input)                                          %8.0f ns%n", clientWrite);
        System.out.printf("  client read (state)                                           %8.0f ns%n", clientRead);
        System.out.printf("  client selectNow until %d were ready                         %8.0f ns%n", n, clientSelect);
        System.out.printf("  selectNow with nothing ready (bare epoll_wait)                %8.0f ns%n", emptySelect);
        System.out.printf("  wake-up cycle, woken thread (epoll_wait returns, read, blocks) %8.0f ns%n",
                wake[0]);
        System.out.printf("  write that wakes a thread blocked in epoll_wait, writer's CPU  %8.0f ns%n", wake[1]);
        double perPlayer = 30 * serverWrite + 21 * serverReadNs;
        double readiness = 21 * serverSelect / n;
        double perBot = 21 * clientWrite + 30 * clientRead;
        System.out.printf("floor per player-second, server: 30 writes + 21 reads                  %6.0f us%n",
                perPlayer / NS_PER_US);
        System.out.printf("  + 21 readiness events from batched selects                            %6.0f us%n",
                (perPlayer + readiness) / NS_PER_US);
        System.out.printf("  or one wake-up cycle per read instead (a select per input)           %6.0f us%n",
                (perPlayer + 21 * Math.max(0, wake[0] - serverReadNs)) / NS_PER_US);
        System.out.printf("floor per bot-second, client: 21 writes + 30 reads (+ readiness)       %6.0f us (%.0f us)%n",
                perBot / NS_PER_US, (perBot + 30 * clientSelect / n) / NS_PER_US);
    }

    private void round(long[][] out, int i) throws IOException {
        long t0 = threads.getCurrentThreadCpuTime();
        for (SocketChannel s : servers) {
            state.clear();
            writeFully(s, state);
        }
        out[0][i] = threads.getCurrentThreadCpuTime() - t0;
        selectAndRead(clientSelector, clientRead, state.capacity(), out[1], out[2], i);
        long t3 = threads.getCurrentThreadCpuTime();
        for (SocketChannel c : clients) {
            input.clear();
            writeFully(c, input);
        }
        out[3][i] = threads.getCurrentThreadCpuTime() - t3;
        selectAndRead(serverSelector, serverRead, input.capacity(), out[4], out[5], i);
    }

    private static void writeFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        if (channel.write(buffer) != buffer.capacity()) {
            throw new IllegalStateException("short write on loopback: the peer is not draining");
        }
    }

    /**
     * Selects until every socket was reported ready once (the JDK takes at most 1,024 events per
     * {@code epoll_wait}), collecting the keys as the server's select consumer sees them, and reads
     * each; the select time goes to {@code selectNs[i]}, the reads' to {@code readNs[i]}. Each read
     * must return exactly one frame of {@code expected} bytes.
     */
    private void selectAndRead(Selector selector, ByteBuffer buffer, int expected, long[] selectNs,
                               long[] readNs, int i) throws IOException {
        long select = 0;
        long read = 0;
        int done = 0;
        int emptySelects = 0;
        while (done < servers.length) {
            long t0 = threads.getCurrentThreadCpuTime();
            readyCount = 0;
            if (emptySelects == 0) {
                selector.selectNow(collect);
            } else {
                // a segment the kernel has not delivered yet (its socket was busy): wait for it
                selector.select(collect, 10);
            }
            long t1 = threads.getCurrentThreadCpuTime();
            for (int k = 0; k < readyCount; k++) {
                buffer.clear();
                int n = ((SocketChannel) ready[k].channel()).read(buffer);
                if (n != expected) {
                    throw new IllegalStateException("read " + n + " B, expected one frame of " + expected);
                }
            }
            long t2 = threads.getCurrentThreadCpuTime();
            select += t1 - t0;
            read += t2 - t1;
            done += readyCount;
            if (readyCount == 0 && ++emptySelects > 100) {
                throw new IllegalStateException(done + " of " + servers.length + " sockets ready");
            }
        }
        selectNs[i] = select;
        readNs[i] = read;
    }

    private double emptySelectNs(int rounds) throws IOException {
        long[] r = new long[rounds];
        int calls = 1_000;
        for (int i = 0; i < rounds; i++) {
            long t0 = threads.getCurrentThreadCpuTime();
            for (int j = 0; j < calls; j++) {
                if (serverSelector.selectNow() != 0) {
                    throw new IllegalStateException("a socket is ready");
                }
            }
            r[i] = threads.getCurrentThreadCpuTime() - t0;
        }
        return median(r) / calls;
    }

    /**
     * A reader thread blocked in {@code select} on the server ends; this thread writes one input to
     * the next client end, waits until the reader has read it and is blocked again, and repeats.
     * Returns the reader's CPU ns per cycle and the writer's CPU ns per waking write (the timer's own
     * cost subtracted).
     */
    private double[] wakeCycle() throws Exception {
        AtomicLong readCount = new AtomicLong();
        AtomicLong readerCpu = new AtomicLong();
        Thread reader = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
            long start = threads.getCurrentThreadCpuTime();
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    serverSelector.select(key -> {
                        buffer.clear();
                        try {
                            ((SocketChannel) key.channel()).read(buffer);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        readerCpu.set(threads.getCurrentThreadCpuTime() - start);
                        readCount.incrementAndGet();
                    });
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "floor-reader");
        reader.setDaemon(true);
        reader.start();
        long timer = timerCostNs();
        long[] writes = new long[WAKE_CYCLES];
        long cpuAtWarm = 0;
        int warmCycles = WAKE_CYCLES / 4;
        for (int i = 0; i < WAKE_CYCLES + warmCycles; i++) {
            // let the reader block again: it must be asleep in epoll_wait when the write lands
            LockSupport.parkNanos(200_000);
            input.clear();
            long t0 = threads.getCurrentThreadCpuTime();
            writeFully(clients[i % clients.length], input);
            long t1 = threads.getCurrentThreadCpuTime();
            if (i >= warmCycles) {
                writes[i - warmCycles] = t1 - t0 - timer;
            }
            long want = i + 1;
            while (readCount.get() < want) {
                Thread.onSpinWait();
            }
            if (i == warmCycles - 1) {
                cpuAtWarm = readerCpu.get();
            }
        }
        // the reader's CPU after its last read includes blocking again only up to the last-but-one
        double perCycle = (double) (readerCpu.get() - cpuAtWarm) / WAKE_CYCLES;
        reader.interrupt();
        serverSelector.wakeup();
        reader.join(1_000);
        return new double[] {perCycle, median(writes)};
    }

    private long timerCostNs() {
        long[] r = new long[1_000];
        for (int i = 0; i < r.length; i++) {
            long t0 = threads.getCurrentThreadCpuTime();
            long t1 = threads.getCurrentThreadCpuTime();
            r[i] = t1 - t0;
        }
        return (long) median(r);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
