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
     * issued for this node and that target, and is neither used nor expired. Tick thread; must not
     * block (complete the stage on a thread of the registry's).
     */
    default CompletionStage<Boolean> redeem(String token, String roomId, String roomType) {
        return CompletableFuture.completedFuture(false);
    }

    /**
     * Whether seat token {@code seatToken} was issued for a join-or-create (the registry placed a join by
     * type in a room with a free seat as it counted them), rather than for a join of a room named by
     * id. Such a player may be seated in another room of the type when its room has no seat left for
     * it (its owner seated players directly since the registry last counted), as a join-or-create here
     * would be. Only the token's form is looked at; {@link #redeem} and {@link #placeInstead} still
     * check it. I/O thread; must not block.
     */
    default boolean isJoinOrCreateToken(String seatToken) {
        return false;
    }

    /**
     * Places a join whose seat token ({@link #isJoinOrCreateToken a join-or-create's}) was issued for
     * room {@code roomId} of this server, of type {@code roomType}, which has no seat for it now, and
     * no other room of the type here has one free either: the registry uses the token up (refusing
     * the join with SEAT_RESERVATION_REJECTED if it is forged, used or expired, as {@link #redeem}
     * would), gives back the seat it held in that room, and places the join as a fresh join-or-create
     * of {@code roomType}, answering as {@link #place} does ({@link Placement#local()}: a room of the
     * type on this server, a new one if none has a free seat). I/O thread; must not block.
     */
    default void placeInstead(String seatToken, String roomId, String roomType, Consumer<Placement> answer) {
        answer.accept(Placement.refused(ErrorCode.ERROR_CODE_ROOM_FULL, "room " + roomId + " is full"));
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
