package io.ringside.engine.room;

import io.ringside.protocol.websocket.CloseCode;
import java.nio.charset.StandardCharsets;

/**
 * A rate limit on one game message type, per player: a token bucket that holds up to
 * {@link #burst()} tokens and refills at {@link #ratePerSecond()}; each message takes one token, and
 * a message that finds the bucket empty is over the limit and gets the {@link #action()}. Declare it
 * in {@link Room#onCreate} next to the type's handler:
 *
 * <pre>{@code
 * messages().on(CHAT, ChatLine.parser(), this::onChat)
 *           .limit(CHAT, RateLimit.builder().ratePerSecond(2).burst(5)
 *                   .kick(CloseCode.POLICY_VIOLATION, "chat flood").build());
 * }</pre>
 *
 * <p>Every message over a limit is counted in {@link ShardMetrics} by action. Time is the shard's
 * clock read once per tick, so messages dispatched in the same tick see the same time: a burst
 * smaller than the messages a client may send in one tick (its share of the inbound ring,
 * {@link GameConfig#slotsPerSessionPerTick()}) limits what one tick takes from it. A player's
 * buckets last as long as its seat (a reconnect keeps them); a new join starts with full buckets.
 */
public final class RateLimit {
    /** Smallest {@link #ratePerSecond()} accepted: one message per 1 000 seconds. */
    public static final double MIN_RATE_PER_SECOND = 0.001;
    /** Largest {@link #ratePerSecond()} accepted. */
    public static final double MAX_RATE_PER_SECOND = 1_000_000;
    /** Largest {@link #burst()} accepted. */
    public static final int MAX_BURST = 1_000_000;
    private static final int MAX_REASON_BYTES = 123;
    private static final double NANOS_PER_SECOND = 1e9;

    /** What happens to a message over the limit. */
    public enum Action {
        /** The message is dropped and counted; the client is told nothing. */
        DROP,
        /**
         * The message is dropped and answered with an error {@code ERROR_CODE_RATE_LIMITED}; the
         * answer counts toward {@link GameConfig#maxRefusedRequests()} (then the connection is
         * closed with 1008).
         */
        ERROR,
        /**
         * The message is dropped, the player leaves the room as KICKED (no seat held for a
         * reconnect) and its connection is closed with {@link #closeCode()} and {@link #reason()}.
         */
        KICK
    }

    private final double ratePerSecond;
    private final int burst;
    private final Action action;
    private final int closeCode;
    private final String reason;
    final long intervalNs;
    final long toleranceNs;

    private RateLimit(Builder b) {
        this.ratePerSecond = b.ratePerSecond;
        this.burst = b.burst;
        this.action = b.action;
        this.closeCode = b.closeCode;
        this.reason = b.reason;
        this.intervalNs = Math.max(1L, Math.round(NANOS_PER_SECOND / ratePerSecond));
        this.toleranceNs = (burst - 1) * intervalNs;
    }

    /** A builder; rate and burst have no default, the action defaults to {@link Action#DROP}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Tokens added per second (messages per second sustained). */
    public double ratePerSecond() {
        return ratePerSecond;
    }

    /** Tokens the bucket holds when full: messages accepted back to back after a quiet spell. */
    public int burst() {
        return burst;
    }

    /** What happens to a message over the limit. */
    public Action action() {
        return action;
    }

    /** The close code a {@link Action#KICK} closes the connection with; 0 for the other actions. */
    public int closeCode() {
        return closeCode;
    }

    /** The close reason of a {@link Action#KICK} (also the leave message); empty for the other actions. */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return ratePerSecond + "/s, burst " + burst + ", " + action;
    }

    /** Builds a {@link RateLimit}; {@link #build()} names a bad value. */
    public static final class Builder {
        private double ratePerSecond;
        private int burst;
        private Action action = Action.DROP;
        private int closeCode;
        private String reason = "";

        private Builder() {
        }

        /** Sets the sustained rate in messages per second, 0.001 to 1 000 000. */
        public Builder ratePerSecond(double rate) {
            this.ratePerSecond = rate;
            return this;
        }

        /** Sets the bucket size in messages, 1 to 1 000 000. */
        public Builder burst(int messages) {
            this.burst = messages;
            return this;
        }

        /** Over the limit: drop and count (the default). */
        public Builder drop() {
            return over(Action.DROP, 0, "");
        }

        /** Over the limit: drop, count and answer {@code ERROR_CODE_RATE_LIMITED}. */
        public Builder error() {
            return over(Action.ERROR, 0, "");
        }

        /**
         * Over the limit: drop, count, kick the player and close its connection with {@code closeCode}
         * (one a server may send: 1000-1003, 1007-1014 or 3000-4999; 1008 policy violation is the
         * usual one) and {@code reason} (at most 123 UTF-8 bytes).
         */
        public Builder kick(int closeCode, String reason) {
            return over(Action.KICK, closeCode, reason);
        }

        private Builder over(Action action, int closeCode, String reason) {
            this.action = action;
            this.closeCode = closeCode;
            this.reason = reason;
            return this;
        }

        /** Checks the values and builds; throws {@link IllegalArgumentException} naming a bad one. */
        public RateLimit build() {
            if (!(ratePerSecond >= MIN_RATE_PER_SECOND && ratePerSecond <= MAX_RATE_PER_SECOND)) {
                throw new IllegalArgumentException("ratePerSecond=" + ratePerSecond + " (must be " + MIN_RATE_PER_SECOND
                        + " to " + (long) MAX_RATE_PER_SECOND + ")");
            }
            if (burst < 1 || burst > MAX_BURST) {
                throw new IllegalArgumentException("burst=" + burst + " (must be 1 to " + MAX_BURST + ")");
            }
            if (action == Action.KICK) {
                if (!CloseCode.isValidOnWire(closeCode)) {
                    throw new IllegalArgumentException("closeCode=" + closeCode
                            + " (must be one a server may send: 1000-1003, 1007-1014 or 3000-4999)");
                }
                if (reason == null || reason.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
                    throw new IllegalArgumentException("reason=" + reason + " (at most " + MAX_REASON_BYTES
                            + " UTF-8 bytes, not null)");
                }
            }
            return new RateLimit(this);
        }
    }
}
