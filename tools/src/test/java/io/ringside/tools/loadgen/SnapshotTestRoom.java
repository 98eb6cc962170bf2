package io.ringside.tools.loadgen;

import com.google.protobuf.BytesValue;
import com.google.protobuf.Int64Value;
import io.ringside.engine.room.Player;
import io.ringside.engine.room.Room;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A game room for the load generator's game-mode test: counts the inputs it receives (type 1,
 * BytesValue, and its declared input type, BytesValue too), welcomes each player once (type 3,
 * empty) and broadcasts a snapshot (type 2, the tick number) to every player on every tick.
 */
final class SnapshotTestRoom extends Room {
    static final int INPUT = 1;
    static final int SNAPSHOT = 2;
    static final int WELCOME = 3;
    static final AtomicLong INPUTS = new AtomicLong();
    static final AtomicLong DECLARED_INPUTS = new AtomicLong();

    @Override
    protected void onCreate(Map<String, String> options) {
        messages().on(INPUT, BytesValue.parser(), (player, input) -> INPUTS.incrementAndGet());
        inputs().declare(BytesValue.parser(), (player, input, seq) -> DECLARED_INPUTS.incrementAndGet());
    }

    @Override
    protected void onJoin(Player player) {
        send(player, WELCOME, Int64Value.of(0));
    }

    @Override
    protected void onTick(long tick, long dtNanos) {
        if (!players().isEmpty()) {
            broadcast(SNAPSHOT, Int64Value.of(tick));
        }
    }
}
