package io.ringside.engine.room;

/**
 * One room of this server as a {@link RoomRegistry} sees it: what a global listing shows of it.
 *
 * @param id          the room id
 * @param type        its room type
 * @param players     players in it now
 * @param capacity    most players it takes
 * @param label       its listing label (map, mode...), never null
 * @param locked      whether it takes no new joins ({@link Room#lock()})
 * @param privateRoom whether it is joined by id only and left out of listings
 * @param seatsTaken  seats taken: players, seats held for a reconnect and joins still being decided
 */
public record RoomSnapshot(String id, String type, int players, int capacity, String label, boolean locked,
        boolean privateRoom, int seatsTaken) {
}
