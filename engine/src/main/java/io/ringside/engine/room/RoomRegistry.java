package io.ringside.engine.room;

import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.RoomList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Extension point for a registry of rooms shared by several servers (the {@code ringside-cluster}
 * module implements it on Redis). A server without one keeps every room in its own directory and
 * answers listings from it; a server with one publishes its rooms there and answers listings from it.
 *
 * <p>Only {@link #start} and {@link #close} may block. Every other method is called on tick and
 * I/O threads and must return at once, e.g. by waking a thread of the registry's own and answering
 * from a cache it keeps. The defaults of the join-routing methods keep every join on this server.
 */
public interface RoomRegistry {
    /**
     * Registers this node and starts publishing its rooms; called once by {@code RingsideServer.start()}
     * after the port is bound. Throws if the registry is unreachable, naming its address; the
     * server then does not start.
     *
     * @param port  the bound port of the game endpoint
     * @param rooms this server's rooms now, on every call (any thread, takes a short lock)
     */
    void start(int port, Supplier<List<RoomSnapshot>> rooms);

    /** A room was created, removed, locked or unlocked on this server. Tick or I/O thread; must not block. */
    void roomsChanged();

    /** The public, unlocked rooms of {@code type} on every node, for ListRooms. I/O thread; must not block. */
    RoomList list(String type);

    /** Removes this node and its rooms from the registry and releases its resources. Idempotent. */
    void close();

    /**
     * Decides where a join goes that this server cannot seat in a room of its own: a join-or-create
     * of {@code roomType} with no free seat here ({@code roomId} null), or a join of room
     * {@code roomId} that is not on this server ({@code roomType} null). Calls {@code answer} once,
     * at once or later on a thread of the registry's. {@link Placement#local()} seats the join on this
     * server: answered at once, on the calling I/O thread; answered later (join-or-create only), through
     * the tick thread of the room it goes to, on the connection it came on. A local answer given later
     * to a join by id is refused with NODE_UNAVAILABLE. I/O thread; must not block.
     */
    default void place(String roomType, String roomId, Consumer<Placement> answer) {
        answer.accept(roomId == null ? Placement.local()
                : Placement.refused(ErrorCode.ERROR_CODE_ROOM_NOT_FOUND, "no room " + roomId));
    }

    /**
     * The public address of the node that holds room {@code roomId} when it is another node, for a
     * reconnect to go there; {@code null} when unknown. I/O thread; must not block.
     */
    default String addressOf(String roomId) {
        return null;
    }

    /**
     * Uses up a seat token presented to this server for room {@code roomId} (or, with an empty
     * {@code roomId}, for a new room of {@code roomType}); completes with {@code true} if it was
     * issued for this node and that target, and is neither used nor expired. The engine calls it for
     * a new room's token, once the room is made ({@link #redeemSeat} for an existing room's). Tick
     * thread; must not block (complete the stage on a thread of the registry's).
     */
    default CompletionStage<Boolean> redeem(String token, String roomId, String roomType) {
        return CompletableFuture.completedFuture(false);
    }

    /**
     * Uses up seat token {@code token}, presented to this server for its room {@code roomId} of type
     * {@code roomType}, before the player takes its seat there: calls {@code seat} once, at once or
     * later on a thread of the registry's, with whether the token was issued for this node and room
     * and is neither used nor expired. Until then the registry counts the seat as reserved, and from
     * then as redeemed, until this server publishes a snapshot of its rooms taken after {@code seat}
     * returned, which must therefore count the seat in its room before returning (or not at all, if
     * the room cannot seat the player after all). So the registry never counts a player both as
     * reserved and as seated in the room. I/O thread; must not block. The default uses {@link #redeem}.
     */
    default void redeemSeat(String token, String roomId, String roomType, Consumer<Boolean> seat) {
        redeem(token, roomId, roomType).whenComplete((redeemed, failure) ->
                seat.accept(failure == null && Boolean.TRUE.equals(redeemed)));
    }

    /**
     * Whether seat token {@code seatToken} was issued for a join-or-create (the registry placed a join by
     * type in a room with a free seat as it counted them), rather than for a join of a room named by
     * id. Such a player is placed again by type when its room cannot seat it on arrival (locked, no
     * seat left, or disposed since), as a join-or-create here would be ({@link #forfeit}). Only the
     * token's form is looked at; {@link #redeem} and {@link #forfeit} still check it. I/O thread; must
     * not block.
     */
    default boolean isJoinOrCreateToken(String seatToken) {
        return false;
    }

    /**
     * Uses up a join-or-create's seat token ({@link #isJoinOrCreateToken}) issued for room {@code roomId}
     * of this server, whose player will not sit there (the room is locked, has no seat left for it, or
     * is gone), and gives back the seat it held there; calls {@code roomType} once with the room type
     * the token was issued for, as the registry recorded it when it reserved the seat (never what the
     * client says), or with {@code null} when the token is forged, used, expired or issued for another
     * node or room, or the registry cannot be reached. The engine then places the player as a
     * join-or-create of that type. Called on an I/O thread, answers at once or later on a thread of the
     * registry's; must not block.
     */
    default void forfeit(String seatToken, String roomId, Consumer<String> roomType) {
        roomType.accept(null);
    }

    /**
     * Whether a join this server seats directly in one of its existing rooms must first take its seat
     * in the registry ({@link #takeSeat}), so that it cannot take a seat another node reserved there
     * since this server last learned of its reservations. {@code false} (the default, and while the
     * registry cannot be reached): the room's own count decides, less {@link #openReservations}. Any
     * thread; must not block.
     */
    default boolean takesSeats() {
        return false;
    }

    /**
     * Takes a seat of this server's room {@code roomId} (of {@code capacity} seats) in the registry for
     * a player this server seats there directly, if the registry counts one free (seats published,
     * taken since, and reserved for players on their way), atomically with other nodes' reservations.
     * Calls {@code seat} once, at once or later on a thread of the registry's: {@code true} when taken
     * (or the registry could not be asked: the room's own count decides), {@code false} when the
     * registry counts the room full. A seat taken counts in the registry until this server publishes
     * a snapshot of its rooms taken after {@code seat} returned, which must therefore count the seat
     * in its room before returning (or not at all, if the room turned out full or gone). I/O thread;
     * must not block.
     */
    default void takeSeat(String roomId, int capacity, Consumer<Boolean> seat) {
        seat.accept(true);
    }

    /**
     * Seats of this server's room {@code roomId} that other nodes reserved and whose players have
     * not arrived yet: the room keeps them free, so a local join cannot take a seat promised to a
     * player on its way. Any thread, under the room directory's lock; must not block (answer from a cache).
     */
    default int openReservations(String roomId) {
        return 0;
    }

    /** This server started draining: placement must skip it from now on. Any thread; must not block. */
    default void draining() {
    }
}
