package io.ringside.agones;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.config.AgonesConfig;
import io.ringside.engine.room.GameMetrics;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a started {@link RingsideServer}'s lifecycle to the Agones SDK sidecar: {@code Ready} once
 * (retried while the sidecar is not up yet), {@code Health} on a timer, {@code Allocate} when the
 * first room exists, the labels {@code rooms} and {@code players} (Agones stores them as
 * {@code agones.dev/sdk-rooms} and {@code agones.dev/sdk-players}) when they change, and on
 * {@link #shutdown()}: drain, let rooms finish until the drain deadline, close the server,
 * then {@code Shutdown}. Failed Health, Allocate and label calls are retried at the next beat; a failed
 * Shutdown is retried {@link AgonesConfig#readyAttempts()} times.
 *
 * <pre>{@code
 * RingsideServer server = RingsideServer.builder()...build().start();   // .agones(a -> ...) or agones.* keys
 * AgonesLifecycle agones = AgonesLifecycle.start(server);
 * TerminationSignals.handle(agones::shutdown);
 * }</pre>
 * The sidecar is at {@code http://<agones.sidecar-host>:<agones.sidecar-port>/}, by default
 * {@code localhost} and the port Agones puts in {@code AGONES_SDK_HTTP_PORT} (9358 without it).
 */
public final class AgonesLifecycle implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgonesLifecycle.class);

    private final RingsideServer server;
    private final AgonesConfig config;
    private final URI sidecar;
    private final AgonesSdk sdk;
    private final ScheduledExecutorService timer;
    private boolean allocated;
    private int labelledRooms = -1;
    private int labelledPlayers = -1;
    private boolean healthFailing;
    private boolean shutDown;

    private AgonesLifecycle(RingsideServer server, AgonesConfig config, Map<String, String> env) {
        this.server = server;
        this.config = config;
        this.sidecar = config.sidecar(env);
        this.sdk = new AgonesSdk(sidecar, config.requestTimeoutMs());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ringside-agones");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Calls Ready (retrying), then starts the Health timer, with the server's own Agones settings
     * ({@link RingsideServer#agonesConfig()}) and this process' environment. Blocks the caller until
     * Ready succeeds.
     *
     * @throws IllegalStateException naming the sidecar when Ready failed every attempt
     * @throws IllegalArgumentException naming {@code AGONES_SDK_HTTP_PORT} when it is not a port
     */
    public static AgonesLifecycle start(RingsideServer server) throws InterruptedException {
        return start(server, server.agonesConfig(), System.getenv());
    }

    /**
     * As {@link #start(RingsideServer)}, with {@code config} and {@code env} (for
     * {@code AGONES_SDK_HTTP_PORT}) instead of the server's settings and the process' environment.
     */
    public static AgonesLifecycle start(RingsideServer server, AgonesConfig config, Map<String, String> env)
            throws InterruptedException {
        AgonesLifecycle lifecycle = new AgonesLifecycle(server, config, env);
        if (!lifecycle.retry(lifecycle.sdk::ready)) {
            lifecycle.timer.shutdownNow();
            throw new IllegalStateException("Agones sidecar at " + lifecycle.sidecar + " did not accept Ready after "
                    + config.readyAttempts() + " attempts");
        }
        LOG.info("Agones: Ready sent to {}", lifecycle.sidecar);
        lifecycle.timer.scheduleWithFixedDelay(lifecycle::beat, 0, config.healthIntervalMs(), TimeUnit.MILLISECONDS);
        return lifecycle;
    }

    private synchronized void beat() {
        if (shutDown) {
            return;
        }
        boolean healthy = sdk.health();
        if (healthy == healthFailing) {
            healthFailing = !healthy;
            if (healthFailing) {
                LOG.warn("Agones: Health to {} failed; retrying every {} ms", sidecar,
                        config.healthIntervalMs());
            }
        }
        int rooms = 0;
        int players = 0;
        for (GameMetrics.RoomTypeStats type : server.gameMetrics().roomTypes()) {
            rooms += type.rooms();
            players += type.players();
        }
        if (rooms > 0 && !allocated && sdk.allocate()) {
            allocated = true;
            LOG.info("Agones: Allocate sent (first room)");
        }
        if (rooms != labelledRooms && sdk.setLabel("rooms", Integer.toString(rooms))) {
            labelledRooms = rooms;
        }
        if (players != labelledPlayers && sdk.setLabel("players", Integer.toString(players))) {
            labelledPlayers = players;
        }
    }

    /**
     * Shuts the server down gracefully ({@link RingsideServer#drainAndClose()}: drain, let rooms
     * finish until the game's drain deadline, close what remains with 1001, leave the cluster
     * registry), stops the timer and only then calls Shutdown. Idempotent; blocks the caller.
     */
    public void shutdown() {
        synchronized (this) {
            if (shutDown) {
                return;
            }
            shutDown = true;
        }
        timer.shutdownNow();
        server.drainAndClose();
        try {
            if (!retry(sdk::shutdown)) {
                LOG.warn("Agones: Shutdown to {} failed every attempt", sidecar);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the timer without telling Agones anything (for tests and embedding); see {@link #shutdown()}. */
    @Override
    public void close() {
        timer.shutdownNow();
    }

    private boolean retry(java.util.function.BooleanSupplier call) throws InterruptedException {
        for (int attempt = 1; attempt <= config.readyAttempts(); attempt++) {
            if (call.getAsBoolean()) {
                return true;
            }
            if (attempt < config.readyAttempts()) {
                Thread.sleep(config.retryDelayMs());
            }
        }
        return false;
    }
}
