package io.ringside.engine.room;

import java.util.concurrent.CompletionStage;

/**
 * A room's answer to a join attempt: accept, reject with a reason the client is told, or
 * {@linkplain #later decide later}.
 */
public final class JoinDecision {
    private static final JoinDecision ACCEPT = new JoinDecision(true, "", null);
    /** Internal: the registry redeemed the join's seat token; the room decides next. */
    static final JoinDecision SEAT_REDEEMED = new JoinDecision(true, "", null);
    /** Internal: the registry refused the join's seat token. */
    static final JoinDecision SEAT_REFUSED = new JoinDecision(false, "", null);

    private final boolean accepted;
    private final String reason;
    private final CompletionStage<JoinDecision> later;

    private JoinDecision(boolean accepted, String reason, CompletionStage<JoinDecision> later) {
        this.accepted = accepted;
        this.reason = reason;
        this.later = later;
    }

    /** Let the player in. */
    public static JoinDecision accept() {
        return ACCEPT;
    }

    /** Turn the player away; the client gets {@code ERROR_CODE_JOIN_REJECTED} with {@code reason}. */
    public static JoinDecision reject(String reason) {
        return new JoinDecision(false, reason == null ? "" : reason, null);
    }

    /**
     * Decide later: {@code decision} is completed from any thread (an identity or ban service
     * answered), and its answer is applied on the room's tick thread at the start of the next tick.
     * The seat stays reserved meanwhile (the player is not yet in {@code players()}, its game
     * messages are dropped). Without an answer within the room type's
     * {@link RoomOptions#joinDecisionTimeoutMs()} the join is rejected ("join decision timed out"),
     * as it is when the stage fails or answers {@code null} or another {@code later}; the seat is
     * released on every refusal, and when the client leaves or drops first.
     */
    public static JoinDecision later(CompletionStage<JoinDecision> decision) {
        if (decision == null) {
            throw new IllegalArgumentException("decision=null");
        }
        return new JoinDecision(false, "", decision);
    }

    /** Whether this is a {@link #later} decision, still to come. */
    public boolean isPending() {
        return later != null;
    }

    CompletionStage<JoinDecision> stage() {
        return later;
    }

    /** Whether the player may join. */
    public boolean accepted() {
        return accepted;
    }

    /** Why the player was rejected; empty when accepted or pending. */
    public String reason() {
        return reason;
    }
}
