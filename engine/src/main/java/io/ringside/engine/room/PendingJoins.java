package io.ringside.engine.room;

import io.ringside.protocol.envelope.ErrorCode;
import java.util.ArrayList;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The joins of one room whose decision comes {@linkplain JoinDecision#later later}: each keeps its
 * reserved seat until its answer is applied, its timeout (counted in ticks) passes, its client
 * leaves or drops, or the room goes. Answers arrive on any thread through the shard, which hands
 * them to {@link #apply} on the tick thread. Tick thread of the room's shard only.
 */
final class PendingJoins {
    private static final Logger LOG = LoggerFactory.getLogger(PendingJoins.class);

    private final RoomCore core;
    private final long timeoutTicks;
    private final ArrayList<Player> waiting = new ArrayList<>();

    PendingJoins(RoomCore core, long timeoutMs, int tickRateHz) {
        this.core = core;
        this.timeoutTicks = Math.max(1, (timeoutMs * tickRateHz + 999) / 1000);
    }

    /** {@code player}'s decision is {@code stage}: wait for it, its seat still reserved. */
    void await(Player player, CompletionStage<JoinDecision> stage) {
        player.decisionDeadlineTick = core.shard.currentTick + timeoutTicks;
        waiting.add(player);
        Shard shard = core.shard;
        stage.whenComplete((decision, error) -> shard.joinDecided(player, decision, error));
    }

    /** Applies an answer that came in, unless its join already ended (timeout, leave, room gone). */
    void apply(Player player, JoinDecision decision, Throwable error) {
        if (core.state() != RoomCore.ACTIVE || !waiting.remove(player)) {
            return;
        }
        if (decision == null || decision.isPending()) {
            LOG.warn("room {} ({}): join decision for {} failed", core.id, core.type.name, player.sessionId(), error);
            core.directory.counters.join(core.type, GameCounters.JOIN_ERROR);
            core.reject(player, ErrorCode.ERROR_CODE_JOIN_REJECTED, "join decision failed");
            return;
        }
        if (decision == JoinDecision.SEAT_REDEEMED) {
            player.seatToken = null;
            core.attempt(player);
            return;
        }
        if (decision == JoinDecision.SEAT_REFUSED) {
            core.directory.counters.join(core.type, GameCounters.JOIN_REJECTED);
            core.reject(player, ErrorCode.ERROR_CODE_SEAT_RESERVATION_REJECTED,
                    "seat token unknown, used, expired, or issued for another node or room");
            return;
        }
        core.decide(player, decision);
    }

    /** Rejects the joins whose answer is overdue at {@code tick}. */
    void expire(long tick) {
        for (int i = waiting.size() - 1; i >= 0; i--) {
            Player player = waiting.get(i);
            if (player.decisionDeadlineTick <= tick) {
                waiting.remove(i);
                core.directory.counters.join(core.type, GameCounters.JOIN_TIMEOUT);
                core.reject(player, ErrorCode.ERROR_CODE_JOIN_REJECTED, "join decision timed out");
            }
        }
    }

    /** {@code player} left or dropped before its answer: frees its seat; {@code false} if it was not waiting. */
    boolean cancel(Player player) {
        if (!waiting.remove(player)) {
            return false;
        }
        player.ended();
        player.session.exit(player);
        core.directory.release(core);
        return true;
    }

    /** The room is going: every waiting join is told the room closed. */
    void rejectAll() {
        for (int i = waiting.size() - 1; i >= 0; i--) {
            core.reject(waiting.get(i), ErrorCode.ERROR_CODE_ROOM_NOT_FOUND, "room " + core.id + " is closed");
        }
        waiting.clear();
    }
}
