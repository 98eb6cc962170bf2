package io.ringside.benchmarks.game;

import com.google.protobuf.MessageLite;
import io.ringside.engine.room.Player;
import io.ringside.engine.room.Room;
import io.ringside.protocol.envelope.GameMessage;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Map;

/**
 * The game the benchmarks run: it takes input messages (raw or parsed) into per-player state and,
 * each tick, sends a prebuilt snapshot in one of the {@link Snapshots} ways. The snapshot is built
 * once, so whatever a tick allocates beyond the parsed inputs is the framework's.
 */
final class BenchRoom extends Room {
    static final int INPUT = 1;
    static final int SNAPSHOT = 2;
    private static final VarHandle HANDLED;

    static {
        try {
            HANDLED = MethodHandles.lookup().findVarHandle(BenchRoom.class, "handled", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One player's state, attached at join. */
    static final class PlayerState {
        long inputs;
        long sum;
    }

    private final boolean typedInputs;
    private final Snapshots snapshots;
    private final MessageLite snapshot;
    /** Inputs handled, published with a release store for a thread that waits on it (latency). */
    private volatile long handled;
    private long inputs;
    long ticks;

    BenchRoom(boolean typedInputs, Snapshots snapshots, MessageLite snapshot) {
        this.typedInputs = typedInputs;
        this.snapshots = snapshots;
        this.snapshot = snapshot;
    }

    @Override
    protected void onCreate(Map<String, String> options) {
        if (typedInputs) {
            messages().on(INPUT, GameMessage.parser(), this::onTypedInput);
        } else {
            messages().onRaw(INPUT, this::onRawInput);
        }
    }

    @Override
    protected void onJoin(Player player) {
        player.attach(new PlayerState());
    }

    private void onRawInput(Player player, byte[] bytes, int offset, int length) {
        PlayerState state = (PlayerState) player.attachment();
        state.inputs++;
        state.sum += bytes[offset] + bytes[offset + length - 1];
        countInput();
    }

    private void onTypedInput(Player player, GameMessage input) {
        PlayerState state = (PlayerState) player.attachment();
        state.inputs++;
        state.sum += input.getType() + input.getPayload().byteAt(0);
        countInput();
    }

    private void countInput() {
        inputs++;
        HANDLED.setRelease(this, inputs);
    }

    @Override
    protected void onTick(long tick, long dtNanos) {
        ticks++;
        switch (snapshots) {
            case SEND_LATEST_EACH -> {
                List<Player> players = players();
                for (int i = 0; i < players.size(); i++) {
                    sendLatest(players.get(i), SNAPSHOT, snapshot);
                }
            }
            case BROADCAST -> broadcast(SNAPSHOT, snapshot);
            case BROADCAST_LATEST -> broadcastLatest(SNAPSHOT, snapshot);
            default -> {
            }
        }
    }

    /** Inputs handled so far; any thread (acquire read). */
    long handled() {
        return (long) HANDLED.getAcquire(this);
    }

    /** Players in the room; the tick thread. */
    int playerCount() {
        return players().size();
    }

    /** Inputs handled so far; the tick thread. */
    long inputsHandled() {
        return inputs;
    }
}
