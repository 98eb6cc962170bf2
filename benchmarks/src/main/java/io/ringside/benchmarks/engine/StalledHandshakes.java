package io.ringside.benchmarks.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Keeps {@code count} stalled handshakes open against a server, as an attacker would: each socket
 * sends the first line and a header of an upgrade request and then nothing. A socket the server
 * closes (its handshake deadline, a 408 or 503) is replaced by a new one at once, so the count stays
 * up for the whole run, in waves as the deadlines expire. One thread with one selector; the server's
 * answers are read and dropped.
 */
final class StalledHandshakes implements AutoCloseable {
    private static final byte[] PARTIAL_HEAD =
            "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final long SELECT_MS = 10;
    private static final long OPEN_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);

    private final InetSocketAddress address;
    private final int count;
    private final Selector selector;
    private final Thread thread;
    private final ByteBuffer sink = ByteBuffer.allocate(4096);
    private volatile boolean running = true;
    private volatile int open;
    private volatile long replaced;

    private StalledHandshakes(int port, int count) throws IOException {
        this.address = new InetSocketAddress("127.0.0.1", port);
        this.count = count;
        this.selector = Selector.open();
        this.thread = new Thread(this::run, "stalled-handshakes");
        thread.setDaemon(true);
    }

    /** Opens {@code count} stalled handshakes to {@code port} and keeps them up; none when 0. */
    static StalledHandshakes start(int port, int count) throws IOException, InterruptedException {
        StalledHandshakes stalled = new StalledHandshakes(port, count);
        if (count > 0) {
            stalled.thread.start();
            long deadline = System.nanoTime() + OPEN_TIMEOUT_NS;
            while (stalled.open < count) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("only " + stalled.open + " of " + count
                            + " stalled handshakes open");
                }
                Thread.sleep(10);
            }
        }
        return stalled;
    }

    private void run() {
        try {
            for (int i = 0; i < count; i++) {
                openOne();
            }
            while (running) {
                selector.select(SELECT_MS);
                for (SelectionKey key : selector.selectedKeys()) {
                    drainOrReplace(key);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void openOne() throws IOException {
        SocketChannel channel = SocketChannel.open(address);
        channel.write(ByteBuffer.wrap(PARTIAL_HEAD));
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_READ);
        open = open + 1;
    }

    private void drainOrReplace(SelectionKey key) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        int n;
        try {
            sink.clear();
            n = channel.read(sink);
        } catch (IOException e) {
            n = -1;
        }
        if (n < 0) {
            key.cancel();
            channel.close();
            open = open - 1;
            replaced = replaced + 1;
            openOne();
        }
    }

    /** Sockets replaced after the server closed them. */
    long replaced() {
        return replaced;
    }

    @Override
    public void close() throws IOException {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }
}
