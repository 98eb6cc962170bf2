package io.ringside.engine.room;

/** A room's answer to a join attempt: accept, or reject with a reason the client is told. */
public final class JoinDecision {
    private static final JoinDecision ACCEPT = new JoinDecision(true, "");

    private final boolean accepted;
    private final String reason;

    private JoinDecision(boolean accepted, String reason) {
        this.accepted = accepted;
        this.reason = reason;
    }

    /** Let the player in. */
    public static JoinDecision accept() {
        return ACCEPT;
    }

    /** Turn the player away; the client gets {@code ERROR_CODE_JOIN_REJECTED} with {@code reason}. */
    public static JoinDecision reject(String reason) {
        return new JoinDecision(false, reason == null ? "" : reason);
    }

    /** Whether the player may join. */
    public boolean accepted() {
        return accepted;
    }

    /** Why the player was rejected; empty when accepted. */
    public String reason() {
        return reason;
    }
}
