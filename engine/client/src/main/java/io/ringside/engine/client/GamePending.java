package io.ringside.engine.client;

import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.LeaveReason;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The requests of one {@link GameClient} waiting for the server's answer: at most one join, one
 * leave and one room listing. Requests start on any thread; answers (Joined, Left, Error, a close) settle them on the
 * I/O thread. The pending future is set before the request is sent, so an answer can never
 * overtake it.
 */
final class GamePending {
    private final AtomicReference<CompletableFuture<GameRoom>> join = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<LeaveReason>> leave = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<List<GameRoomInfo>>> list = new AtomicReference<>();

    /** Sends a join request through {@code transport}; the future settles on the answer. */
    CompletableFuture<GameRoom> join(GameTransport transport, ByteBuffer envelope) {
        return start(join, transport, envelope, "join");
    }

    /** Sends a leave request through {@code transport}; the future settles on the answer. */
    CompletableFuture<LeaveReason> leave(GameTransport transport, ByteBuffer envelope) {
        return start(leave, transport, envelope, "leave");
    }

    /** Sends a room listing request through {@code transport}; the future settles on the RoomList. */
    CompletableFuture<List<GameRoomInfo>> list(GameTransport transport, ByteBuffer envelope) {
        return start(list, transport, envelope, "room listing");
    }

    void listed(List<GameRoomInfo> rooms) {
        CompletableFuture<List<GameRoomInfo>> waiting = list.getAndSet(null);
        if (waiting != null) {
            waiting.complete(rooms);
        }
    }

    void joined(GameRoom room) {
        CompletableFuture<GameRoom> waiting = join.getAndSet(null);
        if (waiting != null) {
            waiting.complete(room);
        }
    }

    void left(LeaveReason reason) {
        CompletableFuture<LeaveReason> waiting = leave.getAndSet(null);
        if (waiting != null) {
            waiting.complete(reason);
        }
    }

    /**
     * An Error envelope: NOT_IN_ROOM answers a pending leave, UNKNOWN_MESSAGE_TYPE answers a game
     * message (no request), any other code answers a pending join.
     */
    void error(ErrorCode code, String message) {
        if (code == ErrorCode.ERROR_CODE_NOT_IN_ROOM) {
            fail(leave, GameRequestException.refused(code, message));
        } else if (code != ErrorCode.ERROR_CODE_UNKNOWN_MESSAGE_TYPE) {
            fail(join, GameRequestException.refused(code, message));
        }
    }

    /** The connection closed: nothing pending will be answered. */
    void disconnected(int closeCode, String reason) {
        fail(join, GameRequestException.disconnected(closeCode, reason));
        fail(leave, GameRequestException.disconnected(closeCode, reason));
        fail(list, GameRequestException.disconnected(closeCode, reason));
    }

    private static <T> CompletableFuture<T> start(AtomicReference<CompletableFuture<T>> pending,
                                                  GameTransport transport, ByteBuffer envelope, String what) {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (!pending.compareAndSet(null, future)) {
            return CompletableFuture.failedFuture(new IllegalStateException("a " + what + " is already pending"));
        }
        if (!transport.sendBinary(envelope) && pending.compareAndSet(future, null)) {
            future.completeExceptionally(new IllegalStateException(
                    what + " not sent: not connected, or the backlog is full"));
        }
        return future;
    }

    private static <T> void fail(AtomicReference<CompletableFuture<T>> pending, Throwable cause) {
        CompletableFuture<T> waiting = pending.getAndSet(null);
        if (waiting != null) {
            waiting.completeExceptionally(cause);
        }
    }
}
