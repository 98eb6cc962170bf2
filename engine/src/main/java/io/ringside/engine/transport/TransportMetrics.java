package io.ringside.engine.transport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The transport's counters since start: connections, handshakes, closes, bytes and frames. Rare
 * events (an accept, a handshake, a close) are counted in shared atomic arrays; per-frame and
 * per-byte counts are kept by each I/O loop for itself ({@link LoopCounters}, a plain read and an
 * ordered store, no atomic read-modify-write) and summed here when read. Nothing allocates when
 * counting; the getters allocate and may be called from any thread (a metrics scrape).
 */
public final class TransportMetrics {
    /** Why a connection was turned away before it became a WebSocket, as reported by {@link #refusedByReason()}. */
    static final int REFUSED_MAX_CONNECTIONS = 0;
    static final int REFUSED_SHUTTING_DOWN = 1;
    static final int REFUSED_ORIGIN = 2;
    static final int REFUSED_AUTH = 3;
    static final int REFUSED_AUTH_TIMEOUT = 4;
    static final int REFUSED_AUTH_ERROR = 5;
    static final int REFUSED_HANDSHAKE_TIMEOUT = 6;
    static final int REFUSED_BAD_REQUEST = 7;
    static final int REFUSED_MEMORY_BUDGET = 8;
    static final int REFUSED_MAX_HANDSHAKES = 9;
    static final int REFUSED_ADDRESS_LIMIT = 10;
    /** A TLS handshake that failed (garbage, truncated, no common protocol or cipher). */
    static final int REFUSED_TLS_HANDSHAKE = 11;
    /** Plain text (an http:// or ws:// request) on a TLS port. */
    static final int REFUSED_TLS_PLAINTEXT = 12;
    /** A TLS 1.2 renegotiation attempt (the connection is dropped). */
    static final int REFUSED_TLS_RENEGOTIATION = 13;
    /** A TLS client hello on a plain port. */
    static final int REFUSED_TLS_ON_PLAIN_PORT = 14;
    private static final List<String> REFUSAL_NAMES = List.of("max_connections", "shutting_down", "origin", "auth",
            "auth_timeout", "auth_error", "handshake_timeout", "bad_request", "memory_budget", "max_handshakes",
            "address_limit", "tls_handshake", "tls_plaintext", "tls_renegotiation", "tls_on_plain_port");
    private static final int MAX_STATUS = 599;
    private static final int FIRST_CLOSE_CODE = 1000;
    private static final int LAST_RFC_CLOSE_CODE = 1015;
    private static final int OTHER_CLOSE_CODE = LAST_RFC_CLOSE_CODE - FIRST_CLOSE_CODE + 1;

    private final AtomicLongArray refused = new AtomicLongArray(REFUSAL_NAMES.size());
    private final AtomicLongArray handshakes = new AtomicLongArray(MAX_STATUS + 1);
    private final AtomicLongArray httpResponses = new AtomicLongArray(MAX_STATUS + 1);
    private final AtomicLongArray closes = new AtomicLongArray(OTHER_CLOSE_CODE + 1);
    private final AtomicLongArray events = new AtomicLongArray(2);
    private static final int ACCEPTED = 0;
    private static final int BACKLOG_OVERFLOWS = 1;
    private final List<LoopCounters> loops;
    private final WebSocketServer server;

    TransportMetrics(WebSocketServer server, List<LoopCounters> loops) {
        this.server = server;
        this.loops = loops;
    }

    // ---- recording, any thread (rare events)

    void accepted() {
        events.incrementAndGet(ACCEPTED);
    }

    void refused(int reason) {
        refused.incrementAndGet(reason);
    }

    void handshake(int status) {
        handshakes.incrementAndGet(Math.min(Math.max(status, 0), MAX_STATUS));
    }

    void httpResponse(int status) {
        httpResponses.incrementAndGet(Math.min(Math.max(status, 0), MAX_STATUS));
    }

    void closed(int code) {
        int slot = code >= FIRST_CLOSE_CODE && code <= LAST_RFC_CLOSE_CODE ? code - FIRST_CLOSE_CODE : OTHER_CLOSE_CODE;
        closes.incrementAndGet(slot);
    }

    void backlogOverflow() {
        events.incrementAndGet(BACKLOG_OVERFLOWS);
    }

    // ---- reading, any thread

    /** Open WebSocket connections right now (upgraded and not yet closed; handshakes in progress are not counted). */
    public int connectionsOpen() {
        return server.connectionCount();
    }

    /** TCP connections accepted within the connection limit. */
    public long connectionsAccepted() {
        return events.get(ACCEPTED);
    }

    /**
     * Connections turned away before the upgrade, by reason: {@code max_connections} (503),
     * {@code shutting_down} (503), {@code origin} (403), {@code auth} (the auth hook refused),
     * {@code auth_timeout} (503), {@code auth_error} (the hook threw, 500), {@code handshake_timeout}
     * (408), {@code bad_request} (any other 4xx of the handshake). Every reason is present.
     */
    public Map<String, Long> refusedByReason() {
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (int i = 0; i < REFUSAL_NAMES.size(); i++) {
            byReason.put(REFUSAL_NAMES.get(i), refused.get(i));
        }
        return byReason;
    }

    /** WebSocket upgrade requests answered, by HTTP status (101 for an upgrade); only statuses seen. */
    public Map<Integer, Long> handshakesByStatus() {
        return nonZero(handshakes);
    }

    /** Plain HTTP requests answered (static files, health, metrics), by status; only statuses seen. */
    public Map<Integer, Long> httpResponsesByStatus() {
        return nonZero(httpResponses);
    }

    /**
     * Closed WebSocket connections by close code (sent or received; 1006 without a close frame),
     * keyed by the code as a string, {@code "other"} for codes outside 1000-1015; only codes seen.
     */
    public Map<String, Long> closesByCode() {
        Map<String, Long> byCode = new LinkedHashMap<>();
        for (int i = 0; i <= OTHER_CLOSE_CODE; i++) {
            long count = closes.get(i);
            if (count > 0) {
                byCode.put(i == OTHER_CLOSE_CODE ? "other" : Integer.toString(FIRST_CLOSE_CODE + i), count);
            }
        }
        return byCode;
    }

    /** Connections closed with 1008 because their outbound backlog went over the limit. */
    public long backlogOverflows() {
        return events.get(BACKLOG_OVERFLOWS);
    }

    /** Queued latest-only frames dropped because a newer one replaced them before they were sent. */
    public long latestOnlyReplaced() {
        return sum(LoopCounters.LATEST_REPLACED);
    }

    /** Bytes read from sockets (handshakes and frames, as on the wire). */
    public long bytesReceived() {
        return sum(LoopCounters.BYTES_IN);
    }

    /** Bytes written to sockets. */
    public long bytesSent() {
        return sum(LoopCounters.BYTES_OUT);
    }

    /** Complete WebSocket data messages received (text and binary). */
    public long messagesReceived() {
        return sum(LoopCounters.MESSAGES_IN);
    }

    /** WebSocket frames received (data and control; each fragment of a message counts). */
    public long framesReceived() {
        return sum(LoopCounters.MESSAGES_IN) + sum(LoopCounters.CONTROL_AND_CONTINUATION_FRAMES_IN);
    }

    /** WebSocket frames queued for sending: data frames, pings and pongs (close frames are not counted). */
    public long framesSent() {
        return sum(LoopCounters.FRAMES_OUT);
    }

    private long sum(int counter) {
        long total = 0;
        for (int i = 0; i < loops.size(); i++) {
            total += loops.get(i).get(counter);
        }
        return total;
    }

    private static Map<Integer, Long> nonZero(AtomicLongArray counts) {
        Map<Integer, Long> seen = new LinkedHashMap<>();
        for (int i = 0; i < counts.length(); i++) {
            long count = counts.get(i);
            if (count > 0) {
                seen.put(i, count);
            }
        }
        return seen;
    }
}
