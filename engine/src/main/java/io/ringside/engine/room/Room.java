package io.ringside.engine.room;

import com.google.protobuf.MessageLite;
import io.ringside.protocol.envelope.LeaveReason;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A game room: extend it, override the callbacks you need and register the type with the server.
 * The lifecycle follows Nakama's match handler and Colyseus' room:
 *
 * <pre>
 * onCreate(options) ─▶ onJoinAttempt(request) ─accept─▶ onJoin(player) ─▶ messages, onTick(tick, dt) ...
 *                                                 onLeave(player, reason) ─▶ ... ─▶ onDispose()
 * with a reconnect grace:  onDisconnect(player) ─▶ onReconnect(player)  or, once the grace ran out,
 *                                                  onLeave(player, DISCONNECTED)
 * </pre>
 *
 * <pre>{@code
 * final class Arena extends Room {
 *     protected void onCreate(Map<String, String> options) {
 *         inputs().declare(Input.parser(), this::onInput);     // one per player per tick, acked
 *     }
 *     private void onInput(Player player, Input input, int seq) {
 *         ((Ship) player.attachment()).steer(input.getTurn(), input.getThrust());
 *     }
 *     protected void onJoin(Player player) {
 *         player.attach(new Ship(player.sessionId()));
 *     }
 *     protected void onTick(long tick, long dtNanos) {
 *         world.step(dtNanos);
 *         broadcastLatest(SNAPSHOT, world.snapshot());
 *     }
 * }
 * }</pre>
 *
 * <p>Threads: a room lives on one shard and every callback runs on that shard's tick thread, one at
 * a time, so room code needs no locks. Work done elsewhere comes back through {@link #post}. An
 * exception thrown from a callback disposes this room only: its players get an error and a close
 * with 1011. The framework methods below ({@code send}, {@code broadcast}, ...) may only be called
 * from the callbacks.
 */
public abstract class Room {
    RoomCore core;

    /** Creates a room; the framework calls the subclass' no-argument constructor through its factory. */
    protected Room() {
    }

    // ---- callbacks

    /** The room was created for a join carrying {@code options}; declare message types here. */
    protected void onCreate(Map<String, String> options) {
    }

    /**
     * Decides whether {@code request} may join (auth and matchmaking rules: token, headers, cookies,
     * options). The capacity and {@link #lock} were checked when the seat was reserved (a join
     * reserved just before a lock still comes here). Default: accept.
     */
    protected JoinDecision onJoinAttempt(JoinRequest request) {
        return JoinDecision.accept();
    }

    /** {@code player} joined; the client has been sent {@code Joined}. */
    protected void onJoin(Player player) {
    }

    /**
     * One fixed simulation step: tick number {@code tick} (0, 1, 2, ... on this shard), {@code dtNanos}
     * the fixed step in nanoseconds. Runs after this tick's messages were dispatched and due tasks ran.
     */
    protected void onTick(long tick, long dtNanos) {
    }

    /**
     * {@code player} left: LEFT (asked), DISCONNECTED (its connection dropped, and with a reconnect
     * grace it did not come back in time), KICKED or ROOM_CLOSED.
     */
    protected void onLeave(Player player, LeaveReason reason) {
    }

    /**
     * {@code player}'s connection dropped and the room type holds seats
     * ({@link RoomOptions#reconnectGraceMs()} &gt; 0): the player stays in {@link #players()} and
     * keeps counting toward the capacity, {@link Player#isConnected()} is {@code false}, and whatever
     * is sent to it meanwhile (its share of broadcasts too) is dropped. Next comes
     * {@link #onReconnect} or, when the grace runs out, {@code onLeave(player, DISCONNECTED)}. To
     * refuse or shorten the grace, call {@link #endReconnectGrace}. Never called when the grace is
     * 0: a drop is then a leave.
     */
    protected void onDisconnect(Player player) {
    }

    /**
     * {@code player} took its seat back on a new connection within the grace: same {@code Player},
     * session id and attachment; the client has been sent {@code Joined} (current tick, new reconnect
     * token). Send it the state it missed here. Also called, without {@link #onDisconnect} before it,
     * when a reconnect takes over a seat whose old connection the server still thought open (that
     * connection is closed with 4000).
     */
    protected void onReconnect(Player player) {
    }

    /**
     * The server is draining (SIGTERM through {@code RingsideServer.drainAndClose()}, or
     * {@code drain()}): no new player will join this room (reconnects still do), and the room has
     * {@code msLeft} milliseconds (the game's {@link GameConfig#drainDeadlineMs()}, less any
     * already gone) to end its match: tell the players, save, send them elsewhere, then
     * {@link #close()}. A room still there at the deadline is disposed: its players leave with
     * ROOM_CLOSED and their connections are closed with 1001 ("server shutting down: drain deadline
     * passed"). Called once per room, at the next tick, before its {@link #onTick}; a room that empties
     * while draining is disposed at once. Default: nothing (the room plays on until it empties or the
     * deadline comes).
     */
    protected void onDrain(long msLeft) {
    }

    /** The room is going away; no player is left in it. */
    protected void onDispose() {
    }

    // ---- framework services, tick thread

    /**
     * This room's replicated state: spawn entities and set their fields; the framework sends each
     * player what changed in its view ({@link RoomState}).
     */
    protected final RoomState state() {
        return core.replicatedState();
    }

    /**
     * This room's player inputs: declare the input message type in {@link #onCreate} and get one
     * input per player per tick, acknowledged to the client for its prediction ({@link RoomInputs}).
     */
    protected final RoomInputs inputs() {
        return core.inputs;
    }

    /** The message types this room accepts; register them in {@link #onCreate}. */
    protected final MessageRouter messages() {
        return core.messages;
    }

    /** This room's id (what clients join by). */
    protected final String roomId() {
        return core.id;
    }

    /** This room's type name. */
    protected final String roomType() {
        return core.type.name;
    }

    /** The most players this room takes. */
    protected final int capacity() {
        return core.type.options.capacity();
    }

    /**
     * The joined players, in join order, including those away during their reconnect grace
     * ({@link Player#isConnected()}); a live read-only view (don't kick while iterating it).
     */
    protected final List<Player> players() {
        return core.playersView;
    }

    /** The shard's ticks per second. */
    protected final int tickRateHz() {
        return core.shard.tickRateHz;
    }

    /** The number of the tick in progress. */
    protected final long currentTick() {
        return core.shard.currentTick;
    }

    /**
     * Sends {@code message} as game message {@code type} to {@code player}: serialized at once into a
     * pooled frame (so the message may be reused or changed afterwards), allocating nothing once the
     * shard's frame pool is warm. Returns whether the player's connection took it
     * ({@link SendOutcome}); a refusal is also counted in {@link ShardMetrics#sendsRefused()}.
     */
    protected final SendOutcome send(Player player, int type, MessageLite message) {
        return core.send(player, type, message, false);
    }

    /**
     * Sends {@code message} to {@code player} as latest-only (a state snapshot): if the player's
     * connection is backed up and still holds an unsent latest-only message, this one replaces it
     * instead of queueing behind it. Use for state that a newer message fully supersedes.
     */
    protected final SendOutcome sendLatest(Player player, int type, MessageLite message) {
        return core.send(player, type, message, true);
    }

    /**
     * Sends {@code message} to every player; serialized and framed once into one pooled frame that
     * every player's connection shares (no copy and no allocation per recipient). Returns how many
     * players refused it (0: every connection took it; see {@link SendOutcome#REFUSED}), each
     * counted in {@link ShardMetrics#sendsRefused()}. The broadcasts return the same.
     */
    protected final int broadcast(int type, MessageLite message) {
        return core.broadcast(null, type, message, false);
    }

    /** {@link #broadcast} as latest-only (see {@link #sendLatest}): serialized and framed once. */
    protected final int broadcastLatest(int type, MessageLite message) {
        return core.broadcast(null, type, message, true);
    }

    /** Sends {@code message} to every player but {@code except}; serialized and framed once. */
    protected final int broadcastExcept(Player except, int type, MessageLite message) {
        return core.broadcast(except, type, message, false);
    }

    /** Removes {@code player} (told KICKED with {@code reason}; a held seat ends too); onLeave runs at once. */
    protected final void kick(Player player, String reason) {
        core.leave(player, LeaveReason.LEAVE_REASON_KICKED, reason == null ? "" : reason);
    }

    /**
     * Ends the held seat of {@code player}, away during its reconnect grace, now: it leaves with
     * DISCONNECTED and {@code onLeave} runs at once, as if the grace had run out; its token stops
     * working. Does nothing to a connected player (use {@link #kick}). Call it from
     * {@link #onDisconnect} to refuse the grace, or later to cut it short.
     */
    protected final void endReconnectGrace(Player player) {
        if (player.room == core && player.away) {
            core.leave(player, LeaveReason.LEAVE_REASON_DISCONNECTED, "");
        }
    }

    /** Sets the label room listings show (map, mode...); any thread. */
    protected final void setLabel(String label) {
        core.label = label == null ? "" : label;
    }

    /**
     * Takes this room out of matchmaking (Colyseus' {@code lock()}): join-or-create passes it by (and
     * creates a new room if no other has a seat), room listings leave it out, and a join by its id is
     * refused with ROOM_LOCKED. Its players stay; a reconnect token still takes a held seat back. A
     * join whose seat was reserved before the lock is still on its way: it arrives after the lock
     * and {@link #onJoinAttempt} decides it as usual (check {@link #isLocked()} there to refuse it).
     * A full room needs no lock: capacity already keeps joins out. Undone by {@link #unlock}.
     */
    protected final void lock() {
        core.directory.lock(core, true);
    }

    /** Puts this room back into matchmaking after {@link #lock}; does nothing if it is not locked. */
    protected final void unlock() {
        core.directory.lock(core, false);
    }

    /** Whether this room is out of matchmaking ({@link #lock}); new rooms start unlocked. */
    protected final boolean isLocked() {
        return core.locked;
    }

    /** Disposes this room at the end of the current tick; its players leave with ROOM_CLOSED. */
    protected final void close() {
        core.closeRequested = true;
    }

    /** Runs {@code task} on this room's thread {@code delayTicks} ticks from now (at least 1), before onTick. */
    protected final void schedule(long delayTicks, Runnable task) {
        core.schedule(delayTicks, task);
    }

    /**
     * Hands {@code task} to this room's thread from any thread (the result of slow work done
     * elsewhere); it runs at the start of the next tick. Returns {@code false} when the shard's
     * bounded queue is full or the room is gone.
     */
    protected final boolean post(Runnable task) {
        return core.shard.post(core, task);
    }

    /** An {@link Executor} that {@link #post}s, throwing {@link RejectedExecutionException} when full. */
    protected final Executor executor() {
        return task -> {
            if (!post(task)) {
                throw new RejectedExecutionException("room " + core.id + ": post queue full or room disposed");
            }
        };
    }
}
