package io.ringside.engine.transport;

import io.ringside.protocol.http.HandshakeLimits;
import io.ringside.protocol.websocket.DecoderConfig;
import io.ringside.protocol.websocket.Role;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A non-blocking WebSocket server (RFC 6455) on one TCP port: one acceptor thread and N I/O loops,
 * each owning its connections for life. Plain HTTP requests on the same port go to an
 * {@link HttpHandler}; {@code /healthz} always answers 200.
 *
 * <pre>{@code
 * WebSocketServer server = WebSocketServer.builder().port(9001).endpoint("/", handler).build().start();
 * ...
 * server.close(); // close 1001 to everyone, wait for their replies, stop every thread
 * }</pre>
 */
public final class WebSocketServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketServer.class);
    private static final int ACCEPT_BACKLOG = 1024;
    private static final long MIN_MEMORY_BUDGET_BYTES = 1L << 20;
    private static final int MAX_PORT = 65_535;

    private final ServerConfig config;
    private final AtomicInteger openConnections = new AtomicInteger();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicLong connectionIds = new AtomicLong();
    private final IoLoop[] loops;
    private final Thread[] loopThreads;
    private final MemoryBudget budget;
    private final AddressLimits addressLimits;
    private final LoopCounters[] loopCounters;
    private final TransportMetrics metrics;
    private ServerSocketChannel serverChannel;
    private Acceptor acceptor;
    private Thread acceptorThread;
    private ServerSocketChannel tlsChannel;
    private Acceptor tlsAcceptor;
    private Thread tlsAcceptorThread;
    private FatalStop fatal;
    private boolean closed;

    private WebSocketServer(ServerConfig config) {
        this.config = config;
        this.loops = new IoLoop[config.ioLoops];
        this.loopThreads = new Thread[config.ioLoops];
        this.budget = new MemoryBudget(config.memoryBudgetBytes);
        this.addressLimits = config.addressLimits();
        this.loopCounters = new LoopCounters[config.ioLoops];
        for (int i = 0; i < loopCounters.length; i++) {
            loopCounters[i] = new LoopCounters();
        }
        this.metrics = new TransportMetrics(this, List.of(loopCounters));
    }

    /** A builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts the acceptor and I/O loop threads; returns this server. Call once. */
    public synchronized WebSocketServer start() throws IOException {
        if (serverChannel != null || closed) {
            throw new IllegalStateException("already started");
        }
        serverChannel = listen(config.bindAddress);
        boolean tlsBeside = config.tls != null && config.tls.config.port() != TlsConfig.SAME_PORT;
        if (tlsBeside) {
            try {
                tlsChannel = listen(new InetSocketAddress(config.bindAddress.getAddress(),
                        config.tls.config.port()));
            } catch (IOException e) {
                serverChannel.close();
                serverChannel = null;
                throw e;
            }
        }
        fatal = new FatalStop(config.fatalErrorHandler, this);
        for (int i = 0; i < loops.length; i++) {
            loops[i] = new IoLoop(i, config, openConnections, connectionIds, budget, handshakes,
                    loopCounters[i], metrics);
            loops[i].fatal = fatal;
            loops[i].addresses = addressLimits;
            loopThreads[i] = new Thread(loops[i], "ringside-io-" + i);
            loopThreads[i].start();
        }
        acceptor = new Acceptor(serverChannel, loops, config, fatal, tlsBeside ? null : config.tls);
        acceptorThread = new Thread(acceptor, "ringside-acceptor");
        acceptorThread.start();
        LOG.info("listening on {} ({}) with {} I/O loops", serverChannel.getLocalAddress(),
                config.tls != null && !tlsBeside ? "TLS" : "plain", loops.length);
        if (tlsBeside) {
            tlsAcceptor = new Acceptor(tlsChannel, loops, config, fatal, config.tls);
            tlsAcceptorThread = new Thread(tlsAcceptor, "ringside-acceptor-tls");
            tlsAcceptorThread.start();
            LOG.info("listening on {} (TLS)", tlsChannel.getLocalAddress());
        }
        for (Endpoint endpoint : config.endpoints) {
            if (endpoint.config.anyOrigin()) {
                LOG.warn("endpoint {} accepts WebSocket upgrades from any Origin: any web page can open it"
                        + " with its visitors' cookies", endpoint.path);
            }
        }
        return this;
    }

    private static ServerSocketChannel listen(InetSocketAddress address) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.bind(address, ACCEPT_BACKLOG);
        } catch (BindException e) {
            channel.close();
            BindException named = new BindException("cannot listen on " + describe(address) + ": "
                    + e.getMessage());
            named.initCause(e);
            throw named;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    /**
     * The port that speaks TLS (after {@link #start()}): the TLS listener's beside the plain one, the
     * server's own port when it speaks TLS only, or -1 without TLS.
     */
    public synchronized int tlsPort() {
        if (config.tls == null) {
            return -1;
        }
        if (tlsChannel == null) {
            return port();
        }
        try {
            return ((InetSocketAddress) tlsChannel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new IllegalStateException("not bound", e);
        }
    }

    /**
     * Reloads the TLS certificate and key from their files now, for connections accepted from now on
     * (open ones keep theirs). Any thread.
     *
     * @throws IllegalStateException when the server has no TLS
     * @throws IOException when the files cannot be read or do not hold a usable key and chain (the
     *     old certificate stays in use)
     */
    public void reloadTls() throws IOException {
        if (config.tls == null) {
            throw new IllegalStateException("no TLS configured");
        }
        try {
            config.tls.reload();
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("TLS reload failed: " + e.getMessage(), e);
        }
    }

    /** The bound address and port (after {@link #start()}); a wildcard address means every interface. */
    public synchronized InetSocketAddress address() {
        if (serverChannel == null) {
            throw new IllegalStateException("not started");
        }
        try {
            return (InetSocketAddress) serverChannel.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("not bound", e);
        }
    }

    /** {@code host:port}, saying "every interface" for a wildcard address. */
    private static String describe(InetSocketAddress address) {
        return (address.getAddress() != null && address.getAddress().isAnyLocalAddress()
                ? "every interface" : address.getHostString()) + ", port " + address.getPort();
    }

    /** The bound port (useful after binding port 0). */
    public int port() {
        try {
            return ((InetSocketAddress) serverChannel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new IllegalStateException("not bound", e);
        }
    }

    /** Open WebSocket connections (upgraded and not yet closed) right now, across all loops. Any thread. */
    public int connectionCount() {
        return openConnections.get();
    }

    /** The transport's counters (connections, handshakes, closes, bytes, frames). Any thread. */
    public TransportMetrics metrics() {
        return metrics;
    }

    /** Sockets accepted whose opening handshake is not complete yet, across all loops. Any thread. */
    public int handshakesInProgress() {
        return handshakes.get();
    }

    /** Remote IP addresses with a socket open now that the per-address limits apply to. Any thread. */
    public int limitedAddresses() {
        return addressLimits.addresses();
    }

    /** The memory budget for what clients make the server hold, in bytes (see the builder). Any thread. */
    public long memoryBudgetBytes() {
        return budget.limit;
    }

    /**
     * Bytes of the memory budget in use now: what connections hold, plus up to two chunks of at most
     * 256 KiB per I/O loop taken for them and not yet used. Any thread; a snapshot.
     */
    public long memoryBudgetUsedBytes() {
        return budget.limit - budget.available();
    }

    /** Connections closed with 1013 (or answered 503) so far to bring the memory budget back. Any thread. */
    public long shedConnections() {
        return budget.shedCount();
    }

    /**
     * Stops the server because a thread that serves it (a tick thread, say) failed with an
     * {@link Error} it cannot recover from: exactly what happens when one of the server's own threads
     * does. Every open connection is sent close 1011 (best effort) and closed, the listening socket
     * closes, the server's threads end, and the {@link FatalErrorHandler} runs (by default it exits
     * the process). Any thread; only the first call acts, and it returns at once.
     */
    public void stopOnFatalError(Throwable error) {
        FatalStop stop = fatal;
        if (stop != null) {
            stop.trigger(error);
        }
    }

    /** Closes the listening socket, has every loop abort its connections, and waits up to {@code waitMs}. */
    void abort(long waitMs) {
        Acceptor a = acceptor;
        if (a != null) {
            a.close();
        }
        Acceptor t = tlsAcceptor;
        if (t != null) {
            t.close();
        }
        for (IoLoop loop : loops) {
            if (loop != null) {
                loop.requestAbort();
            }
        }
        long deadline = System.nanoTime() + waitMs * 1_000_000L;
        for (Thread thread : loopThreads) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000L;
            if (thread != null && leftMs > 0 && thread != Thread.currentThread()) {
                try {
                    thread.join(leftMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Shuts down gracefully: stops accepting, sends close 1001 to every open connection, waits for
     * their close replies up to the shutdown timeout, then closes the sockets. Returns when every
     * server thread has ended. Idempotent; any thread but an I/O loop's.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (acceptor != null) {
            acceptor.close();
            join(acceptorThread);
        }
        if (tlsAcceptor != null) {
            tlsAcceptor.close();
            join(tlsAcceptorThread);
        }
        for (IoLoop loop : loops) {
            if (loop != null) {
                loop.requestShutdown();
            }
        }
        for (Thread thread : loopThreads) {
            if (thread != null) {
                join(thread);
            }
        }
        LOG.info("stopped");
    }

    private static void join(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Builds a {@link WebSocketServer}; {@link #build()} checks every value and names a bad one. */
    public static final class Builder {
        /** Default TCP port. */
        public static final int DEFAULT_PORT = 8080;
        /** The longest {@link #readCoalesceUs} pause: one second. */
        public static final long MAX_READ_COALESCE_US = 1_000_000L;
        /** The longest {@link #readBeforeTickUs} lead: one second. */
        public static final long MAX_READ_BEFORE_TICK_US = 1_000_000L;

        String bindAddress;
        int port = DEFAULT_PORT;
        int ioLoops = Runtime.getRuntime().availableProcessors();
        final List<Endpoint> endpoints = new ArrayList<>();
        HttpHandler httpHandler;
        AuthHandler authHandler;
        long authTimeoutMs = 5_000;
        HttpHandler serverRoutes;
        final HandshakeLimits.Builder handshakeLimits = HandshakeLimits.builder();
        final DecoderConfig.Builder decoder = DecoderConfig.builder();
        long handshakeTimeoutMs = 10_000;
        long heartbeatIntervalMs = 30_000;
        long heartbeatTimeoutMs = 10_000;
        long rttProbeIntervalMs;
        long closeTimeoutMs = 5_000;
        long shutdownTimeoutMs = 5_000;
        long maxOutboundBacklogBytes = 4L << 20;
        long memoryBudgetBytes = defaultMemoryBudgetBytes();
        int maxConnections = 10_000;
        int maxHandshakes = 2_048;
        int maxConnectionsPerAddress = 1_024;
        int maxHandshakesPerAddress = 64;
        long maxBytesPerAddress;
        boolean addressLimitsOnLoopback;
        long messagePoolBytes = 1L << 20;
        int commandQueueCapacity = 65_536;
        int readBufferBytes = 64 * 1024;
        long readCoalesceUs;
        long readBeforeTickUs;
        LongSupplier tickSchedule;
        ErrorHandler errorHandler = (connection, error) ->
                LOG.warn("connection {} failed", connection == null ? "-" : connection.id(), error);
        FatalErrorHandler fatalErrorHandler = FatalErrorHandler.exitProcess();
        LongSupplier nanoClock = System::nanoTime;
        Runnable acceptHook;
        TlsConfig.Builder tls;

        private Builder() {
        }

        /**
         * Serves TLS (wss:// and https://, the same endpoints, static files and {@code /healthz}) with
         * the key material and port {@code edit} sets; see {@link TlsConfig}. With a TLS port of its
         * own, the plain port keeps serving beside it; without one, the server's port speaks TLS only.
         */
        public Builder tls(Consumer<TlsConfig.Builder> edit) {
            if (tls == null) {
                tls = TlsConfig.builder();
            }
            edit.accept(tls);
            return this;
        }

        /** Listens on TCP {@code port}, 0 to 65535; 0 picks a free port. Default 8080. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Listens on the interface with this address or host name ({@code "127.0.0.1"} for loopback
         * only); {@code null}, {@code "*"}, {@code "0.0.0.0"} or {@code "::"} mean every interface.
         * Default: every interface.
         */
        public Builder bindAddress(String address) {
            this.bindAddress = address;
            return this;
        }

        /** Number of I/O loop threads. Default: available processors. */
        public Builder ioLoops(int ioLoops) {
            this.ioLoops = ioLoops;
            return this;
        }

        /**
         * Adds a WebSocket endpoint at {@code path} served by {@code handler}, speaking
         * {@code subprotocols} (first one the client offers wins; none negotiated when empty), with
         * the default Origin policy of {@link EndpointConfig}.
         */
        public Builder endpoint(String path, WebSocketHandler handler, String... subprotocols) {
            EndpointConfig config;
            try {
                config = EndpointConfig.builder().path(path).subprotocols(subprotocols).build();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("endpoint." + e.getMessage(), e);
            }
            return endpoint(config, handler);
        }

        /** Adds a WebSocket endpoint described by {@code config}, served by {@code handler}. */
        public Builder endpoint(EndpointConfig config, WebSocketHandler handler) {
            endpoints.add(new Endpoint(config, handler));
            return this;
        }

        /** Answers plain HTTP requests (e.g. {@link StaticResourceHandler}); default: 404 for all but /healthz. */
        public Builder httpHandler(HttpHandler handler) {
            this.httpHandler = handler;
            return this;
        }

        /**
         * Decides every WebSocket upgrade before the socket opens (see {@link AuthHandler}): accept with
         * an identity, or refuse with 4xx. Default: none, every valid upgrade opens.
         */
        public Builder authHandler(AuthHandler handler) {
            this.authHandler = handler;
            return this;
        }

        /**
         * The server's own plain HTTP routes (readiness, metrics), consulted after {@code /healthz} and
         * before the application's {@link #httpHandler}; {@code null} from it passes the request on.
         * {@code RingsideServer} sets it; default none.
         */
        public Builder serverRoutes(HttpHandler handler) {
            this.serverRoutes = handler;
            return this;
        }

        /** How long an {@link AuthHandler}'s answer may take before the request is answered 503. Default 5 s. */
        public Builder authTimeoutMs(long ms) {
            this.authTimeoutMs = ms;
            return this;
        }

        /** Edits the limits on the request head (431/414 beyond them). Default {@link HandshakeLimits#defaults()}. */
        public Builder handshakeLimits(Consumer<HandshakeLimits.Builder> edit) {
            edit.accept(handshakeLimits);
            return this;
        }

        /** Edits the frame and message size limits (1009 beyond them); role must stay SERVER. Default 1 MiB each. */
        public Builder decoder(Consumer<DecoderConfig.Builder> edit) {
            edit.accept(decoder);
            return this;
        }

        /** Time a client has to send its whole request head before it is dropped. Default 10 s. */
        public Builder handshakeTimeoutMs(long ms) {
            this.handshakeTimeoutMs = ms;
            return this;
        }

        /** Pings a connection silent for this long; 0 disables heartbeats. Default 30 s. */
        public Builder heartbeatIntervalMs(long ms) {
            this.heartbeatIntervalMs = ms;
            return this;
        }

        /**
         * Sends every open connection a ping carrying its send time this often and keeps the RTT its
         * pong shows ({@link Connection#rttNs()}); 0 turns the probes off. Default 0; a
         * {@code RingsideServer} with its monitor on sets it from the monitor's settings.
         */
        public Builder rttProbeIntervalMs(long ms) {
            this.rttProbeIntervalMs = ms;
            return this;
        }

        /** Closes (1001) a connection that sends nothing within this long after a heartbeat ping. Default 10 s. */
        public Builder heartbeatTimeoutMs(long ms) {
            this.heartbeatTimeoutMs = ms;
            return this;
        }

        /** How long a close waits for the peer's close frame or FIN before the socket is dropped. Default 5 s. */
        public Builder closeTimeoutMs(long ms) {
            this.closeTimeoutMs = ms;
            return this;
        }

        /** How long {@link WebSocketServer#close()} waits for close replies. Default 5 s. */
        public Builder shutdownTimeoutMs(long ms) {
            this.shutdownTimeoutMs = ms;
            return this;
        }

        /** Queued outbound bytes per connection beyond which it is closed with 1008. Default 4 MiB. */
        public Builder maxOutboundBacklogBytes(long bytes) {
            this.maxOutboundBacklogBytes = bytes;
            return this;
        }

        /**
         * The memory budget: bytes that all connections together may make the server hold in partial
         * frames and messages, outbound backlogs and request heads being parsed. When a read or a send
         * overdraws it, the loops close the connections that hold the most with 1013 (try again
         * later) until a sixteenth of it is free again, and while less than that is free new
         * connections are answered 503. Default: a quarter of the maximum heap
         * ({@code Runtime.maxMemory() / 4}), leaving room for the game's own state and for the way
         * the JVM stores large arrays.
         */
        public Builder memoryBudgetBytes(long bytes) {
            this.memoryBudgetBytes = bytes;
            return this;
        }

        /** The default memory budget: a quarter of the maximum heap. */
        public static long defaultMemoryBudgetBytes() {
            return Runtime.getRuntime().maxMemory() / 4;
        }

        /**
         * Open WebSocket connections beyond which an upgrade is answered 503. Sockets still in their
         * handshake do not count (see {@link #maxHandshakes}). Default 10 000.
         */
        public Builder maxConnections(int max) {
            this.maxConnections = max;
            return this;
        }

        /**
         * Handshakes in progress (sockets accepted whose request head is not complete), apart from
         * {@link #maxConnections}: beyond it, each new socket makes the oldest handshake of its loop
         * give way (a best-effort 503, then the socket is closed), so that stalled sockets cannot keep
         * new clients out. Each also ends at {@link #handshakeTimeoutMs}. Default 2 048.
         */
        public Builder maxHandshakes(int max) {
            this.maxHandshakes = max;
            return this;
        }

        /**
         * Upgraded connections from one remote IP address beyond which its next upgrade is answered
         * 503 ({@code too many connections from this address}). Default 1 024. Loopback addresses are
         * exempt unless {@link #addressLimitsOnLoopback}.
         */
        public Builder maxConnectionsPerAddress(int max) {
            this.maxConnectionsPerAddress = max;
            return this;
        }

        /**
         * Handshakes in progress from one remote IP address beyond which its next socket is answered
         * 503 ({@code too many handshakes from this address}) and closed; the address' older
         * handshakes, and everybody else's, are left alone. Default 64.
         */
        public Builder maxHandshakesPerAddress(int max) {
            this.maxHandshakesPerAddress = max;
            return this;
        }

        /**
         * Bytes of the memory budget that the connections of one remote IP address may hold together
         * (partial messages, backlogs, request heads); the connection whose read or send takes the
         * address over it is closed with 1008 ({@code address holds too much}), or answered 503 in its
         * handshake. 0 (the default): an eighth of {@link #memoryBudgetBytes}.
         */
        public Builder maxBytesPerAddress(long bytes) {
            this.maxBytesPerAddress = bytes;
            return this;
        }

        /**
         * Whether the per-address limits apply to loopback addresses too. Default false: a load
         * generator, a test or a reverse proxy on the same machine is one address for many clients.
         */
        public Builder addressLimitsOnLoopback(boolean limit) {
            this.addressLimitsOnLoopback = limit;
            return this;
        }

        /**
         * Bytes of idle arrays each I/O loop keeps for inbound messages larger than a ring slot of the
         * game runtime (and for messages waiting for room in a full ring), in power-of-two sizes from
         * 1 KiB: such a message is copied into an array lent by its loop and given back when its tick
         * thread has dispatched it, so it costs no allocation once the pool is warm. Every array the
         * pool made counts against {@link #memoryBudgetBytes}, idle or lent (and, while lent, toward
         * its connection and its address' share); what comes back beyond this bound is dropped. A
         * message whose array would be larger gets a fresh one. Capped at an eighth of the memory
         * budget divided by {@link #ioLoops}; 0 turns pooling off. Default 1 MiB.
         */
        public Builder messagePoolBytes(long bytes) {
            this.messagePoolBytes = bytes;
            return this;
        }

        /** Capacity of each loop's cross-thread command queue. Default 65 536. */
        public Builder commandQueueCapacity(int capacity) {
            this.commandQueueCapacity = capacity;
            return this;
        }

        /** Size of each loop's pooled read buffer, in bytes. Default 64 KiB. */
        public Builder readBufferBytes(int bytes) {
            this.readBufferBytes = bytes;
            return this;
        }

        /**
         * How long an I/O loop waits, after a wake-up that found sockets ready, before it looks at its
         * sockets again, in microseconds, 0 to {@value #MAX_READ_COALESCE_US}; 0 (the default) looks
         * again at once. Inputs that arrive in the wait are then read together in one wake-up instead
         * of one wake-up (an {@code epoll_wait} and a context switch) each, which is most of the
         * server's CPU per input when clients send small messages at a steady rate. A send from
         * another thread (a tick loop's state, for example) ends the wait at once, so only reads are
         * delayed, by up to this long; a read that fills the read buffer skips the wait. For a game
         * server whose rooms take inputs once per tick, a wait well under the tick interval (e.g.
         * 1,000 µs at 30 Hz) saves wake-ups once many players send; leave it at 0 where each message
         * is answered as it arrives, and on a machine short of CPU, where each wait gives the core
         * away and getting it back can take longer than the wait.
         */
        public Builder readCoalesceUs(long us) {
            this.readCoalesceUs = us;
            return this;
        }

        /**
         * Ties the I/O loops' reads to the tick, in microseconds before it, 0 to
         * {@value #MAX_READ_BEFORE_TICK_US}; 0 (the default) turns it off. After a wake-up that read
         * or took sends, an I/O loop does not look at its sockets again until this long before the
         * next tick of any tick loop ({@link #tickSchedule}), or until another thread hands it
         * something (a tick's sends, a new socket, a close), getting there half the remaining way at a
         * time; from then until that tick has run it reads as messages arrive. So a loop wakes a few
         * times per tick (about six on the way to each tick loop's tick, once per hand-over of its
         * sends) however many clients send, instead of once per handful of messages, and an input
         * still reaches the tick that would have taken it, unless the loop gets no core for longer
         * than this lead just before the tick. A read that fills the read buffer skips the wait. What
         * waits is what the loop answers itself: a WebSocket ping's pong, a close handshake, an HTTP
         * or TLS handshake, and the reading of a pong the server's own pings time, each by up to half
         * a tick interval. Combined with {@link #readCoalesceUs}, a wait ends at whichever comes
         * first. Needs {@link #tickSchedule}, which a {@code RingsideServer} sets itself. Off by
         * default: on a machine short of CPU the timed wake-ups can come late and the tail of the
         * input latency grows (see the swarm figures in the benchmarks README).
         */
        public Builder readBeforeTickUs(long us) {
            this.readBeforeTickUs = us;
            return this;
        }

        /**
         * Where the server's tick loops are, for {@link #readBeforeTickUs}: nanoseconds until the
         * next tick of any of them starts (0 when one is due or running). Called by the I/O loops at
         * each read pause, so it must be cheap and must not block. A {@code RingsideServer} sets this
         * to its shards' schedule.
         */
        public Builder tickSchedule(LongSupplier nanosUntilNextTick) {
            this.tickSchedule = nanosUntilNextTick;
            return this;
        }

        /** Receives recovered failures (handler exceptions, I/O errors). Default: logs a warning. */
        public Builder errorHandler(ErrorHandler handler) {
            this.errorHandler = handler;
            return this;
        }

        /**
         * What happens once the server stopped because one of its threads failed with an
         * {@link Error} (out of memory, say). Default {@link FatalErrorHandler#exitProcess()}: exit
         * with status {@value FatalErrorHandler#EXIT_STATUS}. A {@code RingsideServer} sets this
         * itself from its own {@code fatalErrorHandler}, which covers its tick threads too.
         */
        public Builder fatalErrorHandler(FatalErrorHandler handler) {
            this.fatalErrorHandler = handler;
            return this;
        }

        /** Runs on the acceptor thread after each accept, before the socket goes to a loop (tests). */
        Builder acceptHook(Runnable hook) {
            this.acceptHook = hook;
            return this;
        }

        Builder nanoClock(LongSupplier clock) {
            this.nanoClock = clock;
            return this;
        }

        /** Checks every value and builds an unstarted server. */
        public WebSocketServer build() {
            return new WebSocketServer(config());
        }

        /** Checks every value and returns the immutable settings. */
        ServerConfig config() {
            check(port >= 0 && port <= MAX_PORT, "port=" + port + " (0 to 65535)");
            InetSocketAddress address = resolve(bindAddress, port);
            check(ioLoops >= 1, "ioLoops=" + ioLoops);
            check(!endpoints.isEmpty(), "endpoints=[] (add at least one endpoint)");
            DecoderConfig decoderConfig = nested("decoder.", decoder::build);
            HandshakeLimits limits = nested("handshakeLimits.", handshakeLimits::build);
            check(decoderConfig.role() == Role.SERVER, "decoder.role=" + decoderConfig.role());
            check(handshakeTimeoutMs > 0, "handshakeTimeoutMs=" + handshakeTimeoutMs);
            check(authTimeoutMs > 0, "authTimeoutMs=" + authTimeoutMs + " (minimum 1)");
            check(heartbeatIntervalMs >= 0, "heartbeatIntervalMs=" + heartbeatIntervalMs);
            check(heartbeatTimeoutMs > 0, "heartbeatTimeoutMs=" + heartbeatTimeoutMs);
            check(rttProbeIntervalMs >= 0, "rttProbeIntervalMs=" + rttProbeIntervalMs + " (0 turns probes off)");
            check(closeTimeoutMs > 0, "closeTimeoutMs=" + closeTimeoutMs);
            check(shutdownTimeoutMs > 0, "shutdownTimeoutMs=" + shutdownTimeoutMs);
            check(maxOutboundBacklogBytes > 0, "maxOutboundBacklogBytes=" + maxOutboundBacklogBytes);
            check(maxConnections > 0, "maxConnections=" + maxConnections);
            check(maxHandshakes > 0, "maxHandshakes=" + maxHandshakes);
            check(maxConnectionsPerAddress > 0, "maxConnectionsPerAddress=" + maxConnectionsPerAddress);
            check(maxHandshakesPerAddress > 0, "maxHandshakesPerAddress=" + maxHandshakesPerAddress);
            check(maxBytesPerAddress >= 0, "maxBytesPerAddress=" + maxBytesPerAddress + " (0: budget / 8)");
            check(messagePoolBytes >= 0, "messagePoolBytes=" + messagePoolBytes + " (0 turns pooling off)");
            check(memoryBudgetBytes >= MIN_MEMORY_BUDGET_BYTES, "memoryBudgetBytes=" + memoryBudgetBytes
                    + " (minimum " + MIN_MEMORY_BUDGET_BYTES + ")");
            check(commandQueueCapacity >= 2, "commandQueueCapacity=" + commandQueueCapacity);
            check(readBufferBytes >= 1024, "readBufferBytes=" + readBufferBytes + " (minimum 1024)");
            check(readCoalesceUs >= 0 && readCoalesceUs <= MAX_READ_COALESCE_US,
                    "readCoalesceUs=" + readCoalesceUs + " (0 to " + MAX_READ_COALESCE_US + ")");
            check(readBeforeTickUs >= 0 && readBeforeTickUs <= MAX_READ_BEFORE_TICK_US,
                    "readBeforeTickUs=" + readBeforeTickUs + " (0 to " + MAX_READ_BEFORE_TICK_US + ")");
            check(readBeforeTickUs == 0 || tickSchedule != null, "readBeforeTickUs=" + readBeforeTickUs
                    + " (needs a tickSchedule: the tick loops a RingsideServer sets)");
            check(errorHandler != null && nanoClock != null, "errorHandler and nanoClock must not be null");
            check(fatalErrorHandler != null, "fatalErrorHandler=null");
            Set<String> paths = new HashSet<>();
            for (Endpoint endpoint : endpoints) {
                check(paths.add(endpoint.path), "endpoint.path=" + endpoint.path + " (duplicate)");
                check(endpoint.handler != null, "endpoint(" + endpoint.path + ").handler=null");
            }
            ServerTls serverTls = tls == null ? null : new ServerTls(nested("tls.", tls::build));
            return new ServerConfig(this, address, limits, decoderConfig, serverTls);
        }

        private static InetSocketAddress resolve(String host, int port) {
            if (host == null || "*".equals(host) || "0.0.0.0".equals(host) || "::".equals(host)) {
                return new InetSocketAddress(port);
            }
            InetSocketAddress address = new InetSocketAddress(host, port);
            check(!address.isUnresolved(), "bindAddress=" + host + " (unknown host)");
            return address;
        }

        private static <T> T nested(String prefix, Supplier<T> build) {
            try {
                return build.get();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(prefix + e.getMessage(), e);
            }
        }

        private static void check(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
