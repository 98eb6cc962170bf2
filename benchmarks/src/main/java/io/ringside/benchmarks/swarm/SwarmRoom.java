package io.ringside.benchmarks.swarm;

import com.google.protobuf.BytesValue;
import com.google.protobuf.UnsafeByteOperations;
import io.ringside.engine.room.Player;
import io.ringside.engine.room.Room;
import java.util.List;
import java.util.Map;

/**
 * The swarm benchmark's game: every player steers a point in a 1,600 × 900 field with its inputs
 * (the last two bytes of each input set its heading), the room moves every player each tick,
 * bouncing off the walls, and broadcasts one latest-only snapshot of every position per tick.
 *
 * <p>Inputs are taken raw (nothing parsed, nothing allocated); the snapshot is written into one
 * array the room keeps and broadcast through a {@code BytesValue} that wraps it, so once warm a
 * tick allocates nothing in the room: what the swarm measures is the framework's path.
 *
 * <pre>
 * snapshot (game message {@value #SNAPSHOT}, a BytesValue), per player in join order:
 * +--------+--------+--------+--------+
 * |  x (u16, BE)    |  y (u16, BE)    |
 * +--------+--------+--------+--------+
 * </pre>
 *
 * <p>Tick thread of the room only.
 */
final class SwarmRoom extends Room {
    /** Game message type of an input (any payload; a BytesValue from the load generator). */
    static final int INPUT = 1;
    /** Game message type of the per-tick snapshot. */
    static final int SNAPSHOT = 2;
    static final int FIELD_WIDTH = 1600;
    static final int FIELD_HEIGHT = 900;
    private static final int BYTES_PER_PLAYER = 4;
    private static final float SPEED_PER_SECOND = 260f;
    private static final float HEADING_SCALE = 1f / 128;

    /** One player's point. */
    private static final class Mover {
        float x;
        float y;
        float vx;
        float vy;
        long inputs;
    }

    private byte[] snapshotBytes = new byte[0];
    private BytesValue snapshot = BytesValue.getDefaultInstance();

    @Override
    protected void onCreate(Map<String, String> options) {
        messages().onRaw(INPUT, this::onInput);
    }

    @Override
    protected void onJoin(Player player) {
        Mover m = new Mover();
        int n = players().size();
        m.x = (n * 97) % FIELD_WIDTH;
        m.y = (n * 53) % FIELD_HEIGHT;
        m.vx = SPEED_PER_SECOND;
        player.attach(m);
    }

    private void onInput(Player player, byte[] bytes, int offset, int length) {
        Mover m = (Mover) player.attachment();
        m.inputs++;
        if (length >= 2) {
            m.vx = SPEED_PER_SECOND * bytes[offset + length - 2] * HEADING_SCALE;
            m.vy = SPEED_PER_SECOND * bytes[offset + length - 1] * HEADING_SCALE;
        }
    }

    @Override
    protected void onTick(long tick, long dtNanos) {
        List<Player> players = players();
        int count = players.size();
        if (count == 0) {
            return;
        }
        if (snapshotBytes.length != count * BYTES_PER_PLAYER) {
            snapshotBytes = new byte[count * BYTES_PER_PLAYER];
            // the broadcast serializes at once, so the wrapped array may change after each tick
            snapshot = BytesValue.of(UnsafeByteOperations.unsafeWrap(snapshotBytes));
        }
        float dt = dtNanos / 1e9f;
        byte[] out = snapshotBytes;
        for (int i = 0; i < count; i++) {
            Mover m = (Mover) players.get(i).attachment();
            step(m, dt);
            int at = i * BYTES_PER_PLAYER;
            int x = (int) m.x;
            int y = (int) m.y;
            out[at] = (byte) (x >>> 8);
            out[at + 1] = (byte) x;
            out[at + 2] = (byte) (y >>> 8);
            out[at + 3] = (byte) y;
        }
        broadcastLatest(SNAPSHOT, snapshot);
    }

    private static void step(Mover m, float dt) {
        m.x += m.vx * dt;
        m.y += m.vy * dt;
        if (m.x < 0 || m.x >= FIELD_WIDTH) {
            m.vx = -m.vx;
            m.x = Math.max(0, Math.min(FIELD_WIDTH - 1, m.x));
        }
        if (m.y < 0 || m.y >= FIELD_HEIGHT) {
            m.vy = -m.vy;
            m.y = Math.max(0, Math.min(FIELD_HEIGHT - 1, m.y));
        }
    }
}
