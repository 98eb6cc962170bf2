package io.ringside.engine.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not an API: drives the engine's opening handshake path without a socket, for the handshake
 * benchmark. It lives in the transport package (in the benchmarks jar only) to reach the
 * package-private {@link Handshaker} and {@link WsConnection}.
 *
 * <p>{@link #handshake()} does what an I/O loop does for a client whose whole request head arrives
 * in one read: a new connection takes the bytes ({@code Handshaker.onBytes}: parse, validate, route,
 * Origin, the 101, the connection set up for frames), the 101 is flushed through the loop's staging
 * buffer into a sink channel, and the connection is destroyed (the close the loop would do later).
 * One thread; the loop's own thread is never started.
 */
public final class HandshakerDriver {
    private final IoLoop loop;
    private final AtomicInteger handshakes = new AtomicInteger();
    private final SinkChannel channel = new SinkChannel();
    private final SelectionKey key = new InertKey(channel);
    private final ByteBuffer request;
    private long ids;

    /**
     * A loop whose server has one echo endpoint at {@code path}, with {@code allowedOrigin} (or the
     * same-host Origin policy when null), answering {@code requestHead}.
     */
    public HandshakerDriver(byte[] requestHead, String path, String allowedOrigin) {
        EndpointConfig.Builder endpoint = EndpointConfig.builder().path(path);
        if (allowedOrigin != null) {
            endpoint.allowedOrigins(allowedOrigin);
        }
        ServerConfig config = WebSocketServer.builder().port(0).ioLoops(1)
                .endpoint(endpoint.build(), new EchoHandler()).config();
        this.loop = new IoLoop(0, config, new AtomicInteger(), new AtomicLong(),
                new MemoryBudget(config.memoryBudgetBytes), handshakes, new LoopCounters(), null);
        this.request = ByteBuffer.wrap(requestHead.clone());
    }

    /** One handshake; returns the bytes of the 101 written. */
    public int handshake() {
        WsConnection connection = new WsConnection(++ids, loop, channel, key, null);
        handshakes.incrementAndGet();
        // marked as if already on the loop's flush list: it is flushed here instead
        connection.dirty = true;
        request.clear();
        loop.handshaker.onBytes(connection, request);
        if (connection.state() != WsConnection.OPEN) {
            throw new IllegalStateException("not upgraded: state " + connection.state());
        }
        long before = channel.written;
        connection.flush();
        connection.destroy();
        return (int) (channel.written - before);
    }

    /** The bytes of the sink's first write (the first 101 response), for checking it. */
    public byte[] firstWrite() {
        return channel.first.clone();
    }

    /** A connected-looking channel that takes every byte written and reads nothing. */
    static final class SinkChannel extends SocketChannel {
        long written;
        byte[] first;

        SinkChannel() {
            super(SelectorProvider.provider());
        }

        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            if (first == null) {
                first = new byte[n];
                src.get(src.position(), first);
            }
            src.position(src.limit());
            written += n;
            return n;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            long n = 0;
            for (int i = offset; i < offset + length; i++) {
                n += write(srcs[i]);
            }
            return n;
        }

        @Override
        public int read(ByteBuffer dst) {
            return 0;
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) {
            return 0;
        }

        @Override
        public SocketChannel bind(SocketAddress local) {
            return this;
        }

        @Override
        public <T> SocketChannel setOption(SocketOption<T> name, T value) {
            return this;
        }

        @Override
        public <T> T getOption(SocketOption<T> name) {
            return null;
        }

        @Override
        public Set<SocketOption<?>> supportedOptions() {
            return Set.of();
        }

        @Override
        public SocketChannel shutdownInput() {
            return this;
        }

        @Override
        public SocketChannel shutdownOutput() {
            return this;
        }

        @Override
        public Socket socket() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public boolean isConnectionPending() {
            return false;
        }

        @Override
        public boolean connect(SocketAddress remote) {
            return true;
        }

        @Override
        public boolean finishConnect() {
            return true;
        }

        @Override
        public SocketAddress getRemoteAddress() {
            return new InetSocketAddress(0);
        }

        @Override
        public SocketAddress getLocalAddress() {
            return null;
        }

        @Override
        protected void implCloseSelectableChannel() {
            // nothing to release
        }

        @Override
        protected void implConfigureBlocking(boolean block) throws IOException {
            // always "non-blocking": it never waits
        }
    }

    /** A key that stays valid and remembers its interest set; cancelling does nothing. */
    static final class InertKey extends SelectionKey {
        private final SocketChannel channel;
        private int interestOps = OP_READ;

        InertKey(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public SocketChannel channel() {
            return channel;
        }

        @Override
        public Selector selector() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isValid() {
            return true;
        }

        @Override
        public void cancel() {
            // the same key serves every connection of the benchmark
        }

        @Override
        public int interestOps() {
            return interestOps;
        }

        @Override
        public SelectionKey interestOps(int ops) {
            interestOps = ops;
            return this;
        }

        @Override
        public int readyOps() {
            return 0;
        }
    }
}
