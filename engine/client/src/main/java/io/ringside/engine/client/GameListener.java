package io.ringside.engine.client;

import com.google.protobuf.ByteString;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.LeaveReason;
import java.util.List;

/**
 * Receives the framework events of a {@link GameClient}; the game's own messages go to the
 * handlers registered with {@link GameClient#on}.
 *
 * <p>Which thread calls it depends on {@link GameClientConfig#delivery()}: with
 * {@link GameClientConfig.Delivery#CALLBACK} the connection's I/O thread, one call at a time (keep
 * them short, never block: thousands of clients share that thread); with
 * {@link GameClientConfig.Delivery#POLL} the thread calling {@link GameClient#poll}. The client's
 * state ({@link GameClient#room()}, RTT, tick estimate) is updated before the event is delivered.
 * All methods default to doing nothing.
 */
public interface GameListener {
    /** The server seated this client in {@code room} (a Joined envelope). */
    default void onJoined(GameClient client, GameRoom room) {
    }

    /** The client is no longer in its room (a Left envelope): it left, was kicked, or the room closed. */
    default void onLeft(GameClient client, LeaveReason reason, String message) {
    }

    /** The server reported an error (an Error envelope), e.g. a refused join or an unknown message type. */
    default void onError(GameClient client, ErrorCode code, String message) {
    }

    /** A RoomList answered a {@link GameClient#listRooms}: the public rooms of {@code roomType}. */
    default void onRoomList(GameClient client, String roomType, List<GameRoomInfo> rooms) {
    }

    /**
     * A Pong answered a {@link GameClient#ping()}: {@code rttNs} is this sample, in nanoseconds;
     * {@code serverTick} the tick the server was at when it answered.
     */
    default void onPong(GameClient client, long rttNs, long serverTick) {
    }

    /** A game message of a type no handler is registered for; {@code payload} is a copy. */
    default void onUnknownMessage(GameClient client, int type, ByteString payload) {
    }

    /**
     * The connection closed (RFC 6455 §7.1.5): {@code closeCode} is the code received, the one this
     * client sent when it failed the connection, or 1006 without a close frame; {@code remote} says
     * whether the server began it. Delivered once per connection, always (even when the poll queue
     * is full). To take the seat back after a drop, {@link GameClient#connect()} then
     * {@link GameClient#rejoin()}, except after {@link GameClient#CLOSE_SEAT_TAKEN_OVER}.
     */
    default void onDisconnected(GameClient client, int closeCode, String reason, boolean remote) {
    }

    /**
     * Something went wrong that the server did not report as an error: a malformed envelope or game
     * payload from the server, an I/O or protocol failure, or (callback delivery) an exception thrown
     * by a handler or by this listener.
     */
    default void onFailure(GameClient client, Throwable error) {
    }
}
