package io.ringside.cluster;

import io.ringside.engine.room.ClusterConfig;
import io.ringside.engine.room.Placement;
import io.ringside.engine.room.RoomRegistry;
import io.ringside.engine.room.RoomSnapshot;
import io.ringside.protocol.envelope.RoomList;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A {@link RoomRegistry} on Redis. This node is the hash {@code ringside:node:<id>} (id, address,
 * load, rooms, draining, and a listing entry per room) and a member of the live-node index
 * ({@link LiveNodes}); each of its rooms is also the hash {@code ringside:room:<id>} (id, type, node,
 * address, players, capacity, label, locked, private) that seat reservations count against; every
 * one of them carries a TTL of {@link ClusterConfig#nodeTtlMs()}, set by Redis' clock, that a
 * heartbeat thread renews every third of it. A node that stops without {@link #close()} (killed,
 * frozen, cut off) thus vanishes with its rooms within its TTL, whatever its own clock says.
 *
 * <p>The heartbeat thread also publishes room changes (woken by {@link #roomsChanged()}, writing
 * only the entries that changed; labels at the next beat) and, at each regular beat, reads every live
 * node's hash, rooms included, back into the cache that {@link #list(String)} and placement answer
 * from (this node's own rooms patched in at every change): one command per node, however many rooms
 * there are, and no tick or I/O thread waits on Redis. If Redis goes away
 * while running, rooms keep ticking, listings keep their last contents, and the heartbeat
 * reconnects and registers everything again when Redis is back.
 *
 * <p>Joins this node cannot seat in a room of its own are placed by a {@link Placer}: into another
 * node's room through an atomic {@link SeatReservations seat reservation}, or into a new room on the
 * node the {@link PlacementPolicy} picks, whose slot under the room cap is claimed in Redis
 * ({@link RoomSlots}); {@link #draining()} marks this node draining so placement everywhere skips
 * it. Each heartbeat also reads the reservations still open in this node's rooms, which
 * {@link #openReservations} keeps free. While Redis is reachable ({@link #takesSeats}), a join this
 * node seats directly in one of its rooms takes its seat in Redis first ({@link #takeSeat}), so it
 * cannot take a seat reserved since that read. A join-or-create's token whose room cannot seat its
 * player is used up by {@link #forfeit}, which answers the room type the token's record holds.
 */
public final class RedisRoomRegistry implements RoomRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(RedisRoomRegistry.class);

    private final ClusterConfig config;
    private final URI uri;
    private final String nodeId;
    private final PlacementPolicy policy;
    private final Semaphore wake = new Semaphore(0);
    /** This node's rooms as last written to Redis, by id (heartbeat thread). */
    private final Map<String, Map<String, String>> published = new HashMap<>();
    /** This node's hash as last written, or {@code null} (heartbeat thread). */
    private Map<String, String> publishedNode;
    /** The node hash's count of reservations made in this node's rooms, as last read (heartbeat thread). */
    private String reservedSeen;
    /** When the last full beat ran, by {@link System#nanoTime()} (heartbeat thread). */
    private long fullBeatNs;
    private final RoomSlots slots;
    private final Map<String, Integer> openSeats = new ConcurrentHashMap<>();
    /** Seats redeemed in this node's rooms, each leaving the room's {@code redeemed} count at a heartbeat. */
    private final ConcurrentLinkedQueue<Redeemed> redeemed = new ConcurrentLinkedQueue<>();
    private volatile ClusterView view = ClusterView.EMPTY;
    private volatile boolean running;
    private volatile boolean draining;
    private volatile boolean failing;
    private JedisPooled commands;
    private Placer placer;
    private Supplier<List<RoomSnapshot>> rooms;
    private String address;
    private Jedis jedis;
    private Thread heartbeat;
    private boolean closed;

    /**
     * A registry for {@code config} (whose {@link ClusterConfig#redisUri()} is set), placing new rooms
     * by {@link ClusterConfig#placement()}; connects in {@link #start}.
     */
    public RedisRoomRegistry(ClusterConfig config) {
        this(config, PlacementPolicy.named(config.placement()));
    }

    /** A registry for {@code config} that places new rooms with {@code policy}; connects in {@link #start}. */
    public RedisRoomRegistry(ClusterConfig config, PlacementPolicy policy) {
        if (!config.enabled()) {
            throw new IllegalArgumentException("cluster.redisUri=null (cluster mode needs a Redis address)");
        }
        this.config = config;
        this.uri = URI.create(config.redisUri());
        this.nodeId = config.nodeId() != null ? config.nodeId() : UUID.randomUUID().toString();
        if (policy == null) {
            throw new IllegalArgumentException("policy=null");
        }
        this.policy = policy;
        this.slots = new RoomSlots(nodeId, config.maxRoomsPerNode());
    }

    /** This node's id in the registry. */
    public String nodeId() {
        return nodeId;
    }

    /** The registry as this node last read it. Any thread. */
    ClusterView view() {
        return view;
    }

    /** The address published for this node (after {@link #start}). */
    public synchronized String address() {
        return address;
    }

    /**
     * Connects, registers this node and its rooms, reads the listings once and starts the heartbeat.
     *
     * @throws IllegalStateException naming the Redis address when it cannot be reached
     */
    @Override
    public synchronized void start(int port, Supplier<List<RoomSnapshot>> rooms) {
        if (heartbeat != null || closed) {
            throw new IllegalStateException("registry already started");
        }
        this.rooms = rooms;
        this.address = config.publicAddress() != null ? config.publicAddress() : defaultAddress(port);
        try {
            sync(true);
        } catch (JedisException e) {
            disconnect();
            this.rooms = null;
            throw new IllegalStateException("Redis at " + config.redisUri() + " is unreachable: " + e.getMessage(), e);
        }
        commands = new JedisPooled(uri, config.connectTimeoutMs());
        String published = address;
        placer = new Placer(config, nodeId, policy, commands, slots, () -> view, rooms,
                () -> published, () -> !failing, () -> draining);
        running = true;
        heartbeat = new Thread(this::beat, "ringside-cluster-heartbeat");
        heartbeat.setDaemon(true);
        heartbeat.start();
        LOG.info("node {} ({}) registered in Redis at {}, TTL {} ms", nodeId, address, config.redisUri(),
                config.nodeTtlMs());
    }

    @Override
    public void roomsChanged() {
        wake.release();
    }

    @Override
    public RoomList list(String type) {
        RoomList list = view.listings.get(type);
        return list != null ? list : RoomList.newBuilder().setRoomType(type).build();
    }

    @Override
    public void place(String roomType, String roomId, Consumer<Placement> answer) {
        Placer current = placer;
        if (current == null) {
            RoomRegistry.super.place(roomType, roomId, answer);
            return;
        }
        current.place(roomType, roomId, answer);
    }

    @Override
    public String addressOf(String roomId) {
        ClusterView.RoomEntry room = view.rooms.get(roomId);
        return room == null || room.node().equals(nodeId) || !view.nodes.containsKey(room.node()) ? null
                : room.address();
    }

    /** A token for a room goes through {@link #redeemSeat}; a new room's token also frees its slot claim. */
    @Override
    public CompletionStage<Boolean> redeem(String token, String roomId, String roomType) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        Placer current = placer;
        if (current == null) {
            result.complete(false);
        } else if (!roomId.isEmpty()) {
            redeemSeat(token, roomId, roomType, result::complete);
        } else {
            current.redeem(token, roomId, roomType).whenComplete((open, failure) -> {
                boolean used = failure == null && open >= 0;
                if (used) {
                    slots.redeemed(token);
                }
                result.complete(used);
            });
        }
        return result;
    }

    @Override
    public void redeemSeat(String token, String roomId, String roomType, Consumer<Boolean> seat) {
        Placer current = placer;
        if (current == null) {
            seat.accept(false);
            return;
        }
        current.redeem(token, roomId, roomType).whenComplete((open, failure) -> {
            boolean used = failure == null && open >= 0;
            if (used) {
                // its player is on its way into the room: the seat is no longer held for it
                stillOpen(roomId, open);
            }
            seat.accept(used);
            if (used) {
                seatCounted(roomId);
            }
        });
    }

    @Override
    public boolean isJoinOrCreateToken(String seatToken) {
        return Placer.isJoinOrCreateToken(seatToken);
    }

    @Override
    public void forfeit(String seatToken, String roomId, Consumer<String> roomType) {
        Placer current = placer;
        if (current == null) {
            roomType.accept(null);
            return;
        }
        current.forfeit(seatToken, roomId, used -> {
            if (used != null) {
                // its player sits elsewhere: the seat is no longer held for it
                stillOpen(roomId, used.open());
            }
            roomType.accept(used == null ? null : used.type());
        });
    }

    /** Whether Redis was reachable at the last heartbeat: local joins then take their seats in Redis too. */
    @Override
    public boolean takesSeats() {
        return placer != null && !failing;
    }

    @Override
    public void takeSeat(String roomId, int capacity, Consumer<Boolean> seat) {
        Placer current = placer;
        if (current == null) {
            seat.accept(true);
            return;
        }
        current.take(roomId, capacity, result -> {
            if (result > 0) {
                seat.accept(true);
                if (result != Placer.UNCHECKED) {
                    seatCounted(roomId);
                }
                return;
            }
            if (result < 0) {
                // Redis counts seats held for players on their way that this node learns of at its next beat
                openSeats.merge(roomId, (int) -result, Math::max);
            }
            seat.accept(false);
        });
    }

    /** Room {@code roomId} has {@code open} reservations still open, as a redemption or forfeit just counted. */
    private void stillOpen(String roomId, int open) {
        if (open > 0) {
            openSeats.put(roomId, open);
        } else {
            openSeats.remove(roomId);
        }
    }

    /**
     * A seat taken or redeemed in Redis for room {@code roomId} is counted here now (the engine did so
     * before this call): a snapshot taken from now on counts it, so the next beat, woken at once, settles
     * it out of the room's {@code redeemed} count. Until then Redis counts it twice, erring on the full side.
     */
    private void seatCounted(String roomId) {
        redeemed.add(new Redeemed(roomId, System.nanoTime()));
        wake.release();
    }

    @Override
    public int openReservations(String roomId) {
        return openSeats.getOrDefault(roomId, 0);
    }

    /** Marks this node draining in Redis (at once, on the heartbeat thread): placement skips it from now on. */
    @Override
    public void draining() {
        draining = true;
        wake.release();
    }

    /** Stops the heartbeat, then deletes this node's entry and its rooms' entries. Idempotent. */
    @Override
    public void close() {
        stopHeartbeat();
        stopCommands();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (rooms != null) {
                    Pipeline pipeline = connection().pipelined();
                    pipeline.del(keysToDelete());
                    LiveNodes.remove(pipeline, nodeId);
                    pipeline.sync();
                }
            } catch (JedisException e) {
                LOG.warn("node {} could not remove itself from Redis at {}: {}", nodeId, config.redisUri(),
                        e.getMessage());
            } finally {
                disconnect();
            }
        }
    }

    /** Stops the heartbeat and drops the connection, leaving the entries to expire: a crash, for tests. */
    synchronized void halt() {
        stopHeartbeatLocked();
        stopCommands();
        closed = true;
        disconnect();
    }

    private void stopHeartbeat() {
        Thread thread;
        synchronized (this) {
            thread = heartbeat;
            running = false;
        }
        if (thread != null) {
            wake.release();
            try {
                thread.join(config.nodeTtlMs() + config.connectTimeoutMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized void stopCommands() {
        if (placer != null) {
            placer.close();
        }
        if (commands != null) {
            commands.close();
        }
    }

    private void stopHeartbeatLocked() {
        running = false;
        wake.release();
    }

    private void beat() {
        long intervalMs = Math.max(1, config.nodeTtlMs() / 3);
        long intervalNs = TimeUnit.MILLISECONDS.toNanos(intervalMs);
        while (running) {
            try {
                long waitNs = Math.max(0, fullBeatNs + intervalNs - System.nanoTime());
                if (wake.tryAcquire(waitNs, TimeUnit.NANOSECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (!running) {
                    return;
                }
                try {
                    sync(failing || System.nanoTime() - fullBeatNs >= intervalNs);
                    if (failing) {
                        failing = false;
                        LOG.info("node {} reached Redis at {} again and registered", nodeId, config.redisUri());
                    }
                } catch (JedisException | IllegalStateException e) {
                    disconnect();
                    slots.dropSpare();
                    fullBeatNs = System.nanoTime(); // the next try is a full beat, an interval from now
                    if (!failing) {
                        failing = true;
                        LOG.warn("node {} lost Redis at {}: {}; retrying every {} ms", nodeId, config.redisUri(),
                                e.getMessage(), intervalMs);
                    }
                }
            }
        }
    }

    /** A seat redeemed in room {@code roomId} at {@code atNs} ({@link System#nanoTime()}). */
    private record Redeemed(String roomId, long atNs) {
    }

    /**
     * Publishes this node and its rooms and deletes the entries of removed rooms. A full beat
     * ({@code full}, every third of the TTL) writes every entry, renews their TTLs, reads the open
     * reservations of this node's rooms and the whole registry into a new {@link ClusterView}. A beat
     * woken by a change in between writes only the entries that changed, reads the open reservations
     * only when the node's {@code reserved} count moved or some are still open, and patches this
     * node's own rooms into the view it has: no scan on the join path. The seats redeemed before the
     * snapshot leave their rooms' {@code redeemed} count only after the snapshot's {@code seats},
     * which count them, are written.
     */
    private void sync(boolean full) {
        long snapshotNs = System.nanoTime();
        List<Redeemed> settled = new ArrayList<>();
        Map<String, Integer> settledByRoom = new HashMap<>();
        for (Redeemed seat : redeemed) {
            if (seat.atNs() - snapshotNs < 0) {
                settled.add(seat);
                settledByRoom.merge(seat.roomId(), 1, Integer::sum);
            }
        }
        List<RoomSnapshot> now = rooms.get();
        Map<String, Map<String, String>> written = new HashMap<>();
        long ttlMs = config.nodeTtlMs();
        int seats = 0;
        Pipeline pipeline = connection().pipelined();
        String node = RedisKeys.node(nodeId);
        if (publishedNode == null) {
            pipeline.del(node); // room entries a previous process with this id may have left
        }
        Map<String, String> nodeUpdate = new HashMap<>();
        for (RoomSnapshot room : now) {
            seats += room.seatsTaken();
            String key = RedisKeys.room(room.id());
            Map<String, String> fields = Map.of("id", room.id(), "type", room.type(), "node", nodeId,
                    "address", address, "players", Integer.toString(room.players()),
                    "capacity", Integer.toString(room.capacity()), "label", room.label(),
                    "locked", flag(room.locked()), "private", flag(room.privateRoom()),
                    "seats", Integer.toString(room.seatsTaken()));
            written.put(room.id(), fields);
            Map<String, String> before = published.get(room.id());
            if (full || !fields.equals(before)) {
                pipeline.hset(key, fields);
                nodeUpdate.put(ClusterView.roomField(room.id()), ClusterView.entryValue(room));
            }
            if (full || before == null) {
                pipeline.pexpire(key, ttlMs);
            }
            Integer count = settledByRoom.get(room.id());
            if (count != null) {
                SeatReservations.settle(pipeline, room.id(), count);
            }
        }
        for (String gone : published.keySet()) {
            if (!written.containsKey(gone)) {
                pipeline.del(RedisKeys.room(gone), RedisKeys.seats(gone));
                pipeline.hdel(node, ClusterView.roomField(gone));
            }
        }
        Map<String, String> nodeFields = Map.of("id", nodeId, "address", address, "load", Integer.toString(seats),
                "rooms", Integer.toString(now.size()), "draining", flag(draining));
        if (full || !nodeFields.equals(publishedNode)) {
            nodeUpdate.putAll(nodeFields);
        }
        if (!nodeUpdate.isEmpty()) {
            pipeline.hset(node, nodeUpdate);
        }
        if (full || publishedNode == null) {
            pipeline.pexpire(node, ttlMs);
            LiveNodes.register(pipeline, nodeId, ttlMs);
        }
        Response<String> reserved = pipeline.hget(node, "reserved");
        List<String> order = new ArrayList<>(written.keySet());
        Response<Object> open = full ? SeatReservations.open(pipeline, order) : null;
        pipeline.sync();
        redeemed.removeAll(settled);
        published.clear();
        published.putAll(written);
        publishedNode = nodeFields;
        boolean moved = !Objects.equals(reserved.get(), reservedSeen);
        reservedSeen = reserved.get();
        if (open != null) {
            keepOpenSeats(order, open.get());
        } else if (moved || !openSeats.isEmpty()) {
            // another node reserved a seat here since the last read, or held seats may have expired
            Pipeline again = connection().pipelined();
            Response<Object> counts = SeatReservations.open(again, order);
            again.sync();
            keepOpenSeats(order, counts.get());
        }
        slots.sync(connection(), written.keySet(), snapshotNs, ttlMs, draining);
        if (full) {
            view = ClusterView.read(jedis);
            fullBeatNs = System.nanoTime();
        } else {
            view = view.withOwnRooms(nodeId, address, now, draining);
        }
    }

    private void keepOpenSeats(List<String> order, Object counts) {
        openSeats.keySet().retainAll(published.keySet());
        List<?> values = (List<?>) counts;
        for (int i = 0; i < order.size(); i++) {
            int open = ((Long) values.get(i)).intValue();
            if (open > 0) {
                openSeats.put(order.get(i), open);
            } else {
                openSeats.remove(order.get(i));
            }
        }
    }

    private String[] keysToDelete() {
        String[] keys = new String[2 * published.size() + 2];
        int i = 0;
        keys[i++] = RedisKeys.node(nodeId);
        keys[i++] = RedisKeys.slots(nodeId);
        for (String id : published.keySet()) {
            keys[i++] = RedisKeys.room(id);
            keys[i++] = RedisKeys.seats(id);
        }
        return keys;
    }

    private Jedis connection() {
        if (jedis == null) {
            jedis = new Jedis(uri, DefaultJedisClientConfig.builder().connectionTimeoutMillis(config.connectTimeoutMs())
                    .socketTimeoutMillis(config.connectTimeoutMs()).clientName("ringside-" + nodeId).build());
        }
        return jedis;
    }

    private void disconnect() {
        if (jedis != null) {
            try {
                jedis.close();
            } catch (JedisException e) {
                LOG.debug("closing the Redis connection failed", e);
            }
            jedis = null;
        }
    }

    private static String flag(boolean value) {
        return value ? "1" : "0";
    }

    private static String defaultAddress(int port) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "127.0.0.1";
        }
        return "ws://" + host + ":" + port + "/ws";
    }
}
