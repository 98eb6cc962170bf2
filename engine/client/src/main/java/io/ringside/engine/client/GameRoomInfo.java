package io.ringside.engine.client;

import io.ringside.protocol.envelope.RoomInfo;

/**
 * One public room in a {@link GameClient#listRooms} answer (a RoomInfo of the server's RoomList).
 *
 * @param roomId the room's id, for {@link GameClient#join(String, java.util.Map, String)}
 * @param roomType the room's type
 * @param players players seated when the list was made
 * @param capacity the most players the room takes
 * @param label what the room shows in lobbies (map, mode...); empty if none
 */
public record GameRoomInfo(String roomId, String roomType, int players, int capacity, String label) {
    static GameRoomInfo from(RoomInfo info) {
        return new GameRoomInfo(info.getRoomId(), info.getRoomType(), info.getPlayers(), info.getCapacity(),
                info.getLabel());
    }
}
