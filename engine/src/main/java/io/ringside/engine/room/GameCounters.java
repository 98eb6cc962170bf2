package io.ringside.engine.room;

import io.ringside.protocol.envelope.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts of the rare game events, from any thread (I/O threads refuse joins, tick threads decide
 * them): join outcomes and reconnects. Atomic increments of a fixed array, no allocation.
 */
final class GameCounters {
    static final int JOIN_ACCEPTED = 0;
    static final int JOIN_REJECTED = 1;
    static final int JOIN_FULL = 2;
    static final int JOIN_LOCKED = 3;
    static final int JOIN_NOT_FOUND = 4;
    static final int JOIN_UNKNOWN_TYPE = 5;
    static final int JOIN_DRAINING = 6;
    static final int JOIN_TIMEOUT = 7;
    static final int JOIN_ERROR = 8;
    static final int JOIN_REDIRECTED = 9;
    private static final List<String> JOIN_OUTCOMES = List.of("accepted", "rejected", "full", "locked", "not_found",
            "unknown_type", "draining", "timeout", "error", "redirected");
    private static final int RECONNECT_ACCEPTED = JOIN_OUTCOMES.size();
    private static final int RECONNECT_REJECTED = RECONNECT_ACCEPTED + 1;

    private final AtomicLongArray counts = new AtomicLongArray(RECONNECT_REJECTED + 1);

    void join(int outcome) {
        counts.incrementAndGet(outcome);
    }

    /** Counts a join refused before it reached a room, by the error the client is sent. */
    void joinRefused(ErrorCode code) {
        join(switch (code) {
            case ERROR_CODE_ROOM_FULL -> JOIN_FULL;
            case ERROR_CODE_ROOM_LOCKED -> JOIN_LOCKED;
            case ERROR_CODE_ROOM_NOT_FOUND -> JOIN_NOT_FOUND;
            case ERROR_CODE_UNKNOWN_ROOM_TYPE -> JOIN_UNKNOWN_TYPE;
            case ERROR_CODE_SERVER_DRAINING -> JOIN_DRAINING;
            default -> JOIN_REJECTED;
        });
    }

    /** Counts a join answered with a seat reservation on another node (cluster mode). */
    void joinRedirected() {
        join(JOIN_REDIRECTED);
    }

    void reconnect(boolean accepted) {
        counts.incrementAndGet(accepted ? RECONNECT_ACCEPTED : RECONNECT_REJECTED);
    }

    Map<String, Long> joinsByOutcome() {
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        for (int i = 0; i < JOIN_OUTCOMES.size(); i++) {
            byOutcome.put(JOIN_OUTCOMES.get(i), counts.get(i));
        }
        return byOutcome;
    }

    long reconnects(boolean accepted) {
        return counts.get(accepted ? RECONNECT_ACCEPTED : RECONNECT_REJECTED);
    }
}
