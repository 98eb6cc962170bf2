package io.ringside.engine.transport;

import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts sockets on its own thread (blocking accept) and deals them round-robin to the I/O loops,
 * which apply the limits (handshakes in progress, connections, memory budget). A TLS listener's
 * acceptor also checks the key files for a new certificate now and then. An {@link Error}
 * stops the server ({@link FatalStop}).
 */
final class Acceptor implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Acceptor.class);
    private static final long ACCEPT_RETRY_NS = 10_000_000L;

    private final ServerSocketChannel serverChannel;
    private final IoLoop[] loops;
    private final Runnable acceptHook;
    private final FatalStop fatal;
    /** The TLS state when this listener speaks TLS, else {@code null}. */
    private final ServerTls tls;
    private int next;

    Acceptor(ServerSocketChannel serverChannel, IoLoop[] loops, ServerConfig config, FatalStop fatal, ServerTls tls) {
        this.serverChannel = serverChannel;
        this.tls = tls;
        this.loops = loops;
        this.acceptHook = config.acceptHook;
        this.fatal = fatal;
    }

    @Override
    public void run() {
        try {
            acceptUntilClosed();
        } catch (Error e) {
            fatal.trigger(e);
        }
    }

    private void acceptUntilClosed() {
        while (serverChannel.isOpen()) {
            try {
                dispatch(serverChannel.accept());
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // e.g. EMFILE: keep serving, but do not spin hot on a persistent failure
                LOG.warn("accept failed: {}", e.toString());
                LockSupport.parkNanos(ACCEPT_RETRY_NS);
            }
        }
    }

    private void dispatch(SocketChannel channel) {
        if (acceptHook != null) {
            try {
                acceptHook.run();
            } catch (Error e) {
                closeQuietly(channel);
                throw e;
            }
        }
        IoLoop loop = loops[next];
        next = next + 1 == loops.length ? 0 : next + 1;
        if (tls != null) {
            tls.reloadIfChanged(System.currentTimeMillis());
        }
        if (!loop.register(channel, tls != null)) {
            LOG.warn("loop {} command queue full: dropped a new connection", loop.index());
            closeQuietly(channel);
        }
    }

    /** Stops accepting; the accepting thread then ends. Any thread. */
    void close() {
        closeQuietly(serverChannel);
    }

    private static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("close failed", e);
        }
    }
}
