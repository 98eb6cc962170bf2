package io.ringside.engine.client;

import io.ringside.protocol.deflate.DeflateParameters;
import io.ringside.protocol.websocket.InflaterPool;
import io.ringside.protocol.websocket.MessageDecoder;
import io.ringside.protocol.websocket.WebSocketProtocolException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The I/O-thread side of one client connection: TCP connect, opening handshake, reads through the
 * message decoder, writes from the outbound queue, and the close handshake (RFC 6455 §4.1, §7).
 *
 * <p>Every method except {@link #scheduleFlush} runs on the owning {@link ClientLoop}'s thread; what
 * the decoder delivers goes to {@link ClientInbound}.
 */
final class ClientSession {
    private static final int MAX_READS_PER_EVENT = 4;

    private final ClientLoop loop;
    private final InetSocketAddress address;
    private final ConnectConfig config;
    private final OutboundQueue outbound;
    private final ClientConnection connection;
    private final CompletableFuture<ClientConnection> opened = new CompletableFuture<>();
    private final ClientInbound inbound;
    private ClientHandshake handshake;
    private MessageDecoder decoder;
    private SocketChannel channel;
    private SelectionKey key;
    private ByteBuffer writing;
    private long deadlineNs;
    private boolean tracked;

    ClientSession(ClientLoop loop, URI uri, InetSocketAddress address, ConnectConfig config,
                  ClientListener listener) {
        this.loop = loop;
        this.address = address;
        this.config = config;
        this.outbound = new OutboundQueue(config.maxOutboundBytes());
        this.connection = new ClientConnection(uri, outbound, this);
        this.inbound = new ClientInbound(connection, listener, outbound);
        this.handshake = new ClientHandshake(uri, config);
    }

    CompletableFuture<ClientConnection> opened() {
        return opened;
    }

    /** Any thread: asks the owning loop to write what was queued. */
    void scheduleFlush() {
        loop.schedule(this);
    }

    void start() {
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean connected = channel.connect(address);
            key = channel.register(loop.selector(), connected ? 0 : SelectionKey.OP_CONNECT, this);
            if (connected) {
                onConnected();
            } else {
                setDeadline(config.connectTimeoutMs());
            }
        } catch (IOException | RuntimeException e) {
            failOpen(e);
        }
    }

    void onReady(int readyOps, ByteBuffer readBuffer) throws IOException {
        if ((readyOps & SelectionKey.OP_CONNECT) != 0) {
            if (!channel.finishConnect()) {
                return;
            }
            onConnected();
        }
        if (key.isValid() && (readyOps & SelectionKey.OP_READ) != 0) {
            onReadable(readBuffer);
        }
        if (key.isValid() && (readyOps & SelectionKey.OP_WRITE) != 0) {
            flush();
        }
    }

    /** A flush was scheduled through the loop. */
    void onFlushRequested() throws IOException {
        ConnectionState state = connection.state();
        if (state == ConnectionState.OPEN || state == ConnectionState.CLOSING) {
            flush();
        }
    }

    void onDeadline() {
        deadlineNs = 0;
        ConnectionState state = connection.state();
        if (state == ConnectionState.CONNECTING) {
            failOpen(new TimeoutException("connect to " + address + " timed out after "
                    + config.connectTimeoutMs() + " ms"));
        } else if (state == ConnectionState.HANDSHAKING) {
            ClientHandshakeException refusal = handshake.refusalSoFar();
            failOpen(refusal != null ? refusal : new TimeoutException("handshake with " + address
                    + " timed out after " + config.handshakeTimeoutMs() + " ms"));
        } else if (state == ConnectionState.CLOSING) {
            inbound.closeTimedOut();
            closeChannel();
        }
    }

    /** Ends the connection after an unexpected failure, reporting it where it belongs. */
    void abort(Throwable cause) {
        ConnectionState state = connection.state();
        if (state == ConnectionState.CLOSED) {
            return;
        }
        if (state == ConnectionState.CONNECTING || state == ConnectionState.HANDSHAKING) {
            failOpen(cause);
            return;
        }
        inbound.failed(cause);
        closeChannel();
    }

    long deadlineNs() {
        return deadlineNs;
    }

    /** Whether the loop holds this session in its deadline list; set and read by the loop only. */
    boolean tracked() {
        return tracked;
    }

    void tracked(boolean value) {
        tracked = value;
    }

    private void onConnected() throws IOException {
        connection.state(ConnectionState.HANDSHAKING);
        writing = handshake.request();
        key.interestOps(SelectionKey.OP_READ);
        setDeadline(config.handshakeTimeoutMs());
        flush();
    }

    private void onReadable(ByteBuffer readBuffer) throws IOException {
        for (int i = 0; i < MAX_READS_PER_EVENT && key.isValid(); i++) {
            readBuffer.clear();
            int n = channel.read(readBuffer);
            if (n < 0) {
                onEof();
                return;
            }
            if (n == 0) {
                return;
            }
            readBuffer.flip();
            consume(readBuffer);
            if (readBuffer.limit() < readBuffer.capacity()) {
                return;
            }
        }
    }

    private void consume(ByteBuffer src) throws IOException {
        if (connection.state() == ConnectionState.HANDSHAKING) {
            String selected = handshake.consume(src);
            if (selected == null) {
                return;
            }
            open(selected);
        }
        if (inbound.inputDone() || !src.hasRemaining()) {
            return;
        }
        try {
            decoder.decode(src);
        } catch (WebSocketProtocolException e) {
            failConnection(e);
            return;
        }
        if (inbound.takeControlQueued()) {
            flush();
        }
    }

    private void open(String selected) {
        DeflateParameters deflate = handshake.deflate();
        handshake = null;
        deadlineNs = 0;
        decoder = deflate == null ? new MessageDecoder(config.decoderConfig(), inbound)
                : new MessageDecoder(config.decoderConfig(), inbound, new InflaterPool(1),
                        !deflate.serverNoContextTakeover());
        connection.opened(selected, deflate == null ? null : deflate.headerValue(),
                deflate == null ? -1 : config.deflateMinMessageBytes());
        inbound.opened();
        opened.complete(connection);
    }

    /** RFC 6455 §7.1.7: fail the connection with the decoder's close code, then drop TCP once it is sent. */
    private void failConnection(WebSocketProtocolException e) throws IOException {
        inbound.protocolViolation(e);
        outbound.offerClose(ClientFrames.close(e.closeCode(), String.valueOf(e.getMessage())));
        flush();
    }

    private void onEof() {
        ConnectionState state = connection.state();
        if (state == ConnectionState.CONNECTING || state == ConnectionState.HANDSHAKING) {
            failOpen(handshake.failureOnEof());
            return;
        }
        inbound.eof();
        closeChannel();
    }

    private void flush() throws IOException {
        if (outbound.isSealed() && connection.state() == ConnectionState.OPEN) {
            connection.state(ConnectionState.CLOSING);
            setDeadline(config.closeTimeoutMs());
        }
        while (true) {
            if (writing == null && (writing = outbound.poll()) == null) {
                break;
            }
            channel.write(writing);
            if (writing.hasRemaining()) {
                writeInterest(true);
                return;
            }
            writing = null;
        }
        writeInterest(false);
        if (inbound.closeWhenSent() && outbound.isSealed()) {
            closeChannel();
        }
    }

    private void writeInterest(boolean on) {
        int ops = key.interestOps();
        int wanted = on ? ops | SelectionKey.OP_WRITE : ops & ~SelectionKey.OP_WRITE;
        if (wanted != ops) {
            key.interestOps(wanted);
        }
    }

    private void failOpen(Throwable cause) {
        deadlineNs = 0;
        connection.state(ConnectionState.CLOSED);
        closeQuietly();
        opened.completeExceptionally(cause);
    }

    private void closeChannel() {
        deadlineNs = 0;
        connection.state(ConnectionState.CLOSED);
        closeQuietly();
        inbound.closed();
    }

    private void closeQuietly() {
        if (key != null) {
            key.cancel();
        }
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // nothing left to do with a socket that fails to close
        }
    }

    private void setDeadline(long timeoutMs) {
        deadlineNs = loop.nowNs() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        if (deadlineNs == 0) {
            deadlineNs = 1;
        }
        loop.track(this);
    }
}
