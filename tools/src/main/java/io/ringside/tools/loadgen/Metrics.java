package io.ringside.tools.loadgen;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * Everything a load run counts. Written by the client's I/O threads and the scheduler, read by the
 * sampler once a second: counters are {@link LongAdder}s and latencies go to HdrHistogram
 * {@link Recorder}s (wait-free writers, interval reads). Latencies are in microseconds.
 */
final class Metrics {
    /** Highest latency tracked: 60 s in microseconds. */
    static final long MAX_LATENCY_MICROS = 60_000_000L;

    final Recorder rttMicros = new Recorder(MAX_LATENCY_MICROS, 3);
    final Recorder connectMicros = new Recorder(MAX_LATENCY_MICROS, 3);
    /** Game mode: how far each snapshot inter-arrival time is from the room's tick period. */
    final Recorder jitterMicros = new Recorder(MAX_LATENCY_MICROS, 3);
    final LongAdder sentMessages = new LongAdder();
    final LongAdder sentBytes = new LongAdder();
    final LongAdder receivedMessages = new LongAdder();
    final LongAdder receivedBytes = new LongAdder();
    final LongAdder refusedSends = new LongAdder();
    final LongAdder connectAttempts = new LongAdder();
    /** Connect attempts that have joined or failed (the rest are still in flight). */
    final LongAdder connectsSettled = new LongAdder();
    final AtomicInteger connected = new AtomicInteger();
    final LongAdder errors = new LongAdder();
    private final Map<String, LongAdder> connectFailures = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> disconnects = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> connectionErrors = new ConcurrentHashMap<>();

    /** A connect attempt failed; {@code why} is the kind, e.g. {@code "HTTP 503"} or {@code "ConnectException"}. */
    void connectFailed(String why) {
        connectFailures.computeIfAbsent(why, k -> new LongAdder()).increment();
        errors.increment();
    }

    /** An open connection closed before the run ended, with {@code code} (1006 without a close frame). */
    void disconnected(int code) {
        disconnects.computeIfAbsent(code, k -> new LongAdder()).increment();
        errors.increment();
    }

    /** An error was reported on an open connection (I/O failure, protocol violation by the server). */
    void connectionError(Throwable error) {
        connectionErrors.computeIfAbsent(error.getClass().getSimpleName(), k -> new LongAdder()).increment();
        errors.increment();
    }

    /** The server answered with an Error envelope (game mode), e.g. {@code ERROR_CODE_ROOM_FULL}. */
    void serverError(String code) {
        connectionErrors.computeIfAbsent("server error " + code, k -> new LongAdder()).increment();
        errors.increment();
    }

    Map<String, Long> connectFailures() {
        return snapshot(connectFailures);
    }

    Map<Integer, Long> disconnects() {
        return snapshot(disconnects);
    }

    Map<String, Long> connectionErrors() {
        return snapshot(connectionErrors);
    }

    private static <K> Map<K, Long> snapshot(Map<K, LongAdder> map) {
        Map<K, Long> copy = new TreeMap<>();
        map.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
