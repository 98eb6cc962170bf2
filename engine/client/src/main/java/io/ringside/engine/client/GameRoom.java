package io.ringside.engine.client;

import io.ringside.protocol.envelope.Joined;

/**
 * The room a {@link GameClient} was seated in, as the server's Joined envelope described it.
 *
 * @param sessionId this client's session in the room
 * @param roomId the room's id, for {@link GameClient#join(String, java.util.Map, String)}
 * @param roomType the room's type
 * @param tickRateHz how many ticks per second the room runs
 * @param joinTick the room's tick when the server sent Joined
 * @param reconnectToken what {@link GameClient#rejoin()} presents to take the seat back after a drop,
 *                       within the room type's reconnect grace; single use (each Joined brings a new
 *                       one), empty when the room type holds no seats
 */
public record GameRoom(String sessionId, String roomId, String roomType, int tickRateHz, long joinTick,
                       String reconnectToken) {
    static GameRoom from(Joined joined) {
        return new GameRoom(joined.getSessionId(), joined.getRoomId(), joined.getRoomType(), joined.getTickRateHz(),
                joined.getCurrentTick(), joined.getReconnectToken());
    }
}
