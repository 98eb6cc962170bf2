package io.ringside.engine.room;

import com.google.protobuf.MessageLite;
import io.ringside.engine.state.PatchChannel;
import io.ringside.engine.state.Replicator;
import io.ringside.engine.transport.Connection;
import io.ringside.engine.transport.FatalErrorHandler;
import io.ringside.engine.transport.SharedFrame;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.LeaveReason;
import io.ringside.protocol.websocket.CloseCode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The framework's side of one room: its players, lifecycle and sends, around the game's {@link Room}.
 * Tick thread of its shard only, except the fields the {@link RoomDirectory} guards.
 *
 * <p>Every call into game code is guarded: an exception fails this room alone (its players get an
 * INTERNAL error and close 1011), the failure is counted and logged, and the shard carries on. A
 * fatal error ({@link FatalErrorHandler#isFatal}: out of memory) is not the room's alone: it
 * propagates and stops the server.
 */
final class RoomCore implements PatchChannel<Player> {
    private static final Logger LOG = LoggerFactory.getLogger(RoomCore.class);
    static final int NEW = 0;
    static final int ACTIVE = 1;
    static final int DISPOSED = 2;
    /** What players of a room disposed at the drain deadline are told, in Left and in the 1001 close. */
    static final String DRAIN_DEADLINE_REASON = "server shutting down: drain deadline passed";

    final String id;
    final RoomType type;
    final boolean privateRoom;
    /** The connection whose join created this room, or {@code null}; counted against its room cap. */
    final Object creator;
    final Shard shard;
    final MessageRouter messages = new MessageRouter();
    final RoomInputs inputs;
    final RoomDirectory directory;
    private final Map<String, String> createOptions;
    private final ArrayList<Player> players = new ArrayList<>();
    final List<Player> playersView = Collections.unmodifiableList(players);
    private final PriorityQueue<ScheduledTask> scheduled = new PriorityQueue<>();
    private final long disposeAfterTicks;
    final HeldSeats held;
    final PendingJoins pending;
    Room room;
    private int state = NEW;
    private long emptyTicks;
    private long taskSequence;
    boolean closeRequested;
    boolean drainNotified;
    private final long stateSendEveryTicks;
    private RoomState replicated;

    // guarded by the directory
    int reserved;
    // cluster mode: seats of joins whose seat the registry is taking (RoomDirectory.hold*)
    int taking;
    boolean locked;
    volatile int playerCount;
    volatile String label = "";

    RoomCore(String id, RoomType type, boolean privateRoom, Shard shard, RoomDirectory directory,
             Map<String, String> createOptions, Object creator) {
        this.id = id;
        this.creator = creator;
        this.type = type;
        this.privateRoom = privateRoom;
        this.shard = shard;
        this.directory = directory;
        this.createOptions = Map.copyOf(createOptions);
        long ms = type.options.disposeWhenEmptyMs();
        this.disposeAfterTicks = (ms * shard.tickRateHz + 999) / 1000;
        this.inputs = new RoomInputs(this, shard.inputLimits);
        this.held = new HeldSeats(this, directory, type.options.reconnectGraceMs(), shard.tickRateHz);
        this.pending = new PendingJoins(this, type.options.joinDecisionTimeoutMs(), shard.tickRateHz);
        int sendRate = type.options.stateSendRateHz();
        this.stateSendEveryTicks = sendRate == 0 ? 1 : Math.max(1, Math.round((double) shard.tickRateHz / sendRate));
    }

    /** The room's replicated state, made on first use (players already in join it then). */
    RoomState replicatedState() {
        if (replicated == null) {
            replicated = new RoomState(new Replicator<>(type.options.replication()));
            for (Player player : players) {
                replicated.replicator.join(player);
            }
        }
        return replicated;
    }

    /** {@code player}'s connection was replaced by a reconnect: its new mirror needs the whole view. */
    void stateReconnected(Player player) {
        releasePatch(player);
        inputs.reset(player);
        if (replicated != null) {
            replicated.replicator.inputAck(player, 0);
            replicated.replicator.resend(player);
        }
    }

    @Override
    public boolean ready(Player player) {
        if (!player.isConnected()) {
            return false;
        }
        // more than the allowance still queued for the socket: skip, the next patch catches up
        return player.patches == null || player.patches.ready();
    }

    @Override
    public boolean deliver(Player player, byte[] bytes, int offset, int length) {
        SharedFrame frame = shard.frames.state(bytes, offset, length);
        frame.retain(1);
        int frameLength = frame.length();
        if (player.session.connection().sendFrame(frame)) {
            shard.countOut(frameLength);
            if (player.patches == null) {
                player.patches = new InFlightPatches(type.options.statePatchesInFlight());
            }
            player.patches.add(frame);
            return true;
        }
        frame.release();
        return false;
    }

    private static void releasePatch(Player player) {
        if (player.patches != null) {
            player.patches.releaseAll();
        }
    }

    int state() {
        return state;
    }

    /** Makes the game's room and runs its onCreate; on the first join event (or a test kit's create). */
    boolean activate() {
        state = ACTIVE;
        shard.add(this);
        try {
            room = type.factory.get();
            room.core = this;
            room.onCreate(createOptions);
            return true;
        } catch (RuntimeException | Error e) {
            fail(e);
            return false;
        }
    }

    void join(Player player) {
        if (state == NEW && !activate() || state == DISPOSED) {
            directory.counters.join(type, GameCounters.JOIN_NOT_FOUND);
            reject(player, ErrorCode.ERROR_CODE_ROOM_NOT_FOUND, "room " + id + " is closed");
            return;
        }
        RoomRegistry registry = directory.registry();
        if (player.seatToken != null && registry != null) {
            // a new room's token: the room stays here while the registry uses the token up (once, in Redis)
            pending.await(player, registry.redeem(player.seatToken, "", type.name)
                    .thenApply(ok -> ok ? JoinDecision.SEAT_REDEEMED : JoinDecision.SEAT_REFUSED));
            return;
        }
        attempt(player);
    }

    /** Asks the room whether {@code player} may join, and applies or awaits its answer. */
    void attempt(Player player) {
        JoinDecision decision;
        try {
            decision = room.onJoinAttempt(player.request);
        } catch (RuntimeException | Error e) {
            directory.counters.join(type, GameCounters.JOIN_ERROR);
            reject(player, ErrorCode.ERROR_CODE_INTERNAL, "room failed");
            fail(e);
            return;
        }
        if (decision != null && decision.isPending()) {
            pending.await(player, decision.stage());
            return;
        }
        decide(player, decision);
    }

    /** Applies a join decision made now or answered later. */
    void decide(Player player, JoinDecision decision) {
        if (decision == null || !decision.accepted()) {
            directory.counters.join(type, GameCounters.JOIN_REJECTED);
            reject(player, ErrorCode.ERROR_CODE_JOIN_REJECTED, decision == null ? "" : decision.reason());
            return;
        }
        directory.counters.join(type, GameCounters.JOIN_ACCEPTED);
        player.state = Player.JOINED;
        players.add(player);
        playerCount = players.size();
        emptyTicks = 0;
        if (replicated != null) {
            replicated.replicator.join(player);
        }
        held.sendJoined(player);
        try {
            room.onJoin(player);
        } catch (RuntimeException | Error e) {
            fail(e);
        }
    }

    void reject(Player player, ErrorCode code, String reason) {
        player.ended();
        player.session.exit(player);
        directory.release(this);
        // a refused request like any other: a client that keeps joining to be rejected is closed 1008
        shard.refused(player.session, code, reason);
    }

    /** Removes a joined player (held seat or not), tells the client unless it is gone, and calls onLeave. */
    void leave(Player player, LeaveReason reason, String message) {
        if (player.state != Player.JOINED || state != ACTIVE) {
            return;
        }
        player.ended();
        players.remove(player);
        playerCount = players.size();
        held.release(player);
        releasePatch(player);
        if (replicated != null) {
            replicated.replicator.leave(player);
        }
        directory.release(this);
        if (reason != LeaveReason.LEAVE_REASON_DISCONNECTED) {
            player.session.exit(player);
            send(player, ServerFrames.left(reason, message));
        }
        try {
            room.onLeave(player, reason);
        } catch (RuntimeException | Error e) {
            fail(e);
        }
    }

    void message(Player player, int messageType, byte[] bytes, int offset, int length) {
        shard.countMessage(type.index);
        int outcome;
        try {
            outcome = messages.dispatch(player, messageType, bytes, offset, length, shard.nowNs);
        } catch (RuntimeException | Error e) {
            fail(e);
            return;
        }
        if (outcome == MessageRouter.OVER_LIMIT) {
            overLimit(player, messageType, messages.route(messageType).limit);
        } else if (outcome == MessageRouter.MALFORMED) {
            shard.malformed(player.session, ErrorCode.ERROR_CODE_MALFORMED_MESSAGE, "payload does not parse");
        } else if (outcome == MessageRouter.UNKNOWN_TYPE) {
            shard.malformed(player.session, ErrorCode.ERROR_CODE_UNKNOWN_MESSAGE_TYPE,
                    "unknown message type " + messageType);
        }
    }

    /** {@code player} sent a message of a rate-limited type over its limit: counted, then the limit's action. */
    private void overLimit(Player player, int messageType, RateLimit limit) {
        shard.countRateLimited(limit.action());
        switch (limit.action()) {
            case ERROR -> shard.refused(player.session, ErrorCode.ERROR_CODE_RATE_LIMITED,
                    "message type " + messageType + " over its rate limit (" + limit + ")");
            case KICK -> {
                leave(player, LeaveReason.LEAVE_REASON_KICKED, limit.reason());
                player.session.connection().close(limit.closeCode(), limit.reason());
            }
            default -> {
                // DROP: counted above, nothing said
            }
        }
    }

    /** Checks and queues one input of {@code player} (see {@link RoomInputs}); a refusal costs its connection. */
    void input(Player player, long seq, byte[] bytes, int offset, int length) {
        shard.countMessage(type.index);
        if (!inputs.declared()) {
            shard.malformed(player.session, ErrorCode.ERROR_CODE_INPUT_NOT_ACCEPTED,
                    "room type " + type.name + " declares no input type");
            return;
        }
        String refusal = inputs.offer(player, seq, bytes, offset, length);
        if (refusal != null) {
            shard.malformed(player.session, ErrorCode.ERROR_CODE_MALFORMED_INPUT, refusal);
        }
    }

    /**
     * Runs due tasks, hands out one input per player, then the room's step, then disposes it if closed
     * or empty for long enough.
     */
    void tick(long tick, long stepNanos) {
        if (state != ACTIVE) {
            return;
        }
        try {
            held.expire(tick);
            pending.expire(tick);
            ScheduledTask task;
            while (state == ACTIVE && (task = scheduled.peek()) != null && task.dueTick <= tick) {
                scheduled.poll();
                task.task.run();
            }
            if (state == ACTIVE) {
                inputs.handOut(players);
            }
            if (state == ACTIVE) {
                room.onTick(tick, stepNanos);
            }
            if (state == ACTIVE && replicated != null && tick % stateSendEveryTicks == 0) {
                replicated.replicator.send(tick, this);
            }
        } catch (RuntimeException | Error e) {
            fail(e);
            return;
        }
        if (closeRequested) {
            dispose();
        } else if (players.isEmpty() && (shard.isDraining() || emptyTicks++ >= disposeAfterTicks)
                && directory.removeIfIdle(this)) {
            // a draining server takes no new joins, so an empty room has nobody left to wait for
            dispose();
        }
    }

    /** Tells the room the server is draining, once; {@code msLeft} until the drain deadline. */
    void drain(long msLeft) {
        if (drainNotified || state != ACTIVE) {
            return;
        }
        drainNotified = true;
        try {
            room.onDrain(msLeft);
        } catch (RuntimeException | Error e) {
            fail(e);
        }
    }

    void runPosted(Runnable task) {
        if (state != ACTIVE) {
            return;
        }
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            fail(e);
        }
    }

    void schedule(long delayTicks, Runnable task) {
        scheduled.add(new ScheduledTask(shard.currentTick + Math.max(1, delayTicks), taskSequence++, task));
    }

    /** Every joined player leaves with ROOM_CLOSED, then onDispose runs and the room is gone. */
    void dispose() {
        dispose("room closed", false);
    }

    /**
     * Every joined player leaves with ROOM_CLOSED and {@code reason} (and, with {@code goingAway},
     * has its connection closed with 1001 and {@code reason}), then onDispose runs and the room is gone.
     */
    void dispose(String reason, boolean goingAway) {
        if (state != ACTIVE) {
            state = DISPOSED;
            return;
        }
        for (int i = players.size() - 1; i >= 0 && state == ACTIVE; i--) {
            Player player = players.get(i);
            boolean connected = player.isConnected();
            leave(player, LeaveReason.LEAVE_REASON_ROOM_CLOSED, reason);
            if (goingAway && connected) {
                player.session.connection().close(CloseCode.GOING_AWAY, reason);
            }
        }
        if (state != ACTIVE) {
            return;
        }
        finish();
        try {
            room.onDispose();
        } catch (RuntimeException | Error e) {
            FatalErrorHandler.rethrowIfFatal(e);
            shard.roomFailed(this, e);
        }
    }

    /** The room threw: its players get an INTERNAL error and 1011, it is disposed, others go on. */
    void fail(Throwable error) {
        FatalErrorHandler.rethrowIfFatal(error);
        if (state != ACTIVE) {
            return;
        }
        shard.roomFailed(this, error);
        LOG.warn("room {} ({}) failed and is disposed", id, type.name, error);
        for (Player player : players) {
            held.release(player);
            releasePatch(player);
            player.ended();
            player.session.exit(player);
            send(player, ServerFrames.error(ErrorCode.ERROR_CODE_INTERNAL, "room failed"));
            player.session.connection().close(CloseCode.INTERNAL_ERROR, "room failed");
        }
        players.clear();
        finish();
        if (room != null) {
            try {
                room.onDispose();
            } catch (RuntimeException | Error e) {
                FatalErrorHandler.rethrowIfFatal(e);
                LOG.warn("room {} failed in onDispose too", id, e);
            }
        }
    }

    private void finish() {
        pending.rejectAll();
        state = DISPOSED;
        // the entities, views and per-player baselines go with it
        replicated = null;
        playerCount = 0;
        scheduled.clear();
        directory.remove(this);
        shard.remove(this);
    }

    // ---- sends, tick thread

    SendOutcome send(Player player, ByteBuffer frame) {
        int length = frame.remaining();
        if (player.session.connection().sendFrame(frame)) {
            shard.countOut(length);
            return SendOutcome.QUEUED;
        }
        shard.countRefused();
        return SendOutcome.REFUSED;
    }

    /** Sends {@code frame}, handing over one of the caller's references; counts the outcome. */
    private SendOutcome send(Player player, SharedFrame frame, boolean latestOnly) {
        int length = frame.length();
        Connection connection = player.session.connection();
        if (latestOnly ? connection.sendLatest(frame) : connection.sendFrame(frame)) {
            shard.countOut(length);
            return SendOutcome.QUEUED;
        }
        shard.countRefused();
        return SendOutcome.REFUSED;
    }

    SendOutcome send(Player player, int messageType, MessageLite message, boolean latestOnly) {
        return send(player, shard.frames.game(messageType, message), latestOnly);
    }

    /**
     * Serializes and frames once; every recipient's connection holds a reference to the same bytes.
     * Returns how many recipients refused it.
     */
    int broadcast(Player except, int messageType, MessageLite message, boolean latestOnly) {
        int recipients = 0;
        for (int i = 0; i < players.size(); i++) {
            if (players.get(i) != except) {
                recipients++;
            }
        }
        if (recipients == 0) {
            return 0;
        }
        int refused = 0;
        SharedFrame frame = shard.frames.game(messageType, message);
        frame.retain(recipients);
        try {
            for (int i = 0; i < players.size(); i++) {
                Player player = players.get(i);
                if (player != except && send(player, frame, latestOnly) == SendOutcome.REFUSED) {
                    refused++;
                }
            }
        } finally {
            frame.release();
        }
        return refused;
    }

    private record ScheduledTask(long dueTick, long sequence, Runnable task) implements Comparable<ScheduledTask> {
        @Override
        public int compareTo(ScheduledTask other) {
            int byTick = Long.compare(dueTick, other.dueTick);
            return byTick != 0 ? byTick : Long.compare(sequence, other.sequence);
        }
    }
}
