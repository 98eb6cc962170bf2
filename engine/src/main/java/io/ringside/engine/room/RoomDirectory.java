package io.ringside.engine.room;

import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.RoomInfo;
import io.ringside.protocol.envelope.RoomList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Matchmaking: every live room by id and by type, and the seats taken in each. Joins are rare, so
 * one lock guards it all; I/O threads reserve seats here, tick threads release them.
 *
 * <p>A seat is reserved when a join is routed to a room and released when the join is rejected or
 * the player leaves, so a room never takes more than its capacity even with joins in flight, and
 * an empty room with a join on its way is not disposed. A seat held for a reconnect stays taken;
 * its reconnect token maps back to its {@link Player} here until it is used, rotated or revoked.
 *
 * <p>A locked room ({@link Room#lock()}) takes no new reservation: join-or-create passes it by,
 * join by id is refused with ROOM_LOCKED and listings leave it out. Reconnect tokens still work, and
 * a join reserved before the lock still arrives and goes through the room's onJoinAttempt.
 *
 * <p>Rooms are capped: at most {@code maxRooms} live on the server, and at most
 * {@code maxRoomsPerClient} live rooms were created by one connection (its session); a join that
 * would create one more is refused with ROOM_LIMIT. A room stops counting when it is unlisted.
 */
final class RoomDirectory {
    private static final int ID_BYTES = 9;
    private static final int TOKEN_BYTES = 18;

    private final Map<String, RoomType> types;
    private final Shard[] shards;
    private final Map<String, RoomCore> byId = new HashMap<>();
    private final Map<String, List<RoomCore>> byType = new HashMap<>();
    private final Map<String, Player> seats = new HashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final RoomRegistry registry;
    private final int maxRooms;
    private final int maxRoomsPerClient;
    // live rooms by the connection (session) whose join created them; entries at 0 are removed
    private final Object2IntOpenHashMap<Object> createdBy = new Object2IntOpenHashMap<>();
    final GameCounters counters;
    private volatile boolean draining;

    RoomDirectory(Map<String, RoomType> types, Shard[] shards) {
        this(types, shards, null);
    }

    /** A directory that tells {@code registry} (none when {@code null}) of its changes and lists from it. */
    RoomDirectory(Map<String, RoomType> types, Shard[] shards, RoomRegistry registry) {
        this(types, shards, registry, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** A directory as above that holds at most {@code maxRooms}, {@code maxRoomsPerClient} per creator. */
    RoomDirectory(Map<String, RoomType> types, Shard[] shards, RoomRegistry registry, int maxRooms,
                  int maxRoomsPerClient) {
        this.maxRooms = maxRooms;
        this.maxRoomsPerClient = maxRoomsPerClient;
        this.types = Map.copyOf(types);
        this.counters = new GameCounters(types.size());
        this.shards = shards;
        this.registry = registry;
    }

    /**
     * The outcome of routing a join: a room with a seat reserved, or why not, with the room type the
     * join was for ({@code null} when it named no known type or room).
     */
    record Reservation(RoomCore room, RoomType type, ErrorCode error, String message) {
        static Reservation refused(RoomType type, ErrorCode error, String message) {
            return new Reservation(null, type, error, message);
        }
    }

    /** The outcome of presenting a reconnect token: the player whose seat it takes back, or why not. */
    record Claim(Player player, String refusal) {
        static Claim refused(String refusal) {
            return new Claim(null, refusal);
        }
    }

    /**
     * Reserves a seat in a public room of {@code type} with one free, or in a new room created by
     * {@code creator} (the joining session; {@code null} counts against no client's cap).
     */
    synchronized Reservation joinOrCreate(String type, Map<String, String> options, Object creator) {
        RoomType roomType = types.get(type);
        if (roomType == null) {
            return Reservation.refused(null, ErrorCode.ERROR_CODE_UNKNOWN_ROOM_TYPE, "unknown room type: " + type);
        }
        if (draining) {
            return drainingRefusal(roomType);
        }
        for (RoomCore room : byType.getOrDefault(type, List.of())) {
            if (!room.privateRoom && !room.locked && free(room, false) > 0) {
                return reserve(room);
            }
        }
        Reservation capped = capped(roomType, creator);
        return capped != null ? capped : reserve(create(roomType, false, options, creator));
    }

    /**
     * Reserves a seat in a public room of {@code type} on this server with one free; {@code null}
     * when there is none (cluster mode then asks the registry where a new room goes).
     */
    synchronized Reservation joinExisting(String type) {
        Reservation found = findExisting(type);
        return found == null || found.room() == null ? found : reserve(found.room());
    }

    /**
     * Holds a seat of the public room of {@code type} on this server that {@link #joinExisting} would
     * reserve one in, while the registry takes it ({@link RoomRegistry#takeSeat}): it counts against
     * the room's free seats for other joins, and the room is not disposed, until {@link #takeHeld}.
     * Returns a refusal, or {@code null} when no room has a free seat.
     */
    synchronized Reservation holdExisting(String type) {
        Reservation found = findExisting(type);
        if (found != null && found.room() != null) {
            found.room().taking++;
        }
        return found;
    }

    /**
     * {@link #holdExisting} for a join of room {@code id}: the room held, or why it has no seat for it;
     * {@code reserved}: for a player holding a seat reservation, as {@link #joinById(String, boolean)}.
     */
    synchronized Reservation holdById(String id, boolean reserved) {
        RoomCore room = byId.get(id);
        Reservation refused = refusal(room, id, reserved);
        if (refused != null) {
            return refused;
        }
        room.taking++;
        return new Reservation(room, room.type, null, null);
    }

    /**
     * Ends a hold of {@link #holdExisting} or {@link #holdById} on {@code room}: with {@code taken}
     * (the registry took the seat) reserves it as {@link #joinById joinById(id, true)} would and
     * returns that; else returns {@code null}.
     */
    synchronized Reservation takeHeld(RoomCore room, boolean taken) {
        room.taking--;
        return taken ? joinById(room.id, true) : null;
    }

    private Reservation findExisting(String type) {
        RoomType roomType = types.get(type);
        if (roomType == null) {
            return Reservation.refused(null, ErrorCode.ERROR_CODE_UNKNOWN_ROOM_TYPE, "unknown room type: " + type);
        }
        if (draining) {
            return drainingRefusal(roomType);
        }
        for (RoomCore room : byType.getOrDefault(type, List.of())) {
            if (!room.privateRoom && !room.locked && free(room, false) > 0) {
                return new Reservation(room, roomType, null, null);
            }
        }
        return null;
    }

    /** Whether room {@code id} lives on this server. Any thread. */
    synchronized boolean hasRoom(String id) {
        return byId.containsKey(id);
    }

    /** The cluster's registry, or {@code null} when this server runs alone. */
    RoomRegistry registry() {
        return registry;
    }

    /**
     * Reserves a seat in a new room of {@code type}, public or private (joined by id only), created by
     * {@code creator} ({@code null}: no client).
     */
    synchronized Reservation create(String type, boolean privateRoom, Map<String, String> options, Object creator) {
        RoomType roomType = types.get(type);
        if (roomType == null) {
            return Reservation.refused(null, ErrorCode.ERROR_CODE_UNKNOWN_ROOM_TYPE, "unknown room type: " + type);
        }
        if (draining) {
            return drainingRefusal(roomType);
        }
        Reservation capped = capped(roomType, creator);
        return capped != null ? capped : reserve(create(roomType, privateRoom, options, creator));
    }

    /** A ROOM_LIMIT refusal when one more room would be over a cap, else {@code null}. */
    private Reservation capped(RoomType type, Object creator) {
        if (byId.size() >= maxRooms) {
            return Reservation.refused(type, ErrorCode.ERROR_CODE_ROOM_LIMIT, "the server holds " + byId.size()
                    + " rooms, the most it takes (maxRooms); join an existing room or try later");
        }
        if (creator != null && createdBy.getInt(creator) >= maxRoomsPerClient) {
            return Reservation.refused(type, ErrorCode.ERROR_CODE_ROOM_LIMIT, "this connection created "
                    + maxRoomsPerClient + " rooms that are still open, the most one may (maxRoomsPerClient)");
        }
        return null;
    }

    /** Live rooms {@code creator} created. Any thread. */
    synchronized int roomsCreatedBy(Object creator) {
        return createdBy.getInt(creator);
    }

    /** Reserves a seat in the room with id {@code id}. */
    synchronized Reservation joinById(String id) {
        return joinById(id, false);
    }

    /**
     * Reserves a seat in the room with id {@code id}; {@code reserved}: for a player holding a seat
     * reservation of another node's, whose seat the room's open reservations count.
     */
    synchronized Reservation joinById(String id, boolean reserved) {
        RoomCore room = byId.get(id);
        Reservation refused = refusal(room, id, reserved);
        return refused != null ? refused : reserve(room);
    }

    /** Why a join of room {@code id} ({@code room}, or {@code null} when none) gets no seat, or {@code null}. */
    private Reservation refusal(RoomCore room, String id, boolean reserved) {
        if (room == null) {
            return Reservation.refused(null, ErrorCode.ERROR_CODE_ROOM_NOT_FOUND, "no room " + id);
        }
        if (draining) {
            return drainingRefusal(room.type);
        }
        if (room.locked) {
            return Reservation.refused(room.type, ErrorCode.ERROR_CODE_ROOM_LOCKED, "room " + id + " is locked");
        }
        if (free(room, reserved) <= 0) {
            return Reservation.refused(room.type, ErrorCode.ERROR_CODE_ROOM_FULL, "room " + id + " is full");
        }
        return null;
    }

    /**
     * Seats of {@code room} free for a join: its capacity less the seats taken here and, in cluster
     * mode, for a join without a seat reservation ({@code reserved} false), less the seats held while
     * the registry takes them and those other nodes reserved for players still on their way. A player
     * holding a reservation, or whose seat the registry took, had it counted in Redis.
     */
    private int free(RoomCore room, boolean reserved) {
        int free = room.type.options.capacity() - room.reserved;
        return reserved || registry == null ? free : free - room.taking - registry.openReservations(room.id);
    }

    private static Reservation drainingRefusal(RoomType type) {
        return Reservation.refused(type, ErrorCode.ERROR_CODE_SERVER_DRAINING, "server is draining: no new joins");
    }

    /**
     * Stops taking new joins and rooms for good: every join without a reconnect token is refused
     * with SERVER_DRAINING from now on; rooms and their players carry on, held seats can still be
     * taken back. Any thread. Returns {@code true} on the first call only.
     */
    synchronized boolean drain() {
        if (draining) {
            return false;
        }
        draining = true;
        return true;
    }

    /**
     * Waits until no room is left, at most {@code timeoutMs}; returns whether none is. Any thread
     * but a tick thread (which empties it).
     */
    synchronized boolean awaitNoRooms(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!byId.isEmpty()) {
            long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (leftMs <= 0) {
                return false;
            }
            wait(leftMs);
        }
        return true;
    }

    /** Whether {@link #drain()} was called. Any thread. */
    boolean isDraining() {
        return draining;
    }

    /** Live rooms and their players per room type, indexed by {@link RoomType#index}. Any thread. */
    synchronized int[][] roomsAndPlayersByType() {
        int[][] counts = new int[2][types.size()];
        for (RoomCore room : byId.values()) {
            counts[0][room.type.index]++;
            counts[1][room.type.index] += room.playerCount;
        }
        return counts;
    }

    /** The registered type named {@code name}, or {@code null} (also for {@code null}). */
    RoomType type(String name) {
        return name == null ? null : types.get(name);
    }

    /** The registered room types, by {@link RoomType#index}. */
    RoomType[] types() {
        RoomType[] byIndex = new RoomType[types.size()];
        for (RoomType type : types.values()) {
            byIndex[type.index] = type;
        }
        return byIndex;
    }

    /** Takes {@code room} out of matchmaking ({@code true}) or puts it back. Tick thread (its only writer). */
    synchronized void lock(RoomCore room, boolean locked) {
        room.locked = locked;
        changed();
    }

    private void changed() {
        if (registry != null) {
            registry.roomsChanged();
        }
    }

    private Reservation reserve(RoomCore room) {
        room.reserved++;
        room.shard.load++;
        // in cluster mode the registry publishes the seats taken, which other nodes' reservations count
        changed();
        return new Reservation(room, room.type, null, null);
    }

    private RoomCore create(RoomType type, boolean privateRoom, Map<String, String> options, Object creator) {
        Shard shard = shards[0];
        for (Shard candidate : shards) {
            if (candidate.load < shard.load) {
                shard = candidate;
            }
        }
        String id;
        do {
            id = newId(ID_BYTES);
        } while (byId.containsKey(id));
        RoomCore room = new RoomCore(id, type, privateRoom, shard, this, options, creator);
        if (creator != null) {
            createdBy.addTo(creator, 1);
        }
        shard.load++;
        byId.put(id, room);
        byType.computeIfAbsent(type.name, k -> new ArrayList<>()).add(room);
        changed();
        return room;
    }

    private String newId(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Gives {@code player} a new single-use reconnect token, revoking its previous one. Tick thread. */
    synchronized String issueToken(Player player) {
        revokeToken(player);
        String token;
        do {
            token = newId(TOKEN_BYTES);
        } while (seats.containsKey(token));
        seats.put(token, player);
        player.reconnectToken = token;
        return token;
    }

    /** Revokes {@code player}'s reconnect token, if it has one (its seat ended). Tick thread. */
    synchronized void revokeToken(Player player) {
        if (player.reconnectToken != null) {
            seats.remove(player.reconnectToken);
            player.reconnectToken = null;
        }
    }

    /**
     * Uses up {@code token} to take back its seat in room {@code roomId}. A token of another room is
     * refused and stays valid, and so does one presented by a connection with another identity (auth
     * handler) than the seat's. I/O thread; the room's tick thread still checks that the seat is held.
     */
    synchronized Claim claim(String roomId, String token, Object identity) {
        RoomCore room = byId.get(roomId);
        if (room == null) {
            return Claim.refused("no room " + roomId);
        }
        if (room.type.options.reconnectGraceMs() == 0) {
            return Claim.refused("room type " + room.type.name + " holds no seats (reconnectGraceMs=0)");
        }
        Player player = seats.get(token);
        if (player == null) {
            return Claim.refused("unknown, used or expired reconnect token");
        }
        if (player.room != room) {
            return Claim.refused("reconnect token of another room");
        }
        if (!Objects.equals(player.identity(), identity)) {
            return Claim.refused("reconnect token of another identity");
        }
        seats.remove(token);
        player.reconnectToken = null;
        return new Claim(player, null);
    }

    /** Gives back a seat (join rejected or player left). Tick thread. */
    synchronized void release(RoomCore room) {
        if (byId.get(room.id) != room) {
            return;
        }
        room.reserved--;
        room.shard.load--;
        changed();
    }

    /** Unlists {@code room} if no seat is taken, reserved or held; {@code true} if it may be disposed. Tick thread. */
    synchronized boolean removeIfIdle(RoomCore room) {
        if (room.reserved > 0 || room.taking > 0) {
            return false;
        }
        remove(room);
        return true;
    }

    /** Unlists {@code room} whatever its seats (failure, close, shutdown). Tick thread. */
    synchronized void remove(RoomCore room) {
        if (byId.remove(room.id) == null) {
            return;
        }
        if (room.creator != null && createdBy.addTo(room.creator, -1) == 1) {
            createdBy.removeInt(room.creator);
        }
        List<RoomCore> rooms = byType.get(room.type.name);
        rooms.remove(room);
        if (rooms.isEmpty()) {
            byType.remove(room.type.name);
        }
        room.shard.load -= 1 + room.reserved;
        room.reserved = 0;
        changed();
        if (byId.isEmpty()) {
            notifyAll();
        }
    }

    /**
     * The public, unlocked rooms of {@code type} with their player counts and labels: of every node
     * when a registry is set, else of this server. Any thread.
     */
    RoomList list(String type) {
        return registry != null ? registry.list(type) : listLocal(type);
    }

    /** This server's public, unlocked rooms of {@code type}. Any thread. */
    synchronized RoomList listLocal(String type) {
        RoomList.Builder list = RoomList.newBuilder().setRoomType(type);
        for (RoomCore room : byType.getOrDefault(type, List.of())) {
            if (!room.privateRoom && !room.locked) {
                list.addRooms(RoomInfo.newBuilder().setRoomId(room.id).setRoomType(type)
                        .setPlayers(room.playerCount).setCapacity(room.type.options.capacity())
                        .setLabel(room.label));
            }
        }
        return list.build();
    }

    /** Every live room of this server as a registry publishes it. Any thread. */
    synchronized List<RoomSnapshot> snapshot() {
        List<RoomSnapshot> rooms = new ArrayList<>(byId.size());
        for (RoomCore room : byId.values()) {
            rooms.add(new RoomSnapshot(room.id, room.type.name, room.playerCount, room.type.options.capacity(),
                    room.label, room.locked, room.privateRoom, room.reserved));
        }
        return rooms;
    }

    /** The live room with id {@code id}, or {@code null}. Any thread. */
    synchronized RoomCore find(String id) {
        return byId.get(id);
    }

    /** Every live room, for shutdown. */
    synchronized List<RoomCore> rooms() {
        return new ArrayList<>(byId.values());
    }

    boolean hasType(String type) {
        return types.containsKey(type);
    }
}
