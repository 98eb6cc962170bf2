package io.ringside.testkit;

import com.google.protobuf.Int64Value;
import com.google.protobuf.StringValue;
import io.ringside.engine.room.JoinDecision;
import io.ringside.engine.room.JoinRequest;
import io.ringside.engine.room.Player;
import io.ringside.engine.room.Room;
import io.ringside.protocol.envelope.LeaveReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small room exercising every callback the kit drives; it records them in {@link #log}. */
final class KitRoom extends Room {
    static final int CHAT = 1;
    static final int KICK_ME = 2;
    static final int LOCK = 3;
    static final int CLOSE = 4;
    static final int BOOM = 5;
    static final int LATER = 6;

    final List<String> log = new ArrayList<>();
    Map<String, String> createOptions;
    long ticks;

    @Override
    protected void onCreate(Map<String, String> options) {
        createOptions = options;
        setLabel(options.getOrDefault("label", ""));
        messages().on(CHAT, StringValue.parser(), (player, chat) -> broadcastExcept(player, CHAT, chat))
                .onRaw(KICK_ME, (player, bytes, offset, length) -> kick(player, "asked for it"))
                .onRaw(LOCK, (player, bytes, offset, length) -> lock())
                .onRaw(CLOSE, (player, bytes, offset, length) -> close())
                .onRaw(BOOM, (player, bytes, offset, length) -> {
                    throw new IllegalStateException("boom");
                })
                .on(LATER, Int64Value.parser(), (player, delay) ->
                        schedule(delay.getValue(), () -> send(player, LATER, Int64Value.of(currentTick()))));
    }

    @Override
    protected JoinDecision onJoinAttempt(JoinRequest request) {
        String authorization = request.handshake().header("Authorization");
        if (authorization != null && !authorization.equals("Bearer good")) {
            return JoinDecision.reject("bad authorization");
        }
        if (!request.authToken().isEmpty() && !request.authToken().equals("good")) {
            return JoinDecision.reject("bad token");
        }
        return JoinDecision.accept();
    }

    @Override
    protected void onJoin(Player player) {
        log.add("join " + player.joinRequest().options().getOrDefault("name", "?"));
    }

    @Override
    protected void onTick(long tick, long dtNanos) {
        ticks++;
    }

    @Override
    protected void onLeave(Player player, LeaveReason reason) {
        log.add("leave " + player.joinRequest().options().getOrDefault("name", "?") + " " + reason);
    }

    @Override
    protected void onDisconnect(Player player) {
        log.add("disconnect " + player.joinRequest().options().getOrDefault("name", "?"));
    }

    @Override
    protected void onReconnect(Player player) {
        log.add("reconnect " + player.joinRequest().options().getOrDefault("name", "?"));
    }

    @Override
    protected void onDispose() {
        log.add("dispose");
    }
}
