package io.ringside.engine.internal;

import java.util.List;

/**
 * Not an API: one live room as the monitor shows it, taken on the room's tick thread at the end of a tick.
 *
 * @param id          the room's id
 * @param roomType    its type's name
 * @param label       the label listings show ({@code ""} when unset)
 * @param locked      whether it is out of matchmaking (see {@code Room.lock})
 * @param privateRoom whether it is joined by id only
 * @param capacity    its seats
 * @param shard       the index of the shard (tick thread) it runs on
 * @param players     its joined players, held seats included, in join order
 */
public record RoomView(String id, String roomType, String label, boolean locked, boolean privateRoom, int capacity,
                       int shard, List<PlayerView> players) {

    /**
     * One joined player.
     *
     * @param sessionId the player's id (the session id other players see)
     * @param identity  what the auth handler accepted its connection as, as text; {@code null} without one
     * @param connected whether its connection is up ({@code false} while its seat is held after a drop)
     * @param rttNs     the last round-trip time the transport measured on its connection, in
     *                  nanoseconds; -1 before the first sample or with RTT probes off
     */
    public record PlayerView(String sessionId, String identity, boolean connected, long rttNs) {
    }
}
