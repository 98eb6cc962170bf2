package io.ringside.engine.client;

import com.google.protobuf.StringValue;
import io.ringside.engine.room.JoinDecision;
import io.ringside.engine.room.JoinRequest;
import io.ringside.engine.room.Room;
import java.util.Map;

/**
 * A small room for the game client's ITs against the real server: CHAT messages are broadcast to
 * every player, the sender included, prefixed with the sender's session id; option {@code label}
 * sets the listing label; auth token {@code bad} is refused.
 */
final class ArenaTestRoom extends Room {
    static final int CHAT = 1;

    @Override
    protected void onCreate(Map<String, String> options) {
        setLabel(options.getOrDefault("label", ""));
        messages().on(CHAT, StringValue.parser(),
                (player, message) -> broadcast(CHAT, StringValue.of(player.sessionId() + ": " + message.getValue())));
    }

    @Override
    protected JoinDecision onJoinAttempt(JoinRequest request) {
        return "bad".equals(request.authToken()) ? JoinDecision.reject("bad token") : JoinDecision.accept();
    }
}
