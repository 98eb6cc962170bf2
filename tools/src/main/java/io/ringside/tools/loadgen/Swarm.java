package io.ringside.tools.loadgen;

import io.ringside.engine.client.ClientConfig;
import io.ringside.engine.client.ClientHandshakeException;
import io.ringside.engine.client.GameRequestException;
import io.ringside.engine.client.WebSocketClient;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A swarm of {@link Bot}s on one {@link WebSocketClient}: a few I/O threads carry every connection
 * and one scheduler thread ramps connections up and fires each bot's sends (and pings) at its rate,
 * spread over the period by a random phase in 1 ms slots ({@link SendWheel}): one timer event per
 * millisecond for all bots, not one per bot per send. No thread per bot.
 *
 * <p>Driven by one controlling thread: {@link #start()}, later {@link #stopSending()},
 * {@link #drain(long)}, {@link #closeAll(long)} and {@link #close()}.
 */
final class Swarm implements AutoCloseable {
    private static final long RAMP_TICK_MS = 10;
    private static final long WAIT_STEP_MS = 10;
    /** The send timer's resolution: every bot's sends are fired from one timer in slots this long. */
    private static final long SLOT_NANOS = 1_000_000L;

    private final LoadPlan plan;
    private final Metrics metrics;
    private final IntFunction<Bot> factory;
    private final List<Bot> bots = new CopyOnWriteArrayList<>();
    private final List<ScheduledFuture<?>> sendTasks = new CopyOnWriteArrayList<>();
    private SendWheel sends;
    private SendWheel pings;
    private final ScheduledExecutorService scheduler;
    private WebSocketClient client;
    private ScheduledFuture<?> rampTask;
    private long rampStartNanos;
    private int opened;
    private volatile boolean sending = true;

    /** A swarm of {@code plan.bots()} bots made by {@code factory} from their index. */
    Swarm(LoadPlan plan, Metrics metrics, IntFunction<Bot> factory) {
        this.plan = plan;
        this.metrics = metrics;
        this.factory = factory;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loadgen-scheduler");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the client's I/O threads and the ramp-up. */
    void start() {
        client = WebSocketClient.start(ClientConfig.builder().ioThreads(plan.ioThreads())
                .threadNamePrefix("loadgen-io-").build());
        rampStartNanos = System.nanoTime();
        if (plan.rateHz() > 0) {
            sends = new SendWheel(plan.rateHz(), SLOT_NANOS, rampStartNanos);
        }
        if (plan.game() != null && plan.game().pingHz() > 0) {
            pings = new SendWheel(plan.game().pingHz(), SLOT_NANOS, rampStartNanos);
        }
        if (sends != null || pings != null) {
            sendTasks.add(scheduler.scheduleAtFixedRate(this::fire, SLOT_NANOS, SLOT_NANOS, TimeUnit.NANOSECONDS));
        }
        rampTask = scheduler.scheduleAtFixedRate(this::ramp, 0, RAMP_TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** Stops the ramp and every bot's sends; messages in flight still count when they come back. */
    void stopSending() {
        sending = false;
        if (rampTask != null) {
            rampTask.cancel(false);
        }
        sendTasks.forEach(t -> t.cancel(false));
    }

    /** Waits up to {@code timeoutMs} for every sent message to be echoed. */
    void drain(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (metrics.receivedMessages.sum() < metrics.sentMessages.sum() && System.nanoTime() < deadline) {
            Thread.sleep(WAIT_STEP_MS);
        }
    }

    /** Closes every bot with 1000 and waits up to {@code timeoutMs} for the close handshakes. */
    void closeAll(long timeoutMs) throws InterruptedException {
        bots.forEach(Bot::close);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (metrics.connected.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(WAIT_STEP_MS);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        if (client != null) {
            client.close();
        }
    }

    private void ramp() {
        long elapsedNanos = System.nanoTime() - rampStartNanos;
        long due = plan.rampPerSecond() <= 0 ? plan.bots()
                : Math.min(plan.bots(), 1 + elapsedNanos * plan.rampPerSecond() / 1_000_000_000L);
        while (sending && opened < due) {
            open(opened++);
        }
        if (opened >= plan.bots()) {
            rampTask.cancel(false);
        }
    }

    private void open(int id) {
        Bot bot = factory.apply(id);
        bots.add(bot);
        metrics.connectAttempts.increment();
        long start = System.nanoTime();
        bot.open(client).whenComplete((ready, error) -> {
            metrics.connectsSettled.increment();
            if (error == null) {
                metrics.connectMicros.recordValue(Math.min((System.nanoTime() - start) / 1000,
                        Metrics.MAX_LATENCY_MICROS));
                scheduleSends(bot);
            } else {
                metrics.connectFailed(describe(error));
            }
        });
    }

    private void scheduleSends(Bot bot) {
        if (!sending) {
            return;
        }
        if (sends != null) {
            sends.add(bot::send);
        }
        if (pings != null) {
            pings.add(bot::ping);
        }
    }

    /** One slot of the send timer: every bot whose send or ping falls in it. Scheduler thread. */
    private void fire() {
        if (!sending) {
            return;
        }
        long now = System.nanoTime();
        if (sends != null) {
            sends.advance(now);
        }
        if (pings != null) {
            pings.advance(now);
        }
    }

    static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof GameRequestException) {
            return "join refused: " + ((GameRequestException) cause).code();
        }
        if (cause instanceof ClientHandshakeException) {
            int status = ((ClientHandshakeException) cause).status();
            return status > 0 ? "HTTP " + status : "bad handshake response";
        }
        return cause.getClass().getSimpleName();
    }
}
