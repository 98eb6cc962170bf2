package io.ringside.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import redis.clients.jedis.commands.ScriptingKeyCommands;

/**
 * The per-node room cap ({@code cluster.max-rooms-per-node}), enforced in Redis. Each node has a
 * sorted set {@code ringside:slots:<node>} of what may hold one of its rooms, each member scored by
 * its expiry on Redis' clock: its live rooms ({@code room:<id>}, renewed by its heartbeat), the
 * new-room claims placement made for it ({@code claim:<token>}, living as long as the seat token),
 * and the one spare slot it keeps, while two or more are free, for a room it may create without
 * asking Redis ({@code spare:<n>}). A member is only ever added by {@link #claim}, one Lua script that drops
 * expired members and adds one only while the set holds fewer than the cap, so nodes placing rooms
 * at the same moment, and the node creating its own, never take more slots than the cap. A used
 * claim or spare is dropped only together with the rooms it may have become ({@link #sync}), or
 * expires; meanwhile it counts twice, which errs on the side of the cap.
 *
 * <p>Threads: {@link #takeSpare()} on I/O threads (placement answering at once), {@link #claim} and
 * {@link #redeemed} on the placement worker, {@link #sync} on the heartbeat thread.
 */
final class RoomSlots {
    /** Member prefix of a node's live room. */
    static final String ROOM = "room:";
    /** Member prefix of a new-room claim made with a seat token. */
    static final String CLAIM = "claim:";
    /** Member prefix of a node's spare slot. */
    static final String SPARE = "spare:";

    private static final String KEEP_KEY = """
            local p = redis.call('PTTL', KEYS[1])
            if p < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
            """;
    private static final String CLAIM_SCRIPT = RedisClock.NOW + """
            local ttl = tonumber(ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            if not redis.call('ZSCORE', KEYS[1], ARGV[1]) and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
              return 0
            end
            redis.call('ZADD', KEYS[1], now + ttl, ARGV[1])
            """ + KEEP_KEY + """
            return 1
            """;
    private static final String SYNC_SCRIPT = RedisClock.NOW + """
            local ttl = tonumber(ARGV[1])
            local gone = tonumber(ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            for i = 3, 2 + gone do redis.call('ZREM', KEYS[1], ARGV[i]) end
            for i = 3 + gone, #ARGV do redis.call('ZADD', KEYS[1], now + ttl, ARGV[i]) end
            """ + KEEP_KEY + """
            return redis.call('ZCARD', KEYS[1])
            """;

    /** A used claim or spare may be dropped once this long has passed: its room is in any later snapshot. */
    private static final long SETTLE_NS = TimeUnit.SECONDS.toNanos(1);

    private record Used(String member, long atNs) {
    }

    private final String nodeId;
    private final int cap;
    private final AtomicReference<String> spare = new AtomicReference<>();
    private final ConcurrentLinkedQueue<Used> used = new ConcurrentLinkedQueue<>();
    private long spares;

    /** Slots of node {@code nodeId} under a cap of {@code cap} rooms (0: no cap, nothing is kept in Redis). */
    RoomSlots(String nodeId, int cap) {
        this.nodeId = nodeId;
        this.cap = cap;
    }

    /** Whether a cap is set. */
    boolean capped() {
        return cap > 0;
    }

    /**
     * Uses this node's spare slot for a room it creates now; {@code false} when it holds none (the
     * heartbeat claims the next). Any thread; never blocks.
     */
    boolean takeSpare() {
        String member = spare.getAndSet(null);
        if (member == null) {
            return false;
        }
        used.add(new Used(member, System.nanoTime()));
        return true;
    }

    /** Claims a slot on node {@code node} for the new-room seat {@code token}, valid {@code ttlMs}. Worker thread. */
    boolean claim(ScriptingKeyCommands redis, String node, String token, long ttlMs) {
        return claim(redis, node, CLAIM + token, ttlMs, cap);
    }

    /** This node used new-room seat {@code token}: its claim goes at a later heartbeat. Worker thread. */
    void redeemed(String token) {
        if (capped()) {
            used.add(new Used(CLAIM + token, System.nanoTime()));
        }
    }

    /**
     * Heartbeat: renews the slots of {@code roomIds} (this node's rooms at {@code snapshotNs}, by
     * {@link System#nanoTime()}), drops the claims and spares used well before that, and keeps one
     * spare unless {@code draining}. Heartbeat thread.
     */
    void sync(ScriptingKeyCommands redis, Collection<String> roomIds, long snapshotNs, long ttlMs,
              boolean draining) {
        if (!capped()) {
            return;
        }
        List<String> gone = new ArrayList<>();
        for (Iterator<Used> it = used.iterator(); it.hasNext();) {
            Used slot = it.next();
            if (snapshotNs - slot.atNs() >= SETTLE_NS) {
                gone.add(slot.member());
                it.remove();
            }
        }
        sync(redis, nodeId, roomIds, gone, ttlMs);
        String held = spare.get();
        if (draining) {
            if (held != null && spare.compareAndSet(held, null)) {
                used.add(new Used(held, snapshotNs - SETTLE_NS));
            }
            return;
        }
        // a spare never takes the last free slot: other nodes placing here may have that one
        if (held != null) {
            if (!claim(redis, nodeId, held, ttlMs, cap - 1)) {
                spare.compareAndSet(held, null); // it expired meanwhile and the slots filled up
            }
            return;
        }
        String member = SPARE + nodeId + ":" + ++spares;
        if (claim(redis, nodeId, member, ttlMs, cap - 1)) {
            spare.set(member);
        }
    }

    /** Forgets the spare (Redis lost, or the node stops): a node without one asks Redis for every new room. */
    void dropSpare() {
        spare.set(null);
    }

    /**
     * Takes slot {@code member} on node {@code nodeId} for {@code ttlMs} if it holds fewer than
     * {@code cap} (renews it if already held); returns whether it did. Any thread; one round trip.
     */
    private static boolean claim(ScriptingKeyCommands redis, String nodeId, String member, long ttlMs, int cap) {
        return (Long) redis.eval(CLAIM_SCRIPT, List.of(RedisKeys.slots(nodeId)),
                List.of(member, Long.toString(ttlMs), Integer.toString(cap))) == 1;
    }

    /**
     * A node's heartbeat: renews its live rooms' slots for {@code ttlMs} (a live room keeps its slot
     * even over the cap: it exists) and drops the used claims and spares in {@code gone}, in one
     * script, so a slot is never free between a claim's room appearing and the claim going.
     * Returns how many slots the node now holds.
     */
    private static long sync(ScriptingKeyCommands redis, String nodeId, Collection<String> roomIds,
                             Collection<String> gone, long ttlMs) {
        List<String> args = new ArrayList<>(2 + gone.size() + roomIds.size());
        args.add(Long.toString(ttlMs));
        args.add(Integer.toString(gone.size()));
        args.addAll(gone);
        for (String id : roomIds) {
            args.add(ROOM + id);
        }
        return (Long) redis.eval(SYNC_SCRIPT, List.of(RedisKeys.slots(nodeId)), args);
    }
}
