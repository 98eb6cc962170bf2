package io.ringside.engine.client;

import io.ringside.protocol.tls.TlsWire;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;

/**
 * One client I/O thread: a selector loop that owns its connections for life, with one read buffer
 * shared by all of them. Other threads reach it only through two queues (new connections, flush
 * requests) and at most one selector wakeup per batch.
 *
 * <p>Each cycle: drain the queues (bounded), expire deadlines (connect, handshake, close), select
 * until the next deadline, handle ready keys. A failure in one connection closes only that one.
 */
final class ClientLoop implements Runnable {
    private static final int MAX_DRAIN_PER_CYCLE = 4096;

    private final Selector selector;
    private final ByteBuffer readBuffer;
    private final ConcurrentLinkedQueue<ClientSession> starts = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ClientSession> flushes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final ArrayList<ClientSession> timed = new ArrayList<>();
    private final Consumer<SelectionKey> onSelected = this::onSelected;
    private final Thread thread;
    private volatile boolean running = true;
    private long nowNs;
    private boolean timeFresh;
    private TlsWire.Buffers tlsBuffers;

    ClientLoop(int readBufferBytes, String threadName) throws IOException {
        this.selector = Selector.open();
        // room for a whole TLS record's plaintext, should a connection use TLS. A heap buffer, as
        // the server's: the JDK copies each read from its cached direct buffer (a memcpy of what
        // arrived), and in return the frame decoder takes its array path and protobuf parses each
        // envelope from the array, where over a direct buffer it wraps a slice and copies the bytes
        // into an array of its own (about 4 % of a load-generator bot's CPU in a profile)
        this.readBuffer = ByteBuffer.allocate(Math.max(readBufferBytes, TlsWire.MIN_READ_BUFFER_BYTES));
        this.thread = new Thread(this, threadName);
        this.thread.setDaemon(true);
    }

    /** This loop's TLS scratch buffers, made for its first TLS connection. Loop thread. */
    TlsWire.Buffers tlsBuffers(SSLEngine engine) {
        if (tlsBuffers == null) {
            tlsBuffers = new TlsWire.Buffers(engine);
        }
        return tlsBuffers;
    }

    void startThread() {
        thread.start();
    }

    /** Any thread: hands a new connection to this loop. */
    void start(ClientSession session) {
        starts.add(session);
        wake();
        if (!running) {
            // lost the race with shutdown: nobody will drain the queue any more
            failPending(starts);
        }
    }

    /** Any thread: asks this loop to flush {@code session}'s outbound queue. */
    void schedule(ClientSession session) {
        flushes.add(session);
        wake();
    }

    /**
     * Stops the loop, closing every connection without a close handshake, and waits for it unless
     * called on the loop's own thread (from a listener), which would wait for itself.
     */
    void shutdown() throws InterruptedException {
        running = false;
        selector.wakeup();
        if (Thread.currentThread() != thread) {
            thread.join();
        }
    }

    Selector selector() {
        return selector;
    }

    /** The time of the current cycle, read once per cycle and again after select returns. */
    long nowNs() {
        return nowNs;
    }

    /** Keeps {@code session} in the deadline list until its deadline is cleared. */
    void track(ClientSession session) {
        if (!session.tracked()) {
            session.tracked(true);
            timed.add(session);
        }
    }

    @Override
    public void run() {
        try {
            while (running) {
                wakeupPending.set(false);
                nowNs = System.nanoTime();
                boolean more = drain();
                long timeoutMs = expireDeadlines();
                timeFresh = false;
                if (more) {
                    selector.selectNow(onSelected);
                } else {
                    selector.select(onSelected, timeoutMs);
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
        } finally {
            closeAll();
        }
    }

    private boolean drain() {
        ClientSession session;
        int n = 0;
        while (n++ < MAX_DRAIN_PER_CYCLE && (session = starts.poll()) != null) {
            session.start();
        }
        n = 0;
        while (n++ < MAX_DRAIN_PER_CYCLE && (session = flushes.poll()) != null) {
            try {
                session.onFlushRequested();
            } catch (IOException | RuntimeException e) {
                session.abort(e);
            }
        }
        return !starts.isEmpty() || !flushes.isEmpty();
    }

    /** Fires due deadlines; returns the select timeout until the next one (0 = none, block). */
    private long expireDeadlines() {
        long next = Long.MAX_VALUE;
        int i = 0;
        while (i < timed.size()) {
            ClientSession session = timed.get(i);
            long deadline = session.deadlineNs();
            if (deadline != 0 && deadline - nowNs <= 0) {
                try {
                    session.onDeadline();
                } catch (RuntimeException e) {
                    session.abort(e);
                }
                deadline = session.deadlineNs();
            }
            if (deadline == 0) {
                timed.set(i, timed.get(timed.size() - 1));
                timed.remove(timed.size() - 1);
                session.tracked(false);
                continue;
            }
            next = Math.min(next, deadline - nowNs);
            i++;
        }
        return next == Long.MAX_VALUE ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(next) + 1);
    }

    private void onSelected(SelectionKey key) {
        if (!timeFresh) {
            // select may have blocked for long: deadlines set by ready keys count from now
            nowNs = System.nanoTime();
            timeFresh = true;
        }
        ClientSession session = (ClientSession) key.attachment();
        try {
            session.onReady(key.readyOps(), readBuffer);
        } catch (IOException | RuntimeException e) {
            session.abort(e);
        }
    }

    private void wake() {
        if (!wakeupPending.get() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    private void closeAll() {
        IOException cause = new IOException("client closed");
        for (SelectionKey key : selector.keys()) {
            ((ClientSession) key.attachment()).abort(cause);
        }
        failPending(starts);
        try {
            selector.close();
        } catch (IOException e) {
            // the loop is gone either way
        }
    }

    private static void failPending(ConcurrentLinkedQueue<ClientSession> queue) {
        ClientSession session;
        while ((session = queue.poll()) != null) {
            session.abort(new IOException("client closed"));
        }
    }
}
