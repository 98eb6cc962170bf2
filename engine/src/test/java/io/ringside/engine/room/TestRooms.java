package io.ringside.engine.room;

import com.google.protobuf.Int64Value;
import com.google.protobuf.StringValue;
import io.ringside.protocol.envelope.LeaveReason;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** Rooms used by the engine's tests; they record their callbacks in a shared, thread-safe log. */
public final class TestRooms {
    /** Join option: the room ends the reconnect grace of this player as soon as it drops. */
    public static final String REFUSE_GRACE = "refuseGrace";
    /** Chat message: relayed to everyone else. */
    public static final int CHAT = 1;
    /** Makes the room throw. */
    public static final int BOOM = 2;
    /** Counter: the room answers the sender with how many it got so far, after checking the order. */
    public static final int COUNT = 3;
    /** Schedules an answer (the tick it ran in) after the given number of ticks. */
    public static final int SCHEDULE = 4;
    /** Does "slow work" on another thread and posts the result back into the room. */
    public static final int POST = 5;
    /** Kicks the sender. */
    public static final int KICK_ME = 6;
    /** Closes the room. */
    public static final int CLOSE = 7;
    /** Posts the given number of tasks at once and answers how many the queue took. */
    public static final int POST_MANY = 8;
    /** Locks the room (takes it out of matchmaking). */
    public static final int LOCK = 9;
    /** Unlocks the room. */
    public static final int UNLOCK = 10;
    /** Join option: the room refuses this join if it is locked by the time the join arrives. */
    public static final String REFUSE_IF_LOCKED = "refuseIfLocked";

    private TestRooms() {
    }

    /**
     * A chat room: relays CHAT, throws on BOOM, counts COUNT, locks on LOCK, rejects joins with option
     * reject (or {@link #REFUSE_IF_LOCKED} while locked), refuses the reconnect grace of players who
     * joined with option {@link #REFUSE_GRACE}.
     */
    public static class ChatRoom extends Room {
        private final Queue<String> log;
        private final AtomicLong ticks;
        private long counted;

        /** A room logging to {@code log} (e.g. {@code "join abc"}) and counting its ticks in {@code ticks}. */
        public ChatRoom(Queue<String> log, AtomicLong ticks) {
            this.log = log;
            this.ticks = ticks;
        }

        @Override
        protected void onCreate(Map<String, String> options) {
            log.add("create " + roomId());
            setLabel(options.getOrDefault("label", ""));
            messages().on(CHAT, StringValue.parser(), (player, message) -> broadcastExcept(player, CHAT, message));
            messages().on(BOOM, StringValue.parser(), (player, message) -> {
                throw new IllegalStateException("boom: " + message.getValue());
            });
            messages().on(COUNT, Int64Value.parser(), this::onCount);
            messages().on(SCHEDULE, Int64Value.parser(), (player, delay) ->
                    schedule(delay.getValue(), () -> send(player, SCHEDULE, Int64Value.of(currentTick()))));
            messages().on(POST, StringValue.parser(), (player, work) -> CompletableFuture
                    .supplyAsync(() -> work.getValue().toUpperCase(Locale.ROOT))
                    .thenAcceptAsync(result -> send(player, POST, StringValue.of(result)), executor()));
            messages().onRaw(KICK_ME, (player, bytes, offset, length) -> kick(player, "asked for it"));
            messages().onRaw(CLOSE, (player, bytes, offset, length) -> close());
            messages().onRaw(LOCK, (player, bytes, offset, length) -> lock());
            messages().onRaw(UNLOCK, (player, bytes, offset, length) -> unlock());
            messages().on(POST_MANY, Int64Value.parser(), (player, count) -> {
                long accepted = 0;
                for (long i = 0; i < count.getValue(); i++) {
                    accepted += post(() -> { }) ? 1 : 0;
                }
                send(player, POST_MANY, Int64Value.of(accepted));
            });
        }

        private void onCount(Player player, Int64Value value) {
            if (value.getValue() != counted) {
                throw new IllegalStateException("expected " + counted + " got " + value.getValue());
            }
            counted++;
            send(player, COUNT, Int64Value.of(counted));
        }

        @Override
        protected JoinDecision onJoinAttempt(JoinRequest request) {
            String cookie = request.options().get("requireCookie");
            if (cookie != null && request.handshake().cookie(cookie) == null) {
                return JoinDecision.reject("no cookie " + cookie);
            }
            if (request.options().containsKey(REFUSE_IF_LOCKED) && isLocked()) {
                return JoinDecision.reject("locked");
            }
            String reject = request.options().get("reject");
            if (reject != null) {
                return JoinDecision.reject(reject);
            }
            if (!request.authToken().isEmpty() && !"good".equals(request.authToken())) {
                return JoinDecision.reject("bad token");
            }
            return JoinDecision.accept();
        }

        @Override
        protected void onJoin(Player player) {
            log.add("join " + player.sessionId());
        }

        @Override
        protected void onTick(long tick, long dtNanos) {
            ticks.incrementAndGet();
        }

        @Override
        protected void onLeave(Player player, LeaveReason reason) {
            log.add("leave " + player.sessionId() + " " + reason);
        }

        @Override
        protected void onDisconnect(Player player) {
            log.add("disconnect " + player.sessionId() + " connected=" + player.isConnected());
            if (player.joinRequest().options().containsKey(REFUSE_GRACE)) {
                endReconnectGrace(player);
            }
        }

        @Override
        protected void onReconnect(Player player) {
            log.add("reconnect " + player.sessionId() + " connected=" + player.isConnected());
        }

        @Override
        protected void onDispose() {
            log.add("dispose " + roomId());
        }
    }
}
