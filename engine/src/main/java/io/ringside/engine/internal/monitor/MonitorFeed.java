package io.ringside.engine.internal.monitor;

import io.ringside.engine.room.GameMetrics;
import io.ringside.engine.internal.RoomControl;
import io.ringside.engine.monitor.MonitorConfig;
import io.ringside.engine.transport.Connection;
import io.ringside.engine.transport.TransportMetrics;
import io.ringside.protocol.websocket.CloseCode;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor's own thread: every refresh interval it turns the byte counters into rates, asks the
 * shards for a fresh copy of their rooms while anyone watches, and pushes the state document to
 * every live viewer (a bounded number; a viewer that does not keep up is closed by the transport's
 * backlog limit). Reading the state costs the tick threads one flag per tick and one copy of their
 * rooms per refresh.
 */
final class MonitorFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorFeed.class);
    private static final double NANOS_PER_SECOND = 1e9;
    /** How long a JSON state request keeps the room copies fresh without a live viewer. */
    private static final long API_INTEREST_NS = TimeUnit.SECONDS.toNanos(30);

    private final MonitorConfig config;
    private final RoomControl control;
    private final GameMetrics game;
    private volatile TransportMetrics transport;
    private final LongSupplier clock;
    private final CopyOnWriteArrayList<Connection> viewers = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService timer;
    private long lastSampleNs;
    private long lastBytesIn;
    private long lastBytesOut;
    private volatile double bytesInPerSec;
    private volatile double bytesOutPerSec;
    private volatile long apiInterestUntilNs;

    MonitorFeed(MonitorConfig config, RoomControl control, GameMetrics game, LongSupplier clock) {
        this.config = config;
        this.control = control;
        this.game = game;
        this.clock = clock;
    }

    /** Starts the refresh timer; from now on connections and bytes are read from {@code transport}. */
    synchronized void start(TransportMetrics transport) {
        this.transport = transport;
        lastSampleNs = clock.getAsLong();
        lastBytesIn = transport.bytesReceived();
        lastBytesOut = transport.bytesSent();
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ringside-monitor");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::refresh, config.refreshMs(), config.refreshMs(), TimeUnit.MILLISECONDS);
    }

    /** A viewer's WebSocket opened: it joins the feed and gets the state at once, or is closed 1013 when full. */
    void viewerOpened(Connection connection) {
        synchronized (viewers) {
            if (viewers.size() >= config.maxViewers()) {
                connection.close(CloseCode.TRY_AGAIN_LATER, "too many monitor viewers (maximum "
                        + config.maxViewers() + ")");
                return;
            }
            viewers.add(connection);
        }
        control.requestSnapshot();
        connection.sendText(state());
    }

    void viewerClosed(Connection connection) {
        viewers.remove(connection);
    }

    int viewers() {
        return viewers.size();
    }

    /** The state document now, for a JSON request; keeps room copies coming for a while. */
    String stateForRequest() {
        apiInterestUntilNs = clock.getAsLong() + API_INTEREST_NS;
        control.requestSnapshot();
        return state();
    }

    private String state() {
        return MonitorJson.state(System.currentTimeMillis(), transport.connectionsOpen(), bytesInPerSec,
                bytesOutPerSec, viewers.size(), game.shards(), game.roomTypes(), control.rooms());
    }

    private void refresh() {
        try {
            sample();
            boolean watched = !viewers.isEmpty();
            if (watched || clock.getAsLong() - apiInterestUntilNs < 0) {
                control.requestSnapshot();
            }
            if (watched) {
                String state = state();
                for (Connection viewer : viewers) {
                    viewer.sendText(state);
                }
            }
        } catch (RuntimeException e) {
            // a failed refresh must not end the timer: the next one tries again
            LOG.warn("monitor refresh failed", e);
        }
    }

    private void sample() {
        long now = clock.getAsLong();
        long in = transport.bytesReceived();
        long out = transport.bytesSent();
        double seconds = (now - lastSampleNs) / NANOS_PER_SECOND;
        if (seconds > 0) {
            bytesInPerSec = (in - lastBytesIn) / seconds;
            bytesOutPerSec = (out - lastBytesOut) / seconds;
        }
        lastSampleNs = now;
        lastBytesIn = in;
        lastBytesOut = out;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        viewers.clear();
    }
}
