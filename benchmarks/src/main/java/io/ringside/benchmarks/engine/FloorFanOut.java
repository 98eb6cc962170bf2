package io.ringside.benchmarks.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The floor of the fan-out benchmark: no WebSocket server at all. A helper thread accepts the clients,
 * reads each request head and answers a fixed 101; a broadcast then writes one prebuilt frame from a
 * direct buffer straight to every accepted socket on the benchmark thread, one blocking write call per
 * connection. That is the system-call cost a server cannot avoid with one socket per player (no loop
 * hand-over, no queue, no copy), and with nothing allocated it also shows the client side's own
 * allocation (the drain thread's), which should be zero.
 */
final class FloorFanOut implements FanOutServer {
    private static final long CONNECT_TIMEOUT_MS = 60_000;
    private static final int BINARY_FIN = 0x82;
    private static final int MAX_LENGTH_7 = 125;
    private static final int LENGTH_16 = 126;
    private static final int MAX_LENGTH_16 = 0xFFFF;
    private static final int HEAD_BUFFER_BYTES = 4096;
    private static final byte[] RESPONSE = ("HTTP/1.1 101 Switching Protocols\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocketChannel listener;
    private final SocketChannel[] accepted;
    private final ByteBuffer frame;
    private final Thread acceptor;
    private volatile int acceptedCount;
    private volatile String failure;

    private FloorFanOut(byte[] payload, int count) throws IOException {
        if (payload.length > MAX_LENGTH_16) {
            throw new IllegalArgumentException("payloadBytes=" + payload.length + " (the floor frames up to 65535)");
        }
        boolean short7 = payload.length <= MAX_LENGTH_7;
        this.frame = ByteBuffer.allocateDirect((short7 ? 2 : 4) + payload.length);
        frame.put((byte) BINARY_FIN);
        if (short7) {
            frame.put((byte) payload.length);
        } else {
            frame.put((byte) LENGTH_16).putShort((short) payload.length);
        }
        frame.put(payload).flip();
        this.accepted = new SocketChannel[count];
        this.listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0), 1024);
        this.acceptor = new Thread(this::acceptAll, "fanout-floor-acceptor");
        acceptor.setDaemon(true);
    }

    /** Listens, and accepts and upgrades {@code count} clients on a helper thread. */
    static FloorFanOut start(byte[] payload, int count) throws IOException {
        FloorFanOut floor = new FloorFanOut(payload, count);
        floor.acceptor.start();
        return floor;
    }

    private void acceptAll() {
        ByteBuffer head = ByteBuffer.allocate(HEAD_BUFFER_BYTES);
        try {
            for (int i = 0; i < accepted.length; i++) {
                SocketChannel channel = listener.accept();
                accepted[i] = channel;
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                readHead(channel, head.clear());
                channel.write(ByteBuffer.wrap(RESPONSE));
                acceptedCount = i + 1;
            }
        } catch (IOException e) {
            failure = e.toString();
        }
    }

    private static void readHead(SocketChannel channel, ByteBuffer head) throws IOException {
        while (true) {
            if (channel.read(head) < 0) {
                throw new IOException("client closed during the handshake");
            }
            byte[] bytes = head.array();
            int end = head.position();
            if (end >= 4 && bytes[end - 4] == '\r' && bytes[end - 3] == '\n' && bytes[end - 2] == '\r'
                    && bytes[end - 1] == '\n') {
                return;
            }
            if (!head.hasRemaining()) {
                throw new IOException("request head over " + HEAD_BUFFER_BYTES + " bytes");
            }
        }
    }

    @Override
    public int port() {
        return ((InetSocketAddress) listener.socket().getLocalSocketAddress()).getPort();
    }

    @Override
    public void awaitConnections(int count) throws InterruptedException {
        FanOutServer.await(this::acceptedOrFail, count, CONNECT_TIMEOUT_MS, "floor connections accepted");
        acceptor.join();
    }

    private int acceptedOrFail() {
        if (failure != null) {
            throw new IllegalStateException("floor acceptor failed: " + failure);
        }
        return acceptedCount;
    }

    @Override
    public void broadcast() {
        try {
            for (SocketChannel channel : accepted) {
                frame.rewind();
                while (frame.hasRemaining()) {
                    channel.write(frame);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("floor write failed", e);
        }
    }

    @Override
    public int frameBytes() {
        return frame.limit();
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel channel : accepted) {
            if (channel != null) {
                channel.close();
            }
        }
        listener.close();
    }
}
