package io.ringside.engine.internal.inbound;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.EventTranslatorTwoArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;
import io.ringside.protocol.websocket.Masking;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A shard's inbound ring: many producers (I/O loops) publish, the shard's tick thread drains with an
 * {@link EventPoller} at the start of each tick.
 *
 * <p>Publishing never blocks and never drops: when the ring is full, the message is copied aside,
 * the connection stops reading ({@code pauseReading}) and every later message of that session waits
 * behind it, in order, until {@link #retryBlocked()} on the tick thread finds room and resumes
 * reading. Steady state (ring not full) allocates nothing: the bytes are copied once, straight into
 * the slot (or, for a message larger than a slot, into an array lent by the connection's I/O loop),
 * and a payload still masked (RFC 6455 §5.3) is unmasked in that same copy. A message that has to
 * wait is kept unmasked, so the masked read buffer it came from can be reused; a lent array it waits
 * in passes to the slot without a second copy.
 */
public final class InboundRing {
    private static final EventTranslatorTwoArg<InboundEvent, Session, ByteBuffer> LIVE = (event, seq, s, buf) ->
            Masking.unmaskCopy(buf, s.stagedOffset, event.prepare(s.stagedKind, s, s.stagedTarget, s.stagedLength), 0,
                    s.stagedLength, s.stagedMaskKey, 0);
    private static final EventTranslatorTwoArg<InboundEvent, Session, PendingMessage> PENDING = (event, seq, s, m) -> {
        if (m.lent != null) {
            event.adopt(m.kind, s, m.target, m.length, m.lent);
            m.lent = null;
        } else {
            System.arraycopy(m.bytes, 0, event.prepare(m.kind, s, m.target, m.length), 0, m.length);
        }
    };

    /** The buffer to publish kinds that carry no bytes with (length 0). */
    public static final ByteBuffer NO_BYTES = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private final RingBuffer<InboundEvent> ring;
    private final EventPoller<InboundEvent> poller;
    private final ConcurrentLinkedQueue<Session> blocked = new ConcurrentLinkedQueue<>();
    private final AtomicLong backpressureEvents = new AtomicLong();
    private final AtomicLong budgetEvents = new AtomicLong();
    private final int slotsPerSessionPerTick;
    private final int slotBytes;
    /** Advanced by the tick thread once per tick: a session's ring budget restarts when it changes. */
    private volatile long epoch;

    /** A ring of {@code capacity} slots (a power of two) whose arrays hold {@code slotBytes} each. */
    public InboundRing(int capacity, int slotBytes) {
        this(capacity, slotBytes, 0);
    }

    /**
     * A ring of {@code capacity} slots whose arrays hold {@code slotBytes} each, in which one session
     * may publish at most {@code slotsPerSessionPerTick} messages per tick (0: no budget). A session
     * over its budget waits as it would for a full ring: its message is kept aside, its connection
     * stops reading, and {@link #retryBlocked()} publishes what it has waiting, at most its budget
     * per tick, before it reads again. One flooder then takes its budget of slots per tick, not the
     * whole ring.
     */
    public InboundRing(int capacity, int slotBytes, int slotsPerSessionPerTick) {
        this.slotsPerSessionPerTick = slotsPerSessionPerTick;
        this.slotBytes = slotBytes;
        this.ring = RingBuffer.createMultiProducer(InboundEvent.factory(slotBytes), capacity,
                new YieldingWaitStrategy());
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
    }

    /**
     * Publishes bytes {@code [offset, offset + length)} of {@code buffer} as a {@code kind} message of
     * {@code session} routed to {@code target}. Called on the session's I/O thread (the staged fields
     * are that thread's); never blocks.
     */
    public void publish(Session session, int kind, Object target, ByteBuffer buffer, int offset, int length) {
        publish(session, kind, target, buffer, offset, length, 0);
    }

    /**
     * Publishes like {@link #publish(Session, int, Object, ByteBuffer, int, int)} bytes that are still
     * masked with {@code maskKey} from {@code offset} on (phase 0), unmasking them while they are copied
     * into the slot (or aside, if the ring is full); {@code buffer} is only read.
     */
    public void publish(Session session, int kind, Object target, ByteBuffer buffer, int offset, int length,
                        int maskKey) {
        if (session.isBlocked() && session.queueIfBlocked(this, kind, target, buffer, offset, length, maskKey)) {
            return;
        }
        if (slotsPerSessionPerTick > 0 && overBudget(session)) {
            session.block(this, kind, target, buffer, offset, length, maskKey);
            budgetEvents.incrementAndGet();
            backpressureEvents.incrementAndGet();
            session.connection().pauseReading();
            blocked.offer(session);
            return;
        }
        session.stagedKind = kind;
        session.stagedTarget = target;
        session.stagedOffset = offset;
        session.stagedLength = length;
        session.stagedMaskKey = maskKey;
        boolean published = ring.tryPublishEvent(LIVE, session, buffer);
        session.stagedTarget = null;
        if (!published) {
            session.block(this, kind, target, buffer, offset, length, maskKey);
            backpressureEvents.incrementAndGet();
            session.connection().pauseReading();
            blocked.offer(session);
        }
    }

    /** Counts one publish against the session's budget for this tick; whether it is over. I/O thread. */
    private boolean overBudget(Session session) {
        long now = epoch;
        if (session.budgetEpoch != now) {
            session.budgetEpoch = now;
            session.budgetUsed = 0;
        }
        return ++session.budgetUsed > slotsPerSessionPerTick;
    }

    /** Starts a new tick for the per-session budgets. Tick thread, before draining. */
    public void beginTick() {
        epoch = epoch + 1;
    }

    /** Most messages one session's waiting ones may publish per retry: its budget, or all. */
    int pendingBudget() {
        return slotsPerSessionPerTick > 0 ? slotsPerSessionPerTick : Integer.MAX_VALUE;
    }

    boolean tryPublishPending(Session session, PendingMessage message) {
        return ring.tryPublishEvent(PENDING, session, message);
    }

    /**
     * Publishes what blocked sessions have waiting, as far as rings have room, and resumes reading
     * for those that are through. Tick thread, after draining; visits each blocked session once.
     *
     * @return how many sessions were resumed
     */
    public int retryBlocked() {
        int resumed = 0;
        for (int i = blocked.size(); i > 0; i--) {
            Session session = blocked.poll();
            if (session == null) {
                break;
            }
            InboundRing waitingFor = session.publishPending();
            if (waitingFor == null) {
                session.connection().resumeReading();
                resumed++;
            } else {
                waitingFor.blocked.offer(session);
            }
        }
        return resumed;
    }

    /**
     * Hands every event published so far, at most {@code handler}'s own bound, to {@code handler} in
     * publish order. Tick thread only.
     */
    public void drain(EventPoller.Handler<InboundEvent> handler) throws Exception {
        poller.poll(handler);
    }

    /** Events published and not yet drained. Any thread. */
    public long depth() {
        return ring.getCursor() - poller.getSequence().get();
    }

    /** The bytes a slot's own array holds: larger messages get an array of their own. */
    int slotBytes() {
        return slotBytes;
    }

    /** The number of slots. */
    public int capacity() {
        return ring.getBufferSize();
    }

    /**
     * How many times a publish found the ring full, or its session over its slots per tick, and
     * paused a connection. Any thread.
     */
    public long backpressureEvents() {
        return backpressureEvents.get();
    }

    /** How many times a session over its slots per tick was made to wait. Any thread. */
    public long budgetEvents() {
        return budgetEvents.get();
    }

    /** Sessions waiting for room in this ring. Any thread. */
    public int blockedSessions() {
        return blocked.size();
    }
}
