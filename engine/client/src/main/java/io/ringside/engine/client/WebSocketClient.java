package io.ringside.engine.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A non-blocking RFC 6455 WebSocket client: a few I/O threads, each a selector loop, carry any
 * number of connections (thousands per thread); there is no thread per connection.
 *
 * <p>Thread-safe. {@link #connect} may be called from any thread; each connection is assigned
 * round-robin to one I/O thread that runs it, and its listener, for life. The I/O threads are
 * daemon threads; {@link #close()} stops them. Plain {@code ws://} only (no TLS).
 */
public final class WebSocketClient implements AutoCloseable {
    private static final int DEFAULT_PORT = 80;

    private final ClientLoop[] loops;
    private final AtomicInteger next = new AtomicInteger();
    private volatile boolean closed;

    private WebSocketClient(ClientConfig config) {
        loops = new ClientLoop[config.ioThreads()];
        try {
            for (int i = 0; i < loops.length; i++) {
                loops[i] = new ClientLoop(config.readBufferBytes(), config.threadNamePrefix() + i);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        for (ClientLoop loop : loops) {
            loop.startThread();
        }
    }

    /** Starts a client with the default config (one I/O thread). */
    public static WebSocketClient start() {
        return start(ClientConfig.defaults());
    }

    /** Starts a client and its I/O threads. */
    public static WebSocketClient start(ClientConfig config) {
        return new WebSocketClient(config);
    }

    /** Connects with {@link ConnectConfig#defaults()}; see {@link #connect(URI, ConnectConfig, ClientListener)}. */
    public CompletableFuture<ClientConnection> connect(URI uri, ClientListener listener) {
        return connect(uri, ConnectConfig.defaults(), listener);
    }

    /**
     * Opens a connection to {@code ws://host[:port]/path[?query]} (RFC 6455 §3, §4.1). The host name is
     * resolved on the calling thread; everything else happens on an I/O thread.
     *
     * <p>The future completes, on the I/O thread and after {@link ClientListener#onOpen}, once the
     * server's 101 response is verified. It completes exceptionally with a
     * {@link ClientHandshakeException} when the server refused (status and body) or answered wrongly
     * (accept key, subprotocol, extension), a {@link java.util.concurrent.TimeoutException} on a
     * connect or handshake timeout, or an {@link IOException} such as a refused connection.
     *
     * @throws IllegalArgumentException when {@code uri} is not an absolute {@code ws://} URI with a host
     * @throws IllegalStateException when the client is closed
     */
    public CompletableFuture<ClientConnection> connect(URI uri, ConnectConfig config, ClientListener listener) {
        if (!"ws".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("uri=" + uri
                    + " (expected ws://host[:port]/path; wss is not supported)");
        }
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(listener, "listener");
        if (closed) {
            throw new IllegalStateException("client is closed");
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        InetSocketAddress address = new InetSocketAddress(uri.getHost(), port);
        if (address.isUnresolved()) {
            return CompletableFuture.failedFuture(new UnknownHostException(uri.getHost()));
        }
        ClientLoop loop = loops[Math.floorMod(next.getAndIncrement(), loops.length)];
        ClientSession session = new ClientSession(loop, uri, address, config, listener);
        loop.start(session);
        return session.opened();
    }

    /**
     * Stops every I/O thread and waits for them; open connections are dropped without a close
     * handshake (their listeners see {@code onClose} with 1006) and pending connects fail. Close
     * connections first for a clean shutdown.
     */
    @Override
    public void close() {
        closed = true;
        for (ClientLoop loop : loops) {
            try {
                loop.shutdown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
