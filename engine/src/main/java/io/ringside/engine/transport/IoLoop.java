package io.ringside.engine.transport;

import io.ringside.engine.internal.MessageArrayPool;
import io.ringside.protocol.tls.TlsWire;
import io.ringside.protocol.http.HttpStatus;
import io.ringside.protocol.websocket.CloseCode;
import io.ringside.protocol.websocket.FrameEncoder;
import io.ringside.protocol.websocket.InflaterPool;
import io.ringside.protocol.websocket.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One selector thread that owns its connections for life: it alone touches their sockets, buffers
 * and state, so the per-connection path takes no lock. Other threads reach it only through its
 * bounded {@link CommandRing} of {@link LoopCommand}s, waking it at most once per batch.
 *
 * <p>A duty cycle: {@link #doWork(long)} reads the clock once, drains commands, handles ready keys,
 * fires timers when due and flushes the connections written to in this cycle (several frames per
 * write, through one direct staging buffer). With a read pause ({@code readCoalesceUs}, or
 * {@code readBeforeTickUs}: until shortly before the next tick) the loop parks between a busy cycle
 * and the next select; see {@link ReadPause}.
 *
 * <p>A {@link RuntimeException} that escapes a cycle is reported and the loop goes on; an
 * {@link Error} stops the server: this loop sends 1011 to its connections and closes them, and
 * {@link FatalStop} has the other loops do the same.
 */
final class IoLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(IoLoop.class);
    /** Connections holding less than this are not worth shedding. */
    private static final long MIN_SHED_BYTES = 16 * 1024;
    private static final int MAX_SHED_PER_CYCLE = 256;
    static final String SHED_REASON = "server memory budget exhausted";
    static final String ADDRESS_HANDSHAKES_REASON = "too many handshakes from this address";
    static final String ADDRESS_CONNECTIONS_REASON = "too many connections from this address";
    static final String ADDRESS_BYTES_REASON = "address holds too much";
    private static final int INFLATERS_KEPT = 16;
    private static final int DEFLATE_FRAME_BYTES = 64 * 1024;
    private static final long DEFLATE_FRAME_POOL_BYTES = 2L << 20;

    final ServerConfig config;
    final ByteBuffer staging = ByteBuffer.allocateDirect(OutboundQueue.MAX_BYTES_PER_WRITE);
    final FrameEncoder encoder = new FrameEncoder(Role.SERVER);
    final Handshaker handshaker;
    final TransportMetrics metrics;
    final LoopCounters counters;
    long nowNs;
    /** Stops the server on an Error; {@code null} in tests that drive a loop alone (the Error propagates). */
    FatalStop fatal;
    /** Per remote address counts, shared by the server's loops (set before the loop starts). */
    AddressLimits addresses;
    final MemoryBudget budget;
    /** Arrays lent to this loop's connections for inbound messages larger than a ring slot. */
    final MessageArrayPool messageArrays;
    /**
     * Inflaters lent per compressed message to connections whose clients reset their context, and
     * arrays lent to decoders for messages split across reads; its idle arrays are charged to the
     * budget on the timer ({@link #inflaterArraysCharged}).
     */
    final InflaterPool inflaters = new InflaterPool(INFLATERS_KEPT);
    private long inflaterArraysCharged;
    /** Spare outbound rings, lent to connections while they have something queued. */
    final OutboundRings rings = new OutboundRings();
    /** Plain decoders lent to connections for the reads that bring them bytes. */
    final InboundPool decoders;
    /** Frames for messages compressed per connection (server context takeover); made on first use. */
    private FramePool deflateFrames;

    private final int index;
    private final AtomicInteger openConnections;
    private final AtomicLong connectionIds;
    private final Selector selector;
    private final ByteBuffer readBuffer;
    private final CommandRing commands;
    private final CommandExecutor executor;
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    /** Set while the loop waits out its read-coalescing pause: a wake-up then unparks it. */
    private volatile boolean pausing;
    /** Keys the last cycle's select found ready (reads, writes, accepts): a pause follows only then. */
    private int readyLastCycle;
    /** Commands (and answered auths) the last cycle took: a pause tied to the tick follows them too. */
    private int commandsLastCycle;
    private final ReadPause readPause;
    /** A read in this cycle filled the read buffer: more is waiting, so no pause follows. */
    boolean moreToRead;
    private final Consumer<SelectionKey> onReady = this::onReady;
    private final ConnectionTable connections = new ConnectionTable();
    private WsConnection[] dirty = new WsConnection[64];
    private int dirtyCount;
    private volatile boolean shutdownRequested;
    private volatile boolean abortRequested;
    private final ByteBuffer abortCloseFrame;
    private final BudgetLease lease;
    private final AtomicInteger handshakes;
    /** This loop's connections in accept order, those still in their handshake first (others skipped). */
    private final ArrayDeque<WsConnection> handshakeOrder = new ArrayDeque<>();
    private boolean shedPending;
    private boolean nothingToShed;
    private volatile Thread thread;
    private long nextTimerNs;
    private boolean shuttingDown;
    private long shutdownDeadlineNs;
    private boolean finished;
    /** Scratch buffers of this loop's TLS connections; made with the first. */
    private TlsWire.Buffers tlsBuffers;

    /** A loop with a memory budget of its own (tests that drive one loop alone). */
    IoLoop(int index, ServerConfig config, AtomicInteger openConnections, AtomicLong connectionIds) {
        this(index, config, openConnections, connectionIds, new MemoryBudget(config.memoryBudgetBytes),
                new AtomicInteger(), new LoopCounters(), null);
    }

    /**
     * A loop of a server whose loops share {@code openConnections} (upgraded connections),
     * {@code connectionIds}, the memory {@code budget}, the count of {@code handshakes} in progress and
     * the transport {@code metrics} (null: this loop's own); {@code counters} are this loop's.
     */
    IoLoop(int index, ServerConfig config, AtomicInteger openConnections, AtomicLong connectionIds,
           MemoryBudget budget, AtomicInteger handshakes, LoopCounters counters, TransportMetrics metrics) {
        this.index = index;
        this.handshakes = handshakes;
        this.budget = budget;
        this.lease = new BudgetLease(budget);
        this.messageArrays = new MessageArrayPool(config.messagePoolBytes, this::charge);
        this.counters = counters;
        this.metrics = metrics != null ? metrics : new TransportMetrics(null, List.of(counters));
        this.config = config;
        this.openConnections = openConnections;
        this.connectionIds = connectionIds;
        // A heap buffer, though the JDK copies socket reads into it from a cached direct one: C2
        // vectorises unmasking over a byte[] but not over a direct buffer, and the benchmarks show
        // the copy costs far less than that (64 KiB frames: ~30 GB/s heap vs ~3 GB/s direct).
        this.readBuffer = ByteBuffer.allocate(config.tls == null ? config.readBufferBytes
                : Math.max(config.readBufferBytes, TlsWire.MIN_READ_BUFFER_BYTES));
        this.commands = new CommandRing(config.commandQueueCapacity);
        this.executor = new CommandExecutor(this, commands);
        this.readPause = new ReadPause(config);
        this.decoders = new InboundPool(config.decoderConfig, inflaters);
        this.handshaker = new Handshaker(this);
        this.addresses = config.addressLimits();
        // made now: when it is needed the heap may be exhausted
        this.abortCloseFrame = ByteBuffer.allocate(2 + 125);
        encoder.writeClose(abortCloseFrame, CloseCode.INTERNAL_ERROR, "server error");
        abortCloseFrame.flip();
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.nowNs = config.nanoClock.getAsLong();
        this.nextTimerNs = nowNs + config.timerTickNs;
    }

    int index() {
        return index;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        while (!finished) {
            try {
                // block in select even after a busy cycle: epoll is level-triggered (unread bytes
                // make it return at once) and commands wake it, so a non-blocking poll between busy
                // cycles would only add an epoll_wait per wake-up; only leftover shedding polls
                doWork(sheddingLeft() ? 0 : idleTimeoutMs());
                pauseForReads();
            } catch (ClosedSelectorException e) {
                LOG.error("loop {} lost its selector; its connections are gone", index);
                finished = true;
            } catch (IOException | RuntimeException e) {
                report(null, e);
            } catch (Error e) {
                abortConnections();
                if (fatal == null) {
                    throw e;
                }
                fatal.trigger(e);
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("selector close failed", e);
        }
    }

    /**
     * One duty cycle; blocks in select up to {@code selectTimeoutMs} when it has nothing to do
     * (0: never blocks). Returns the amount of work done. Loop thread only.
     */
    int doWork(long selectTimeoutMs) throws IOException {
        if (abortRequested) {
            abortConnections();
            return 0;
        }
        nowNs = config.nanoClock.getAsLong();
        int work = drainCommands() + handshaker.finishAnsweredAuths();
        commandsLastCycle = work;
        int ready;
        if (work > 0 || selectTimeoutMs <= 0) {
            ready = selector.selectNow(onReady);
        } else {
            wakeupPending.set(false);
            ready = commands.isEmpty() ? selector.select(onReady, selectTimeoutMs) : selector.selectNow(onReady);
        }
        readyLastCycle = ready;
        work += ready;
        if (nowNs - nextTimerNs >= 0) {
            nextTimerNs = nowNs + config.timerTickNs;
            work += onTimerTick();
            nothingToShed = false;
        }
        // another loop may have overdrawn the budget: help, but a loop that found nothing worth
        // shedding scans its connections again only after the next timer tick
        if (shedPending || !nothingToShed && budget.overdrawn()) {
            work += shed();
        }
        work += flushDirty();
        if (shutdownRequested && !shuttingDown) {
            // sends submitted before close() must go out ahead of the 1001 close frames, even those
            // offered after this cycle's drain: the flag was set after them, so they are visible now
            drainCommands();
            beginShutdown();
        }
        if (shuttingDown && (connections.size() == 0 || nowNs - shutdownDeadlineNs >= 0)) {
            finish();
        }
        return work;
    }

    /** Hands a freshly accepted socket to this loop; {@code false} if the command queue is full. Any thread. */
    boolean register(SocketChannel channel) {
        return register(channel, false);
    }

    /** {@link #register(SocketChannel)} for a socket of a TLS listener ({@code tls}). Any thread. */
    boolean register(SocketChannel channel, boolean tls) {
        return woken(commands.register(channel, tls));
    }

    /**
     * Hands a frame to {@code connection}: its own {@code frame}, or {@code shared} (whose reference
     * the command then carries). {@code false} if the command ring is full. Any thread.
     */
    boolean submitSend(ConnectionHandle connection, ByteBuffer frame, SharedFrame shared, boolean latestOnly) {
        return woken(commands.send(connection, frame, shared, latestOnly));
    }

    /** Hands PAUSE, RESUME or OVERFLOW for {@code connection} to the loop. Any thread. */
    boolean submitControl(int kind, ConnectionHandle connection) {
        return woken(commands.control(kind, connection));
    }

    boolean submitClose(ConnectionHandle connection, int code, String reason) {
        return woken(commands.close(connection, code, reason));
    }

    /**
     * After a successful offer, wakes the loop unless a wake-up is already pending: unparks it when
     * it waits out a read-coalescing pause (cheaper than a selector wake-up, and the selects after
     * the pause see the command), else wakes its selector.
     */
    private boolean woken(boolean offered) {
        if (offered && !wakeupPending.get() && wakeupPending.compareAndSet(false, true)) {
            if (pausing) {
                LockSupport.unpark(thread);
            } else {
                selector.wakeup();
            }
        }
        return offered;
    }

    /**
     * The read pause ({@link ReadPause}): after a cycle whose select found sockets ready (or, tied to
     * the tick, that took commands), the loop parks before it selects again, so that the inputs of
     * many clients arriving meanwhile are read in one wake-up instead of one wake-up each (each costs
     * an {@code epoll_wait} and a context switch). A command (a send from a tick loop, a new socket, a
     * close) ends the pause at once, so only reads wait. Loop thread.
     */
    private void pauseForReads() {
        boolean more = moreToRead;
        moreToRead = false;
        if (more || finished || readyLastCycle == 0 && (commandsLastCycle == 0 || !readPause.afterCommands())) {
            return;
        }
        long pauseNs = readPause.pauseNs();
        if (pauseNs == 0) {
            return;
        }
        pausing = true;
        // a submitter that finds no wake-up pending after this point sees pausing and unparks us;
        // one that set it before has offered its command already, which isEmpty() sees
        wakeupPending.set(false);
        if (commands.isEmpty() && !shutdownRequested && !abortRequested) {
            LockSupport.parkNanos(this, pauseNs);
        }
        pausing = false;
    }

    /** An auth handler answered for {@code connection} (or failed): hand it to the loop. Any thread. */
    void authCompleted(WsConnection connection, AuthDecision decision, Throwable error) {
        woken(handshaker.authAnswered(connection, decision, error));
    }

    /** Asks the loop to close its connections with 1001 and end. Any thread. */
    void requestShutdown() {
        shutdownRequested = true;
        selector.wakeup();
        LockSupport.unpark(thread);
    }

    /** Asks the loop to send 1011 to its connections, close them and end: the server failed. Any thread. */
    void requestAbort() {
        abortRequested = true;
        selector.wakeup();
        LockSupport.unpark(thread);
    }

    /**
     * Best effort, allocating nothing: writes what each connection has queued and a 1011 close frame
     * (when the stream is at a frame boundary), closes every socket, and ends the loop. No handler
     * is called. Loop thread.
     */
    void abortConnections() {
        finished = true;
        for (int i = connections.size() - 1; i >= 0; i--) {
            try {
                connections.get(i).abort(abortCloseFrame);
            } catch (Throwable t) {
                ConnectionHandle.closeQuietly(connections.get(i).channel);
            }
        }
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    boolean isShuttingDown() {
        return shuttingDown;
    }

    /** The pool of per-connection compressed frames, made on first use. Loop thread. */
    FramePool deflateFrames() {
        if (deflateFrames == null) {
            deflateFrames = new FramePool(DEFLATE_FRAME_BYTES, DEFLATE_FRAME_POOL_BYTES);
        }
        return deflateFrames;
    }

    /**
     * Schedules {@code connection} for a flush at the end of this cycle. Loop thread. A connection
     * flushed early (right after its read) may be listed twice in one cycle; its second flush finds
     * nothing to write.
     */
    void markDirty(WsConnection connection) {
        if (!connection.dirty) {
            connection.dirty = true;
            if (dirtyCount == dirty.length) {
                dirty = java.util.Arrays.copyOf(dirty, dirtyCount * 2);
            }
            dirty[dirtyCount++] = connection;
        }
    }

    void remove(WsConnection connection, boolean counted) {
        connections.remove(connection);
        if (counted) {
            openConnections.decrementAndGet();
        }
        AddressShare share = connection.share;
        if (share != null) {
            if (counted) {
                share.connections.decrementAndGet();
            }
            addresses.release(share);
        }
    }

    /**
     * Charges ({@code bytes > 0}) or credits a change in what a connection holds to this loop's share
     * of the memory budget; an overdrawn budget makes the loop shed at the end of this cycle (never
     * in the middle of a connection's read or send). Loop thread.
     */
    void charge(long bytes) {
        if (bytes > 0) {
            if (!lease.charge(bytes)) {
                shedPending = true;
            }
        } else if (bytes < 0) {
            lease.credit(-bytes);
        }
    }

    /**
     * Closes (1013) this loop's connections that hold the most, one at a time, until the budget has
     * its reserve free again or no connection here holds much. Loop thread.
     */
    private int shed() {
        shedPending = false;
        int shed = 0;
        while (budget.low() && shed < MAX_SHED_PER_CYCLE) {
            WsConnection victim = null;
            for (int i = 0; i < connections.size(); i++) {
                WsConnection candidate = connections.get(i);
                if (candidate.sheddable() && (victim == null
                        || candidate.sheddableBytes() > victim.sheddableBytes())) {
                    victim = candidate;
                }
            }
            if (victim == null || victim.sheddableBytes() < MIN_SHED_BYTES) {
                nothingToShed = true;
                break;
            }
            victim.shed();
            budget.countShed();
            shed++;
        }
        return shed;
    }

    /** Passes {@code error} to the error handler, which must not throw; if it does, logs it. */
    void report(Connection connection, Throwable error) {
        try {
            config.errorHandler.onError(connection, error);
        } catch (Throwable t) {
            LOG.warn("error handler threw", t);
        }
    }

    /** Whether the next cycle sheds again (the last one stopped at its cap with the budget still overdrawn). */
    private boolean sheddingLeft() {
        return shedPending || !nothingToShed && budget.overdrawn();
    }

    private long idleTimeoutMs() {
        return Math.max(1, (nextTimerNs - nowNs) / 1_000_000L);
    }

    private int drainCommands() {
        return executor.drain();
    }

    /**
     * Registers an accepted socket as a connection in its handshake. At the cap on handshakes in
     * progress the oldest handshake of this loop makes room (503): stalled sockets cannot keep new
     * clients out, who finish their handshake within a round trip. While the memory budget is low
     * the socket is answered 503. Loop thread.
     */
    void accept(SocketChannel channel, boolean tls) {
        try {
            if (shuttingDown) {
                metrics.refused(TransportMetrics.REFUSED_SHUTTING_DOWN);
                channel.close();
                return;
            }
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            WsConnection connection = new WsConnection(connectionIds.incrementAndGet(), this, channel, key,
                    tls ? tlsWire(channel) : null);
            key.attach(connection);
            connections.add(connection);
            if (handshakes.incrementAndGet() > config.maxHandshakes) {
                metrics.refused(TransportMetrics.REFUSED_MAX_HANDSHAKES);
                metrics.handshake(HttpStatus.SERVICE_UNAVAILABLE);
                evictOldestHandshake();
            }
            handshakeOrder.add(connection);
            if (!connection.admitHandshake()) {
                metrics.refused(TransportMetrics.REFUSED_ADDRESS_LIMIT);
                metrics.handshake(HttpStatus.SERVICE_UNAVAILABLE);
                connection.refuse(HttpStatus.SERVICE_UNAVAILABLE, ADDRESS_HANDSHAKES_REASON);
            } else if (budget.low()) {
                metrics.refused(TransportMetrics.REFUSED_MEMORY_BUDGET);
                metrics.handshake(HttpStatus.SERVICE_UNAVAILABLE);
                connection.refuse(HttpStatus.SERVICE_UNAVAILABLE, SHED_REASON);
            } else {
                metrics.accepted();
            }
        } catch (IOException e) {
            ConnectionHandle.closeQuietly(channel);
        }
    }

    private TlsWire tlsWire(SocketChannel channel) {
        SSLEngine engine = config.tls.newEngine();
        if (tlsBuffers == null) {
            tlsBuffers = new TlsWire.Buffers(engine);
        }
        return new TlsWire(channel, engine, tlsBuffers);
    }

    private void evictOldestHandshake() {
        WsConnection oldest;
        while ((oldest = handshakeOrder.poll()) != null) {
            if (oldest.state() == WsConnection.HANDSHAKE) {
                oldest.evict();
                return;
            }
        }
    }

    /** Handshakes in progress across the server. Any thread. */
    int handshakesInProgress() {
        return handshakes.get();
    }

    /** A connection left its handshake (upgraded, answered or gone). Loop thread. */
    void handshakeEnded() {
        handshakes.decrementAndGet();
        WsConnection head;
        while ((head = handshakeOrder.peek()) != null && head.state() != WsConnection.HANDSHAKE) {
            handshakeOrder.poll();
        }
    }

    /** Counts an upgrade toward the connection limit; {@code false} (not counted) at the limit. Any thread. */
    boolean admitConnection() {
        if (openConnections.incrementAndGet() > config.maxConnections) {
            openConnections.decrementAndGet();
            return false;
        }
        return true;
    }

    private void onReady(SelectionKey key) {
        WsConnection connection = (WsConnection) key.attachment();
        try {
            int ready = key.readyOps();
            if ((ready & SelectionKey.OP_WRITE) != 0) {
                connection.flush();
            }
            if ((ready & SelectionKey.OP_READ) != 0 && key.isValid()) {
                connection.onReadable(readBuffer);
                if (connection.dirty) {
                    // answer now rather than after every other ready socket's read: what this read
                    // produced (an echo, a pong, a 101) leaves in one write either way, and its
                    // latency no longer grows with the number of sockets ready in the same select
                    connection.dirty = false;
                    connection.flush();
                }
            }
        } catch (RuntimeException e) {
            report(connection, e);
            connection.destroy();
        }
    }

    private int onTimerTick() {
        messageArrays.takeReturned();
        long idleArrays = inflaters.idleBufferBytes();
        charge(idleArrays - inflaterArraysCharged);
        inflaterArraysCharged = idleArrays;
        int fired = 0;
        for (int i = connections.size() - 1; i >= 0; i--) {
            if (i < connections.size() && connections.get(i).onTimer(nowNs)) {
                fired++;
            }
        }
        return fired;
    }

    private int flushDirty() {
        int flushed = dirtyCount;
        for (int i = 0; i < flushed; i++) {
            WsConnection connection = dirty[i];
            dirty[i] = null;
            connection.dirty = false;
            connection.flush();
        }
        dirtyCount = 0;
        return flushed;
    }

    private void beginShutdown() {
        shuttingDown = true;
        shutdownDeadlineNs = nowNs + config.shutdownTimeoutNs;
        for (int i = connections.size() - 1; i >= 0; i--) {
            if (i < connections.size()) {
                connections.get(i).onShutdown();
            }
        }
        flushDirty();
    }

    private void finish() {
        for (int i = connections.size() - 1; i >= 0; i--) {
            connections.get(i).destroy();
        }
        lease.close();
        finished = true;
        executor.discardRemaining();
    }
}
