package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.protocol.http.UpgradeRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The I/O loop's timers driven by hand: an injected clock and {@code doWork()} called by the test,
 * over loopback sockets. No sleeps: time only moves when the test moves it.
 */
@Timeout(30)
class IoLoopTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final AtomicLong clock = new AtomicLong(TimeUnit.SECONDS.toNanos(1000));
    private final AtomicInteger openConnections = new AtomicInteger();
    private final Queue<Connection> opened = new ArrayDeque<>();
    private long received;
    private ServerSocketChannel listener;
    private IoLoop loop;

    @BeforeEach
    void setUp() throws IOException {
        listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        WebSocketServer.Builder builder = WebSocketServer.builder().nanoClock(clock::get)
                .handshakeTimeoutMs(1000).heartbeatIntervalMs(2000).heartbeatTimeoutMs(500).closeTimeoutMs(300)
                .shutdownTimeoutMs(700).commandQueueCapacity(4).endpoint("/", new EchoHandler() {
                    @Override
                    public void onOpen(Connection connection, UpgradeRequest request) {
                        opened.add(connection);
                    }
                }).endpoint("/sink", new WebSocketHandler() {
                    @Override
                    public void onBinary(Connection connection, ByteBuffer buffer, int offset, int length) {
                        received += length;
                    }
                });
        loop = new IoLoop(0, builder.config(), openConnections, new AtomicLong());
    }

    @AfterEach
    void tearDown() throws IOException {
        listener.close();
    }

    private RawClient connect() throws IOException {
        RawClient client = RawClient.connect(((InetSocketAddress) listener.getLocalAddress()).getPort());
        SocketChannel accepted = listener.accept();
        assertThat(loop.register(accepted)).isTrue();
        loop.doWork(0);
        return client;
    }

    private RawClient upgraded() throws IOException {
        return upgraded("/");
    }

    private RawClient upgraded(String path) throws IOException {
        RawClient client = connect();
        client.send(RawClient.upgradeRequest(path, "").getBytes(StandardCharsets.ISO_8859_1));
        workUntilReadable(client);
        assertThat(client.readHead()).startsWith("HTTP/1.1 101");
        return client;
    }

    private void workUntilReadable(RawClient client) throws IOException {
        for (int i = 0; i < 1000 && client.available() == 0; i++) {
            loop.doWork(1);
        }
        assertThat(client.available()).as("bytes from the server").isPositive();
    }

    private void advance(long nanos) throws IOException {
        clock.addAndGet(nanos);
        loop.doWork(0);
    }

    @Test
    void shouldResumeReadingAtTheNextTimerTickWhenTheResumeCommandFoundTheRingFull() throws Exception {
        try (RawClient client = upgraded()) {
            // given: reading paused from another thread, then the command ring (4 slots) filled
            Connection connection = opened.poll();
            connection.pauseReading();
            loop.doWork(0);
            for (int i = 0; i < 4; i++) {
                assertThat(connection.sendText("fill " + i)).isTrue();
            }

            // when: the resume finds the ring full, and the client sends meanwhile
            connection.resumeReading();
            client.sendText("after resume");
            for (int i = 0; i < 4; i++) {
                workUntilReadable(client);
                assertThat(client.readFrame().text()).isEqualTo("fill " + i);
            }
            for (int i = 0; i < 20; i++) {
                loop.doWork(1);
            }
            int beforeTimer = client.available();
            advance(300 * MS);

            // then: not read until the timer tick applied the resume, then echoed
            assertThat(beforeTimer).isZero();
            workUntilReadable(client);
            assertThat(client.readFrame().text()).isEqualTo("after resume");
        }
    }

    @Test
    void shouldLendDecoderAndOutboundRingOnlyWhileAMessageOrFrameIsUnfinished() throws Exception {
        try (RawClient client = upgraded()) {
            // given: upgraded and the 101 written: the connection holds neither
            assertThat(loop.decoders.size()).isZero();
            assertThat(loop.rings.size()).isEqualTo(1);
            byte[] frame = client.frame(true, 0, 1, "hello".getBytes(StandardCharsets.UTF_8));

            // when: half a frame arrives
            client.send(java.util.Arrays.copyOf(frame, 4));
            for (int i = 0; i < 20; i++) {
                loop.doWork(1);
            }

            // then: its decoder stays with it until the frame is whole
            assertThat(loop.decoders.size()).isZero();
            client.send(java.util.Arrays.copyOfRange(frame, 4, frame.length));
            workUntilReadable(client);
            assertThat(client.readFrame().text()).isEqualTo("hello");
            assertThat(loop.decoders.size()).isEqualTo(1);
            assertThat(loop.rings.size()).isEqualTo(1);
            client.sendText("again");
            workUntilReadable(client);
            assertThat(client.readFrame().text()).isEqualTo("again");
            assertThat(loop.decoders.size()).isEqualTo(1);
        }
    }

    @Test
    void shouldKeepStalledHandshakeUntilTimeoutThenAnswer408AndClose() throws Exception {
        try (RawClient client = connect()) {
            // given
            client.send("GET / HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
            loop.doWork(1);

            // when
            advance(900 * MS);
            int handshakingBeforeTimeout = loop.handshakesInProgress();
            advance(400 * MS);

            // then
            assertThat(handshakingBeforeTimeout).isEqualTo(1);
            assertThat(loop.handshakesInProgress()).isZero();
            assertThat(new String(client.readAll(), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 408");
        }
    }

    @Test
    void shouldPingIdleConnectionThenCloseWith1001WhenNoPongArrives() throws Exception {
        try (RawClient client = upgraded()) {
            // when
            advance(1900 * MS);
            int availableBeforeInterval = client.available();
            advance(300 * MS);
            RawClient.Frame ping = client.readFrame();
            advance(600 * MS);

            // then
            assertThat(availableBeforeInterval).isZero();
            assertThat(ping.opcode()).isEqualTo(0x9);
            assertThat(client.readCloseCode()).isEqualTo(1001);
            assertThat(openConnections.get()).isEqualTo(1);
            advance(400 * MS);
            assertThat(openConnections.get()).isZero();
        }
    }

    @Test
    void shouldSend1001OnShutdownAndDropSilentPeerAtShutdownTimeout() throws Exception {
        try (RawClient client = upgraded()) {
            // when
            loop.requestShutdown();
            loop.doWork(0);

            // then
            assertThat(client.readCloseCode()).isEqualTo(1001);
            advance(800 * MS);
            assertThat(openConnections.get()).isZero();
            assertThat(client.awaitEof()).isTrue();
        }
    }

    @Test
    void shouldEchoWhenFramesArriveAfterUpgrade() throws Exception {
        try (RawClient client = upgraded()) {
            // when
            client.sendText("loop");
            workUntilReadable(client);

            // then
            assertThat(client.readFrame().text()).isEqualTo("loop");
        }
    }

    @Test
    void shouldRefuseCrossThreadSendWhenCommandQueueFullAndAcceptAfterDrain() throws Exception {
        try (RawClient client = upgraded()) {
            // given: the test thread is not the loop's thread, so sends go through the 4-slot queue
            Connection connection = opened.remove();
            ByteBuffer payload = ByteBuffer.wrap(new byte[] {1});
            for (int i = 0; i < 4; i++) {
                assertThat(connection.sendBinary(payload, 0, 1)).isTrue();
            }

            // when
            boolean overflow = connection.sendBinary(payload, 0, 1);
            loop.doWork(0);

            // then
            assertThat(overflow).isFalse();
            assertThat(connection.isOpen()).isTrue();
            assertThat(connection.sendBinary(payload, 0, 1)).isTrue();
            loop.doWork(0);
            for (int i = 0; i < 5; i++) {
                assertThat(client.readFrame().payload()).containsExactly(1);
            }
        }
    }

    @Test
    void shouldKeepOnlyNewestLatestOnlyFrameInHandOverWhileLoopIsAway() throws Exception {
        try (RawClient client = upgraded()) {
            // given: a loop that does not run while ten latest-only frames arrive through its 4-slot ring
            Connection connection = opened.remove();
            FramePool pool = new FramePool(1024, 1 << 16);
            boolean[] accepted = new boolean[10];
            SharedFrame[] frames = new SharedFrame[accepted.length];
            for (int i = 0; i < accepted.length; i++) {
                frames[i] = pool.acquire(3);
                frames[i].buffer().put(0, new byte[] {(byte) 0x82, 1, (byte) i});
                frames[i].retain(1);
                accepted[i] = connection.sendLatest(frames[i]);
            }

            // when
            loop.doWork(0);

            // then: every send was taken, the older nine were replaced before the loop saw them
            assertThat(accepted).containsOnly(true);
            assertThat(pool.replaced()).isEqualTo(9);
            assertThat(client.readFrame().payload()).containsExactly(9);
            for (int i = 0; i < frames.length - 1; i++) {
                assertThat(frames[i].refCount()).isEqualTo(1);
            }
            assertThat(connection.isOpen()).isTrue();
        }
    }

    @Test
    void shouldRefuseAndCloseWith1008WhenLatestOnlyFrameExceedsBacklogLimit() throws Exception {
        try (RawClient client = upgraded()) {
            // given: a latest-only frame larger than the 4 MiB backlog limit, sent from another thread
            Connection connection = opened.remove();
            int length = (4 << 20) + 16;
            SharedFrame frame = new FramePool(1024, 1 << 16).acquire(length);
            frame.buffer().put(0, new byte[] {(byte) 0x82, 127, 0, 0, 0, 0, 0, 0x40, 0, 6});

            // when
            boolean accepted = connection.sendLatest(frame);
            loop.doWork(0);

            // then
            assertThat(accepted).isFalse();
            assertThat(frame.refCount()).isZero();
            RawClient.Frame close = client.readFrame();
            assertThat(close.opcode()).isEqualTo(0x8);
            assertThat(((close.payload()[0] & 0xFF) << 8) | (close.payload()[1] & 0xFF)).isEqualTo(1008);
        }
    }

    @Test
    void shouldReleaseEveryReferenceOfSharedFrameWhetherSentRefusedOrDropped() throws Exception {
        try (RawClient client = upgraded()) {
            // given: a pooled frame handed to one connection six times through the 4-slot ring
            Connection connection = opened.remove();
            FramePool pool = new FramePool(1024, 1 << 16);
            SharedFrame frame = pool.acquire(3);
            frame.buffer().put(0, new byte[] {(byte) 0x82, 1, 7});
            frame.retain(6);
            boolean[] accepted = new boolean[5];
            for (int i = 0; i < accepted.length; i++) {
                accepted[i] = connection.sendFrame(frame);
            }

            // when: four written, one refused (ring full), one dropped (connection closed)
            loop.doWork(0);
            int refsAfterWrite = frame.refCount();
            connection.close(1000, "");
            loop.doWork(0);
            boolean afterClose = connection.sendFrame(frame);
            frame.release();

            // then
            assertThat(accepted).containsExactly(true, true, true, true, false);
            assertThat(afterClose).isFalse();
            assertThat(refsAfterWrite).isEqualTo(2);
            assertThat(frame.refCount()).isZero();
            assertThat(pool.acquire(3)).isSameAs(frame);
            for (int i = 0; i < 4; i++) {
                assertThat(client.readFrame().payload()).containsExactly(7);
            }
        }
    }

    @Test
    void shouldAllocateNothingOnLoopWhenDeliveringMessagesInSteadyState() throws Exception {
        try (RawClient client = upgraded("/sink")) {
            // given: 500 masked 100-byte binary frames, sent once to warm up
            ByteArrayOutputStream frames = new ByteArrayOutputStream();
            for (int i = 0; i < 500; i++) {
                frames.writeBytes(client.frame(true, 0, 0x2, new byte[100]));
            }
            byte[] burst = frames.toByteArray();
            deliver(client, burst, 500 * 100);
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

            // when
            client.send(burst);
            long before = threads.getCurrentThreadAllocatedBytes();
            long delivered = deliverWithoutSending(2 * 500 * 100);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;

            // then: reads, decoding, unmasking and dispatch to the handler allocate nothing
            assertThat(delivered).isEqualTo(2 * 500 * 100);
            assertThat(allocated).isLessThan(500);
        }
    }

    private void deliver(RawClient client, byte[] bytes, long until) throws IOException {
        client.send(bytes);
        assertThat(deliverWithoutSending(until)).isEqualTo(until);
    }

    private long deliverWithoutSending(long until) throws IOException {
        for (int i = 0; i < 100_000 && received < until; i++) {
            loop.doWork(0);
        }
        return received;
    }
}
