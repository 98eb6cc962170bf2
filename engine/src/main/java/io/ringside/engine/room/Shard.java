package io.ringside.engine.room;

import com.google.protobuf.InvalidProtocolBufferException;
import com.lmax.disruptor.EventPoller;
import io.ringside.engine.internal.RoomView;
import io.ringside.engine.internal.inbound.EnvelopeFields;
import io.ringside.engine.internal.inbound.GameMessageView;
import io.ringside.engine.internal.inbound.InboundEvent;
import io.ringside.engine.internal.inbound.InboundKind;
import io.ringside.engine.internal.inbound.InboundRing;
import io.ringside.engine.internal.inbound.Session;
import io.ringside.engine.tick.NanoClock;
import io.ringside.engine.transport.FramePool;
import io.ringside.engine.tick.TickHandler;
import io.ringside.engine.tick.TickLoop;
import io.ringside.engine.tick.TickLoopConfig;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.LeaveReason;
import io.ringside.protocol.envelope.Pong;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.websocket.CloseCode;
import io.ringside.protocol.websocket.FrameEncoder;
import io.ringside.protocol.websocket.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tick loop and the rooms on it. Each tick: drain the inbound ring (bounded) and dispatch every
 * event to its room in publish order, let blocked connections publish again, run tasks posted from
 * other threads, then step every room (its due scheduled tasks, then {@code onTick}). Sends go
 * straight to the connections' I/O loops. Everything here runs on the shard's tick thread, except
 * {@link #post} and {@link #metrics()}; the steady state allocates nothing per tick.
 */
final class Shard implements TickHandler, EventPoller.Handler<InboundEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(Shard.class);
    /** Frames up to this size are pooled; bigger ones are rare enough to allocate. */
    private static final int MAX_POOLED_FRAME_BYTES = 64 * 1024;

    final int index;
    final int tickRateHz;
    final InboundRing ring;
    final GameFrames frames;
    final TickLoop loop;
    final NanoClock clock;
    final InputLimits inputLimits;
    volatile long currentTick;
    /** The shard's clock read at the start of the tick in progress: the time rate limits go by. */
    long nowNs;
    int load;

    private final ArrayList<RoomCore> rooms = new ArrayList<>();
    private final ArrayBlockingQueue<Posted> posts;
    private final GameMessageView view = new GameMessageView();
    private final int maxEventsPerTick;
    private final int maxMalformedMessages;
    private final int maxRefusedRequests;
    private int drained;
    private volatile long messagesIn;
    private volatile long messagesOut;
    private volatile long bytesOut;
    private volatile long sendsRefused;
    private volatile long malformedMessages;
    private volatile long roomFailures;
    private volatile long rateLimitedDropped;
    private volatile long rateLimitedErrored;
    private volatile long rateLimitedKicked;
    private volatile long inputsTaken;
    private volatile long inputsDropped;
    private volatile long inputsRefused;
    private volatile int roomCount;
    private final AtomicLongArray messagesByType;
    // answers to joins decided later, from any thread; at most one per pending join
    private final ConcurrentLinkedQueue<DecidedJoin> decidedJoins = new ConcurrentLinkedQueue<>();
    // joins seated by a thread other than their connection's I/O thread (see seatLater)
    private final ConcurrentLinkedQueue<Runnable> lateJoins = new ConcurrentLinkedQueue<>();
    // a monitor asks for a copy of the rooms; the tick thread publishes it at the end of a tick
    private volatile boolean snapshotWanted;
    private volatile List<RoomView> snapshot = List.of();
    // set once by drain(); the deadline is written before the flag that publishes it
    private long drainDeadlineNs;
    private volatile boolean draining;

    Shard(int index, GameConfig config, NanoClock clock) {
        this.index = index;
        this.tickRateHz = config.tickRateHz();
        this.ring = new InboundRing(config.ringCapacity(), config.slotBytes(), config.slotsPerSessionPerTick());
        this.posts = new ArrayBlockingQueue<>(config.postQueueCapacity());
        this.frames = new GameFrames(new FramePool(MAX_POOLED_FRAME_BYTES, config.framePoolBytes()),
                new FrameEncoder(Role.SERVER));
        this.maxEventsPerTick = config.maxEventsPerTick();
        this.maxMalformedMessages = config.maxMalformedMessages();
        this.maxRefusedRequests = config.maxRefusedRequests();
        this.inputLimits = new InputLimits(config.inputQueueCapacity(), config.maxInputBytes(),
                config.maxInputSeqGap());
        this.messagesByType = new AtomicLongArray(config.roomTypes().size());
        TickLoopConfig tickConfig = TickLoopConfig.builder().tickRateHz(tickRateHz)
                .maxCatchUpTicks(config.maxCatchUpTicks()).build();
        this.clock = clock;
        this.loop = new TickLoop(tickConfig, clock, this);
    }

    @Override
    public void onTick(long tick, long stepNanos) {
        currentTick = tick;
        nowNs = clock.nanoTime();
        drained = 0;
        ring.beginTick();
        try {
            ring.drain(this);
        } catch (Exception e) {
            LOG.error("shard {}: inbound dispatch failed", index, e);
        }
        ring.retryBlocked();
        for (int i = posts.size(); i > 0; i--) {
            Posted posted = posts.poll();
            if (posted == null) {
                break;
            }
            posted.room.runPosted(posted.task);
        }
        DecidedJoin decided;
        while ((decided = decidedJoins.poll()) != null) {
            decided.player.room.pending.apply(decided.player, decided.decision, decided.error);
        }
        Runnable late;
        while ((late = lateJoins.poll()) != null) {
            late.run();
        }
        if (draining) {
            drainRooms();
        }
        for (int i = rooms.size() - 1; i >= 0; i--) {
            if (i < rooms.size()) {
                rooms.get(i).tick(tick, stepNanos);
            }
        }
        if (snapshotWanted) {
            snapshotWanted = false;
            snapshot = snapshotRooms();
        }
    }

    /**
     * Starts draining this shard: from its next tick every room gets {@code onDrain} once (rooms
     * activated later too), and at {@code deadlineNs} (this shard's clock) the rooms left are disposed
     * with their players' connections closed 1001. Any thread; once.
     */
    void drain(long deadlineNs) {
        drainDeadlineNs = deadlineNs;
        draining = true;
    }

    /** Whether {@link #drain} was called. Any thread. */
    boolean isDraining() {
        return draining;
    }

    private void drainRooms() {
        long leftNs = drainDeadlineNs - clock.nanoTime();
        for (int i = rooms.size() - 1; i >= 0; i--) {
            if (i < rooms.size()) {
                RoomCore room = rooms.get(i);
                if (leftNs <= 0) {
                    room.dispose(RoomCore.DRAIN_DEADLINE_REASON, true);
                } else {
                    room.drain(TimeUnit.NANOSECONDS.toMillis(leftNs));
                }
            }
        }
    }

    /** Asks for a copy of this shard's rooms at the end of the next tick. Any thread. */
    void requestSnapshot() {
        snapshotWanted = true;
    }

    /** The copy of this shard's rooms last published. Any thread. */
    List<RoomView> latestSnapshot() {
        return snapshot;
    }

    private List<RoomView> snapshotRooms() {
        List<RoomView> views = new ArrayList<>(rooms.size());
        for (RoomCore room : rooms) {
            List<Player> joined = room.playersView;
            List<RoomView.PlayerView> players = new ArrayList<>(joined.size());
            for (Player player : joined) {
                Object identity = player.identity();
                players.add(new RoomView.PlayerView(player.sessionId(), identity == null ? null : identity.toString(),
                        player.isConnected(), player.session.connection().rttNs()));
            }
            views.add(new RoomView(room.id, room.type.name, room.label, room.locked, room.privateRoom,
                    room.type.options.capacity(), index, List.copyOf(players)));
        }
        return List.copyOf(views);
    }

    @Override
    public boolean onEvent(InboundEvent event, long sequence, boolean endOfBatch) {
        try {
            dispatch(event);
        } finally {
            event.clear();
        }
        messagesIn = messagesIn + 1;
        return ++drained < maxEventsPerTick;
    }

    private void dispatch(InboundEvent event) {
        Player player = (Player) event.target();
        if (event.kind() == InboundKind.RECONNECT) {
            player.room.held.reconnect(player, event.session());
            return;
        }
        if (event.session() != player.session) {
            return; // from a connection whose seat a reconnect took over, or whose reconnect was refused
        }
        switch (event.kind()) {
            case InboundKind.JOIN -> player.room.join(player);
            case InboundKind.GAME -> game(player, event);
            case InboundKind.INPUT -> input(player, event);
            case InboundKind.PING -> ping(player, event);
            case InboundKind.LEAVE -> {
                if (!player.room.pending.cancel(player)) {
                    player.room.leave(player, LeaveReason.LEAVE_REASON_LEFT, "");
                }
            }
            case InboundKind.DISCONNECT -> player.room.held.disconnect(player);
            default -> LOG.warn("shard {}: unknown inbound kind {}", index, event.kind());
        }
    }

    private void game(Player player, InboundEvent event) {
        if (player.state != Player.JOINED) {
            return; // sent before a kick or rejection reached the client: nobody to deliver it to
        }
        if (!view.wrap(event.bytes(), event.length())) {
            malformed(player.session, ErrorCode.ERROR_CODE_MALFORMED_MESSAGE, "envelope does not parse");
            return;
        }
        player.room.message(player, view.type(), event.bytes(), view.payloadOffset(),
                view.payloadLength());
    }

    private void input(Player player, InboundEvent event) {
        if (player.state != Player.JOINED) {
            return;
        }
        if (!view.wrap(event.bytes(), event.length(), EnvelopeFields.INPUT)) {
            malformed(player.session, ErrorCode.ERROR_CODE_MALFORMED_INPUT, "input envelope does not parse");
            return;
        }
        player.room.input(player, view.seq(), event.bytes(), view.payloadOffset(), view.payloadLength());
    }

    private void ping(Player player, InboundEvent event) {
        ClientEnvelope envelope;
        try {
            envelope = ClientEnvelope.parser().parseFrom(event.bytes(), 0, event.length());
        } catch (InvalidProtocolBufferException e) {
            malformed(player.session, ErrorCode.ERROR_CODE_MALFORMED_MESSAGE, "ping does not parse");
            return;
        }
        player.session.connection().sendFrame(ServerFrames.envelope(ServerEnvelope.newBuilder().setPong(
                Pong.newBuilder().setClientTime(envelope.getPing().getClientTime())
                        .setServerTimeMs(System.currentTimeMillis()).setTick(currentTick)).build()));
    }

    /** Answers a bad message with an error; closes 1007 once the session reached the limit. */
    void malformed(Session session, ErrorCode code, String message) {
        malformedMessages = malformedMessages + 1;
        answerMalformed(session, code, message, maxMalformedMessages);
    }

    static void answerMalformed(Session session, ErrorCode code, String message, int maxMalformedMessages) {
        session.connection().sendFrame(ServerFrames.error(code, message));
        if (session.recordMalformed() >= maxMalformedMessages) {
            session.connection().close(CloseCode.INVALID_PAYLOAD, "too many malformed messages");
        }
    }

    /** Answers a refused request from a room's thread; closes 1008 once the session reached the limit. */
    void refused(Session session, ErrorCode code, String message) {
        answerRefused(session, code, message, maxRefusedRequests);
    }

    /**
     * Answers a request the server refused (not in a room, room full, join rejected, over a rate
     * limit, ...); a connection that piles up {@code maxRefusedRequests} of them is closed with 1008,
     * so a client cannot keep the server answering requests that go nowhere. Any thread.
     */
    static void answerRefused(Session session, ErrorCode code, String message, int maxRefusedRequests) {
        session.connection().sendFrame(ServerFrames.error(code, message));
        if (session.recordRefused() == maxRefusedRequests) {
            session.connection().close(CloseCode.POLICY_VIOLATION, "too many refused requests");
        }
    }

    /** Counts a game message over its type's rate limit, by the limit's action; tick thread, the only writer. */
    void countRateLimited(RateLimit.Action action) {
        switch (action) {
            case DROP -> rateLimitedDropped = rateLimitedDropped + 1;
            case ERROR -> rateLimitedErrored = rateLimitedErrored + 1;
            default -> rateLimitedKicked = rateLimitedKicked + 1;
        }
    }

    /** Counts an input handed to a room; tick thread, the only writer. */
    void countInputTaken() {
        inputsTaken = inputsTaken + 1;
    }

    /** Counts an input pushed out of a full queue by a newer one; tick thread, the only writer. */
    void countInputDropped() {
        inputsDropped = inputsDropped + 1;
    }

    /** Counts an input refused as malformed; tick thread, the only writer. */
    void countInputRefused() {
        inputsRefused = inputsRefused + 1;
    }

    boolean post(RoomCore room, Runnable task) {
        return room.state() != RoomCore.DISPOSED && posts.offer(new Posted(room, task));
    }

    void add(RoomCore room) {
        rooms.add(room);
        roomCount = rooms.size();
    }

    void remove(RoomCore room) {
        rooms.remove(room);
        roomCount = rooms.size();
    }

    void countOut(int bytes) {
        messagesOut = messagesOut + 1;
        bytesOut = bytesOut + bytes;
    }

    void countRefused() {
        sendsRefused = sendsRefused + 1;
    }

    /** Counts a game message dispatched to a room of type {@code typeIndex}; tick thread, the only writer. */
    void countMessage(int typeIndex) {
        messagesByType.lazySet(typeIndex, messagesByType.getPlain(typeIndex) + 1);
    }

    /** Game messages dispatched to rooms of the type with index {@code typeIndex}. Any thread. */
    long messages(int typeIndex) {
        return messagesByType.get(typeIndex);
    }

    void roomFailed(RoomCore room, Throwable error) {
        roomFailures = roomFailures + 1;
        RoomErrorEvent.commit(room, error);
    }

    /** Disposes every room (players leave with ROOM_CLOSED); after the tick thread stopped. */
    void disposeAll() {
        for (int i = rooms.size() - 1; i >= 0; i--) {
            if (i < rooms.size()) {
                rooms.get(i).dispose();
            }
        }
    }

    /** This shard's figures now; any thread. */
    ShardMetrics metrics() {
        return new ShardMetrics(index, loop.metrics().snapshot(), ring.depth(), ring.capacity(), roomCount,
                messagesIn, messagesOut, bytesOut, malformedMessages, roomFailures, ring.backpressureEvents(),
                frames.pool.created(), frames.pool.reused(), sendsRefused, frames.pool.replaced(), rateLimitedDropped,
                rateLimitedErrored, rateLimitedKicked, inputsTaken, inputsDropped, inputsRefused);
    }

    /**
     * Runs {@code join} on this shard's tick thread at its next tick: a join that a thread other than
     * its connection's I/O thread seats (the cluster registry placed it here later), which cannot
     * publish to the ring. Any thread.
     */
    void seatLater(Runnable join) {
        lateJoins.offer(join);
    }

    /** A join decided later got its answer; applied at the start of the next tick. Any thread. */
    void joinDecided(Player player, JoinDecision decision, Throwable error) {
        decidedJoins.offer(new DecidedJoin(player, decision, error));
    }

    private record Posted(RoomCore room, Runnable task) {
    }

    private record DecidedJoin(Player player, JoinDecision decision, Throwable error) {
    }
}
