package io.ringside.benchmarks.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The receiving end of the fan-out benchmark: {@code count} raw loopback sockets, each upgraded with a
 * minimal handshake (RFC 6455 §4.1), then read by ONE drain thread through a selector into a reused
 * direct buffer. The drain thread only counts bytes, per socket and in total, and allocates nothing
 * in steady state ({@link Selector#select(Consumer, long)} with a prebuilt consumer, no iterator).
 *
 * <p>Before the drain thread starts, {@link #verifyFrame} reads one frame on every socket with a
 * blocking read and checks that it is a well-formed unmasked binary frame carrying the expected
 * payload, so that a server that sends garbage fails the setup instead of producing a number.
 */
final class FanOutClients implements AutoCloseable {
    static final String DRAIN_THREAD_NAME = "fanout-drain";
    private static final int SELECT_TIMEOUT_MS = 100;
    private static final int READ_BUFFER_BYTES = 64 * 1024;
    private static final int HEAD_BUFFER_BYTES = 4096;
    private static final int BINARY_FIN = 0x82;
    private static final int LENGTH_16 = 126;
    private static final byte[] STATUS_101 = "HTTP/1.1 101".getBytes(StandardCharsets.US_ASCII);

    private final ClientSocket[] sockets;
    private final Selector selector;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    private final Consumer<SelectionKey> onReady = this::onReady;
    private final AtomicLong received = new AtomicLong();
    private volatile boolean running = true;
    private volatile String failure;
    private Thread drainThread;

    private FanOutClients(ClientSocket[] sockets, Selector selector) {
        this.sockets = sockets;
        this.selector = selector;
    }

    /** Connects and upgrades {@code count} sockets to {@code 127.0.0.1:port}, path {@code /}, one at a time. */
    static FanOutClients connect(int port, int count) throws IOException {
        ClientSocket[] sockets = new ClientSocket[count];
        Selector selector = Selector.open();
        FanOutClients clients = new FanOutClients(sockets, selector);
        byte[] request = upgradeRequest(port);
        ByteBuffer head = ByteBuffer.allocate(HEAD_BUFFER_BYTES);
        try {
            for (int i = 0; i < count; i++) {
                SocketChannel channel = SocketChannel.open();
                sockets[i] = new ClientSocket(channel);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.connect(new InetSocketAddress("127.0.0.1", port));
                channel.write(ByteBuffer.wrap(request));
                sockets[i].received = readHead(channel, head.clear());
            }
        } catch (IOException | RuntimeException e) {
            clients.close();
            throw e;
        }
        return clients;
    }

    private static byte[] upgradeRequest(int port) {
        return ("GET / HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads the 101 response head; returns how many bytes after it were read too (0 in practice). */
    private static int readHead(SocketChannel channel, ByteBuffer head) throws IOException {
        while (true) {
            if (channel.read(head) < 0) {
                throw new IOException("connection closed during the handshake");
            }
            byte[] bytes = head.array();
            for (int i = 3; i < head.position(); i++) {
                if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
                    for (int j = 0; j < STATUS_101.length; j++) {
                        if (bytes[j] != STATUS_101[j]) {
                            throw new IOException("not a 101: "
                                    + new String(bytes, 0, i, StandardCharsets.US_ASCII));
                        }
                    }
                    return head.position() - (i + 1);
                }
            }
            if (!head.hasRemaining()) {
                throw new IOException("response head over " + HEAD_BUFFER_BYTES + " bytes");
            }
        }
    }

    /**
     * Reads one frame on every socket (blocking) and checks it: FIN + binary, unmasked, the payload
     * length and bytes of {@code payload}; counts its bytes like the drain thread would.
     */
    void verifyFrame(byte[] payload) throws IOException {
        if (drainThread != null) {
            throw new IllegalStateException("the drain thread already reads the sockets");
        }
        for (int i = 0; i < sockets.length; i++) {
            ClientSocket socket = sockets[i];
            if (socket.received != 0) {
                throw new IOException("client " + i + ": " + socket.received + " unexpected bytes after the 101");
            }
            int headerBytes = payload.length < LENGTH_16 ? 2 : 4;
            ByteBuffer frame = ByteBuffer.allocate(headerBytes + payload.length);
            while (frame.hasRemaining()) {
                if (socket.channel.read(frame) < 0) {
                    throw new IOException("client " + i + ": closed before the first frame");
                }
            }
            checkFrame(i, frame.flip(), payload);
            socket.received = frame.limit();
            received.addAndGet(frame.limit());
        }
    }

    private static void checkFrame(int client, ByteBuffer frame, byte[] payload) throws IOException {
        int first = frame.get() & 0xFF;
        int second = frame.get() & 0xFF;
        int length = second == LENGTH_16 ? frame.getShort() & 0xFFFF : second & 0x7F;
        if (first != BINARY_FIN || (second & 0x80) != 0 || length != payload.length) {
            throw new IOException("client " + client + ": not an unmasked FIN binary frame of " + payload.length
                    + " bytes: first byte 0x" + Integer.toHexString(first) + ", length " + length);
        }
        for (int i = 0; i < payload.length; i++) {
            if (frame.get() != payload[i]) {
                throw new IOException("client " + client + ": payload differs at byte " + i);
            }
        }
    }

    /** Makes every socket non-blocking and starts the drain thread. */
    void startDraining() throws IOException {
        for (ClientSocket socket : sockets) {
            socket.channel.configureBlocking(false);
            socket.channel.register(selector, SelectionKey.OP_READ, socket);
        }
        drainThread = new Thread(this::drain, DRAIN_THREAD_NAME);
        drainThread.setDaemon(true);
        drainThread.start();
    }

    private void drain() {
        try {
            while (running) {
                selector.select(onReady, SELECT_TIMEOUT_MS);
            }
        } catch (IOException | RuntimeException e) {
            failure = "drain thread failed: " + e;
        }
    }

    private void onReady(SelectionKey key) {
        ClientSocket socket = (ClientSocket) key.attachment();
        try {
            int n;
            do {
                n = socket.channel.read(readBuffer.clear());
                if (n > 0) {
                    socket.received += n;
                    received.lazySet(received.get() + n);
                }
            } while (n == READ_BUFFER_BYTES);
            if (n < 0) {
                key.cancel();
                failure = "a client socket was closed by the server";
            }
        } catch (IOException e) {
            key.cancel();
            failure = "a client socket failed: " + e;
        }
    }

    /** Bytes read so far on all sockets, including the verified first frames. Any thread. */
    long received() {
        return received.get();
    }

    /** The first failure seen by the drain thread, or {@code null}. Any thread. */
    String failure() {
        return failure;
    }

    int count() {
        return sockets.length;
    }

    /** Stops the drain thread and waits for it, so that {@link #receivedBy} is safe to read. */
    void stopDraining() throws InterruptedException {
        running = false;
        selector.wakeup();
        if (drainThread != null) {
            drainThread.join();
        }
    }

    /** Bytes read on socket {@code index}; call after {@link #stopDraining}. */
    long receivedBy(int index) {
        return sockets[index].received;
    }

    /** Closes every socket (the servers see EOF) and the selector. */
    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        for (ClientSocket socket : sockets) {
            if (socket != null) {
                socket.channel.close();
            }
        }
        selector.close();
    }

    /** One client socket and its byte count, written by the drain thread only. */
    private static final class ClientSocket {
        final SocketChannel channel;
        long received;

        ClientSocket(SocketChannel channel) {
            this.channel = channel;
        }
    }
}
