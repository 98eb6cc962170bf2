package io.ringside.engine.room;

import io.ringside.protocol.envelope.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts of the rare game events, from any thread (I/O threads refuse joins, tick threads decide
 * them): join outcomes per room type, reconnects, and envelopes answered as malformed before they
 * reached a room. Atomic increments of a fixed array, no
 * allocation. A join that named no known room type or room counts under no type.
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
    static final int JOIN_ROOM_LIMIT = 10;
    private static final List<String> JOIN_OUTCOMES = List.of("accepted", "rejected", "full", "locked", "not_found",
            "unknown_type", "draining", "timeout", "error", "redirected", "room_limit");
    private static final int OUTCOMES = JOIN_OUTCOMES.size();

    // [type index][outcome] flattened, then one row for joins of no known type, then the reconnects
    // (accepted, rejected), then the malformed envelopes
    private final AtomicLongArray counts;
    private final int noType;
    private final int reconnectAccepted;
    private final int malformedEnvelopes;

    GameCounters(int types) {
        this.noType = types;
        this.reconnectAccepted = (types + 1) * OUTCOMES;
        this.malformedEnvelopes = reconnectAccepted + 2;
        this.counts = new AtomicLongArray(malformedEnvelopes + 1);
    }

    /** Counts a join of {@code type} ({@code null}: no known type) with {@code outcome}. */
    void join(RoomType type, int outcome) {
        counts.incrementAndGet((type == null ? noType : type.index) * OUTCOMES + outcome);
    }

    /** Counts a join refused before it reached a room, by the error the client is sent. */
    void joinRefused(RoomType type, ErrorCode code) {
        join(type, switch (code) {
            case ERROR_CODE_ROOM_FULL -> JOIN_FULL;
            case ERROR_CODE_ROOM_LOCKED -> JOIN_LOCKED;
            case ERROR_CODE_ROOM_NOT_FOUND -> JOIN_NOT_FOUND;
            case ERROR_CODE_UNKNOWN_ROOM_TYPE -> JOIN_UNKNOWN_TYPE;
            case ERROR_CODE_SERVER_DRAINING -> JOIN_DRAINING;
            case ERROR_CODE_ROOM_LIMIT -> JOIN_ROOM_LIMIT;
            default -> JOIN_REJECTED;
        });
    }

    /** Counts a join of {@code type} answered with a seat reservation on another node (cluster mode). */
    void joinRedirected(RoomType type) {
        join(type, JOIN_REDIRECTED);
    }

    void reconnect(boolean accepted) {
        counts.incrementAndGet(accepted ? reconnectAccepted : reconnectAccepted + 1);
    }

    /** Counts a message the game endpoint answered MALFORMED_MESSAGE on an I/O thread. */
    void malformedEnvelope() {
        counts.incrementAndGet(malformedEnvelopes);
    }

    /** Joins by outcome over every room type, every outcome present. */
    Map<String, Long> joinsByOutcome() {
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        for (int outcome = 0; outcome < OUTCOMES; outcome++) {
            long sum = 0;
            for (int row = 0; row <= noType; row++) {
                sum += counts.get(row * OUTCOMES + outcome);
            }
            byOutcome.put(JOIN_OUTCOMES.get(outcome), sum);
        }
        return byOutcome;
    }

    /**
     * Joins by outcome for each type of {@code types} (by index) and, under key {@code ""}, for
     * joins of no known type; every outcome present.
     */
    Map<String, Map<String, Long>> joinsByTypeAndOutcome(RoomType[] types) {
        Map<String, Map<String, Long>> byType = new LinkedHashMap<>();
        for (RoomType type : types) {
            byType.put(type.name, row(type.index));
        }
        byType.put("", row(noType));
        return byType;
    }

    private Map<String, Long> row(int row) {
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        for (int outcome = 0; outcome < OUTCOMES; outcome++) {
            byOutcome.put(JOIN_OUTCOMES.get(outcome), counts.get(row * OUTCOMES + outcome));
        }
        return byOutcome;
    }

    long reconnects(boolean accepted) {
        return counts.get(accepted ? reconnectAccepted : reconnectAccepted + 1);
    }

    long malformedEnvelopes() {
        return counts.get(malformedEnvelopes);
    }
}
