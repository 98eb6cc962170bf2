package io.ringside.cluster;

import io.ringside.engine.room.ClusterConfig;
import io.ringside.engine.room.Placement;
import io.ringside.engine.room.RoomSnapshot;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.SeatReservation;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Places joins across the cluster and redeems seat tokens. Decisions that need no Redis call (a new
 * room on this node) are made on the calling I/O thread from the last {@link ClusterView}; seat
 * reservations and redemptions run as one Lua script each on a thread of its own, from a bounded
 * queue (full: the join is refused with NODE_UNAVAILABLE, never waits).
 *
 * <p>A join-or-create first tries other nodes' public rooms with a free seat (fullest first, so
 * rooms fill up), then asks the {@link PlacementPolicy} for a node for a new room among those not
 * draining and under {@link ClusterConfig#maxRoomsPerNode()}, whose slot it claims in Redis
 * ({@link RoomSlots}) so the cap holds however many nodes place rooms at once.
 */
final class Placer implements AutoCloseable {
    private static final int TOKEN_BYTES = 18;
    private static final int MAX_ROOM_ATTEMPTS = 8;
    private static final int QUEUE_CAPACITY = 4_096;
    /** How the tokens of seats reserved for a join-or-create begin (the rest is Base64url, which has no dot). */
    private static final String JOIN_OR_CREATE = "j.";
    /** What {@link #take} answers when it could not ask Redis: the owner's own count decides. */
    static final long UNCHECKED = 2;

    private final ClusterConfig config;
    private final String nodeId;
    private final PlacementPolicy policy;
    private final SeatReservations seats;
    private final RoomSlots slots;
    private final UnifiedJedis redis;
    private final Supplier<ClusterView> view;
    private final Supplier<List<RoomSnapshot>> localRooms;
    private final Supplier<String> address;
    private final Supplier<Boolean> available;
    private final Supplier<Boolean> draining;
    private final PendingRooms pending = new PendingRooms();
    private final SecureRandom random = new SecureRandom();
    private final ThreadPoolExecutor worker;

    Placer(ClusterConfig config, String nodeId, PlacementPolicy policy, UnifiedJedis redis, RoomSlots slots,
           Supplier<ClusterView> view, Supplier<List<RoomSnapshot>> localRooms, Supplier<String> address,
           Supplier<Boolean> available, Supplier<Boolean> draining) {
        this.config = config;
        this.nodeId = nodeId;
        this.policy = policy;
        this.redis = redis;
        this.seats = new SeatReservations(redis);
        this.slots = slots;
        this.view = view;
        this.localRooms = localRooms;
        this.address = address;
        this.available = available;
        this.draining = draining;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY),
                r -> {
                    Thread thread = new Thread(r, "ringside-cluster-placement");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** See {@code RoomRegistry.place}: I/O thread, answers at once or from the worker thread. */
    void place(String roomType, String roomId, Consumer<Placement> answer) {
        ClusterView now = view.get();
        if (roomId != null) {
            placeInRoom(now, roomId, answer);
            return;
        }
        if (!available.get()) {
            answer.accept(Placement.local()); // Redis lost: this node's own rooms still take players
            return;
        }
        placeType(now, roomType, true, answer);
    }

    /** Whether {@code token} was issued for a join-or-create (see {@code RoomRegistry.isJoinOrCreateToken}). */
    static boolean isJoinOrCreateToken(String token) {
        return token.startsWith(JOIN_OR_CREATE);
    }

    /**
     * See {@code RoomRegistry.forfeit}: on the worker thread, uses up join-or-create token {@code token}
     * for room {@code roomId} of this node, giving back its seat there (one Lua script), and calls
     * {@code used} with the token's room type and the room's reservations still open, or {@code null}
     * when the token is refused or Redis cannot be reached.
     */
    void forfeit(String token, String roomId, Consumer<SeatReservations.Used> used) {
        if (!isJoinOrCreateToken(token)) {
            used.accept(null);
            return;
        }
        execute(() -> {
            SeatReservations.Used result;
            try {
                result = seats.forfeit(token, nodeId, roomId);
            } catch (JedisException e) {
                result = null;
            }
            used.accept(result);
        }, () -> used.accept(null));
    }

    /**
     * See {@code RoomRegistry.takeSeat}: on the worker thread, takes a seat of this node's room
     * {@code roomId} in Redis (one Lua script) and calls {@code taken} with 1 (taken), 0 or less (full:
     * minus the room's open reservations), or {@link #UNCHECKED} when Redis cannot be reached or the
     * queue is full.
     */
    void take(String roomId, int capacity, LongConsumer taken) {
        execute(() -> {
            long result;
            try {
                result = seats.take(roomId, capacity, config.nodeTtlMs());
            } catch (JedisException e) {
                result = UNCHECKED;
            }
            taken.accept(result);
        }, () -> taken.accept(UNCHECKED));
    }

    /** Runs {@code task} on the worker thread, or {@code refused} at once if the queue is full or closed. */
    private void execute(Runnable task, Runnable refused) {
        try {
            worker.execute(task);
        } catch (RejectedExecutionException e) {
            refused.run();
        }
    }

    /**
     * A join-or-create of {@code roomType} this node has no free seat for; {@code inline}: on the
     * calling I/O thread (Redis work goes to the worker), else already on the worker.
     */
    private void placeType(ClusterView now, String roomType, boolean inline, Consumer<Placement> answer) {
        List<ClusterView.RoomEntry> rooms = new ArrayList<>();
        for (ClusterView.RoomEntry room : now.rooms.values()) {
            NodeLoad node = now.nodes.get(room.node());
            if (room.type().equals(roomType) && !room.node().equals(nodeId) && !room.locked() && !room.privateRoom()
                    && room.seats() + pending.seats(now, room.id()) < room.capacity() && node != null
                    && !node.draining() && !pending.isFull(now, room.id())) {
                rooms.add(room);
            }
        }
        if (rooms.isEmpty()) {
            placeNew(now, roomType, inline, answer);
            return;
        }
        rooms.sort(Comparator.comparingInt(ClusterView.RoomEntry::seats).reversed());
        // no more joins go to a room than the view shows free seats in it
        pending.seat(now, rooms.get(0).id());
        Runnable reserve = () -> {
            for (int i = 0; i < Math.min(rooms.size(), MAX_ROOM_ATTEMPTS); i++) {
                ClusterView.RoomEntry room = rooms.get(i);
                if (i > 0 && pending.isFull(now, room.id())) {
                    continue;
                }
                // a join-or-create's: the room's owner may have filled it since it last published its seats
                String token = JOIN_OR_CREATE + newToken();
                SeatReservations.Outcome outcome = seats.reserve(room.node(), room.id(), token, config.seatTtlMs());
                if (outcome == SeatReservations.Outcome.RESERVED) {
                    answer.accept(redirect(room.address(), room.id(), roomType, token));
                    return;
                }
                pending.full(now, room.id());
            }
            placeNew(view.get(), roomType, false, answer);
        };
        if (inline) {
            submit(answer, reserve);
        } else {
            reserve.run();
        }
    }

    private void placeInRoom(ClusterView now, String roomId, Consumer<Placement> answer) {
        ClusterView.RoomEntry room = now.rooms.get(roomId);
        if (room == null || room.node().equals(nodeId)) {
            answer.accept(Placement.refused(ErrorCode.ERROR_CODE_ROOM_NOT_FOUND, "no room " + roomId));
            return;
        }
        NodeLoad node = now.nodes.get(room.node());
        if (node == null) {
            answer.accept(Placement.refused(ErrorCode.ERROR_CODE_NODE_UNAVAILABLE,
                    "node " + room.node() + " holding room " + roomId + " is gone"));
            return;
        }
        if (node.draining()) {
            answer.accept(Placement.refused(ErrorCode.ERROR_CODE_SERVER_DRAINING,
                    "node " + room.node() + " holding room " + roomId + " is draining"));
            return;
        }
        submit(answer, () -> {
            String token = newToken();
            answer.accept(switch (seats.reserve(room.node(), roomId, token, config.seatTtlMs())) {
                case RESERVED -> redirect(room.address(), roomId, room.type(), token);
                case FULL -> Placement.refused(ErrorCode.ERROR_CODE_ROOM_FULL, "room " + roomId + " is full");
                case LOCKED -> Placement.refused(ErrorCode.ERROR_CODE_ROOM_LOCKED, "room " + roomId + " is locked");
                case NO_ROOM -> Placement.refused(ErrorCode.ERROR_CODE_ROOM_NOT_FOUND, "no room " + roomId);
            });
        });
    }

    /**
     * A new room: on the node the policy picks. This node is answered LOCAL inline when no room cap
     * is set or it holds a spare slot; otherwise the worker claims a slot in Redis on the chosen node
     * (then the next the policy picks, while claims fail) and answers with a seat reservation, or
     * LOCAL (later, from the worker) when that node is this one: the engine seats the player here on
     * its connection, with no new-room token and no second connection.
     */
    private void placeNew(ClusterView now, String roomType, boolean inline, Consumer<Placement> answer) {
        List<NodeLoad> candidates = candidates(now, roomType);
        if (candidates.isEmpty()) {
            answer.accept(noNode(roomType));
            return;
        }
        NodeLoad chosen = policy.choose(candidates);
        if (chosen.id().equals(nodeId) && inline && (!slots.capped() || slots.takeSpare())) {
            answer.accept(Placement.local());
            return;
        }
        if (!chosen.id().equals(nodeId)) {
            pending.sent(now, chosen.id()); // counted now: the next joins are placed before the worker runs
        }
        Runnable issue = () -> {
            NodeLoad next = chosen;
            while (true) {
                String token = newToken();
                if (!slots.capped() || slots.claim(redis, next.id(), token, config.seatTtlMs())) {
                    if (next.id().equals(nodeId)) {
                        // this node: the player is seated on the connection it came on, no token needed
                        slots.redeemed(token);
                        answer.accept(Placement.local());
                        return;
                    }
                    seats.reserveNew(next.id(), roomType, token, config.seatTtlMs());
                    answer.accept(redirect(next.address(), "", roomType, token));
                    return;
                }
                if (!candidates.remove(next) || candidates.isEmpty()) {
                    answer.accept(noNode(roomType));
                    return;
                }
                next = policy.choose(candidates);
            }
        };
        if (inline) {
            submit(answer, issue);
        } else {
            issue.run();
        }
    }

    private Placement noNode(String roomType) {
        return Placement.refused(ErrorCode.ERROR_CODE_NODE_UNAVAILABLE, "no node takes a new room of type "
                + roomType + ": every node is draining or has cluster.max-rooms-per-node="
                + config.maxRoomsPerNode() + " rooms");
    }

    /**
     * The nodes that may take a new room of {@code roomType} as far as the registry's view tells
     * (not draining, under the cap), this node first (ties stay here); a mutable list. The cap itself
     * is enforced by {@link RoomSlots} claims.
     *
     * <p>The view is as old as the last heartbeat, and placing by it alone herds: joins arriving at
     * every node at once would each open a room of one player on whichever node looked emptiest,
     * since the view shows no free seat in rooms only just made, instead of filling rooms where they
     * arrive. So this node's figures are the view's too (its live ones are newer than the others'),
     * less a room of the type and that room's capacity in players (a new room here takes its next
     * joins of the type too, with no redirect), and, while it may take
     * the room itself, leaves out the nodes it already sent a new room that the view may not show
     * yet ({@link PendingRooms}): at most one new room goes to each other node per heartbeat, and the
     * next view lists its free seats, which joins then fill.
     */
    List<NodeLoad> candidates(ClusterView now, String roomType) {
        List<NodeLoad> candidates = new ArrayList<>();
        int cap = config.maxRoomsPerNode();
        List<RoomSnapshot> mine = localRooms.get();
        int players = 0;
        int capacity = 0;
        for (RoomSnapshot room : mine) {
            players += room.seatsTaken();
            if (room.type().equals(roomType)) {
                capacity = Math.max(capacity, room.capacity());
            }
        }
        boolean self = !draining.get() && (cap == 0 || mine.size() < cap);
        if (self) {
            // compared as the view shows it, as old as the other nodes' figures
            NodeLoad seen = now.nodes.get(nodeId);
            int load = seen != null ? seen.players() : players;
            int rooms = seen != null ? seen.rooms() : mine.size();
            candidates.add(capacity == 0 ? new NodeLoad(nodeId, address.get(), load, rooms, false)
                    : new NodeLoad(nodeId, address.get(), Math.max(0, load - capacity), Math.max(0, rooms - 1), false));
        }
        for (NodeLoad node : now.nodes.values()) {
            if (!node.id().equals(nodeId) && !node.draining() && (cap == 0 || node.rooms() < cap)) {
                if (!self) {
                    candidates.add(pending.adjust(now, node));
                } else if (!pending.any(now, node.id())) {
                    candidates.add(node);
                }
            }
        }
        return candidates;
    }

    /**
     * See {@code RoomRegistry.redeem}: one Lua script on the worker thread; completes with -1 when
     * refused, else with the room's reservations still open after it.
     */
    CompletionStage<Integer> redeem(String token, String roomId, String roomType) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        try {
            worker.execute(() -> {
                try {
                    result.complete(seats.redeemCounting(token, nodeId, roomId, roomType));
                } catch (JedisException e) {
                    result.complete(-1);
                }
            });
        } catch (RejectedExecutionException e) {
            result.complete(-1);
        }
        return result;
    }

    private void submit(Consumer<Placement> answer, Runnable task) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (JedisException e) {
                    answer.accept(Placement.refused(ErrorCode.ERROR_CODE_NODE_UNAVAILABLE,
                            "Redis at " + config.redisUri() + " is unreachable: " + e.getMessage()));
                }
            });
        } catch (RejectedExecutionException e) {
            answer.accept(Placement.refused(ErrorCode.ERROR_CODE_NODE_UNAVAILABLE,
                    "cluster placement queue is full or closed (" + QUEUE_CAPACITY + ")"));
        }
    }

    private Placement redirect(String to, String roomId, String roomType, String token) {
        return Placement.redirect(SeatReservation.newBuilder().setAddress(to).setRoomId(roomId).setRoomType(roomType)
                .setSeatToken(token).setExpiresInMs(Math.toIntExact(config.seatTtlMs())).build());
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
