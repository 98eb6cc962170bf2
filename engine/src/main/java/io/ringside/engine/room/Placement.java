package io.ringside.engine.room;

import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.SeatReservation;

/**
 * Where a {@link RoomRegistry} sends a join this server could not seat in a room of its own: here
 * (a new room on this server), to another node (a {@link SeatReservation} the client follows), or
 * nowhere (an error the client is told).
 *
 * @param reservation the seat on another node, or {@code null}
 * @param error       why the join is refused, or {@code null}
 * @param message     the refusal's text for people, or {@code null}
 */
public record Placement(SeatReservation reservation, ErrorCode error, String message) {
    private static final Placement LOCAL = new Placement(null, null, null);

    /** The join stays on this server (a new room here, or the room it named). */
    public static Placement local() {
        return LOCAL;
    }

    /** The client goes to {@code reservation}'s node with its token. */
    public static Placement redirect(SeatReservation reservation) {
        if (reservation == null) {
            throw new IllegalArgumentException("reservation=null");
        }
        return new Placement(reservation, null, null);
    }

    /** The join is refused with {@code error} and {@code message}. */
    public static Placement refused(ErrorCode error, String message) {
        if (error == null) {
            throw new IllegalArgumentException("error=null");
        }
        return new Placement(null, error, message == null ? "" : message);
    }

    /** Whether the join stays on this server. */
    public boolean isLocal() {
        return reservation == null && error == null;
    }
}
