package io.ringside.tools.loadgen;

import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import io.ringside.engine.client.ConnectConfig;
import io.ringside.engine.client.GameClient;
import io.ringside.engine.client.GameClientConfig;
import io.ringside.engine.client.GameListener;
import io.ringside.engine.client.GameRoom;
import io.ringside.engine.client.StateListener;
import io.ringside.engine.client.WebSocketClient;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.StatePatch;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * One game bot on a Ringside game endpoint, through the engine's {@link GameClient}: joins or
 * creates a room, sends inputs (a {@code BytesValue} of the configured size) at the bot's rate,
 * pings through the tick loop for the RTT, and times the arrival of snapshots: the jitter is how
 * far each inter-arrival time is from the room's tick period. With a {@link MirrorCheck}
 * ({@code --check-mirrors}) the bot also keeps a mirror of the room's replicated state, reports it
 * after every patch. With {@code --snapshot-type -1} (the default) state patches are timed as
 * snapshots too; with a given type, those messages are counted by size through {@link PayloadSize},
 * without copying their payloads.
 *
 * <p>{@link #send()} and {@link #ping()} run on the scheduler thread; the listener methods on the
 * connection's I/O thread.
 */
final class GameBot implements Bot, GameListener {
    private final Metrics metrics;
    private final URI url;
    private final GameTarget target;
    private final BytesValue input;
    private final int id;
    private final MirrorCheck mirrorCheck;
    private volatile GameClient client;
    private volatile boolean joined;
    private volatile boolean stopping;
    private long tickPeriodNanos;
    // inputs numbered for the room's declared input type (inputType 0); one seat per bot, so from 1
    private int inputSeq;
    private long lastSnapshotNanos;

    GameBot(Metrics metrics, URI url, GameTarget target, int sizeBytes, int id) {
        this(metrics, url, target, sizeBytes, id, null);
    }

    /** A bot that reports its state mirror to {@code mirrorCheck} (null: keeps no mirror). */
    GameBot(Metrics metrics, URI url, GameTarget target, int sizeBytes, int id, MirrorCheck mirrorCheck) {
        this.id = id;
        this.mirrorCheck = mirrorCheck;
        this.metrics = metrics;
        this.url = url;
        this.target = target;
        byte[] bytes = new byte[sizeBytes];
        for (int i = 0; i < sizeBytes; i++) {
            bytes[i] = (byte) (id + i);
        }
        this.input = BytesValue.of(ByteString.copyFrom(bytes));
    }

    @Override
    public CompletableFuture<?> open(WebSocketClient webSocketClient) {
        GameClientConfig config = !target.deflate() ? GameClientConfig.defaults()
                : GameClientConfig.builder().connectConfig(ConnectConfig.builder()
                        .subprotocol(GameClientConfig.SUBPROTOCOL).deflate(true).build()).build();
        client = GameClient.create(webSocketClient, url, config, this);
        if (target.snapshotType() >= 0) {
            // counted by size, never copied: the snapshot's bytes are not looked at
            client.on(target.snapshotType(), PayloadSize.PARSER, (c, size) -> snapshot(size.getValue()));
        }
        if (mirrorCheck != null) {
            mirrorCheck.register(client.state());
        }
        // without a mirror check no entity type is registered: the mirror keeps only tick and ack
        client.state().listener(new StateListener() {
            @Override
            public void onPatch(StatePatch patch) {
                onStatePatch(patch);
            }
        });
        return client.connect()
                .thenCompose(c -> c.joinOrCreate(target.roomType()))
                .thenAccept(room -> {
                    tickPeriodNanos = 1_000_000_000L / Math.max(1, room.tickRateHz());
                    joined = true;
                    metrics.connected.incrementAndGet();
                });
    }

    @Override
    public void send() {
        if (!joined || stopping) {
            return;
        }
        boolean queued = target.inputType() == GameTarget.DECLARED_INPUT
                ? client.sendInput(inputSeq + 1, input) : client.send(target.inputType(), input);
        if (queued && target.inputType() == GameTarget.DECLARED_INPUT) {
            inputSeq++;
        }
        if (queued) {
            metrics.sentMessages.increment();
            metrics.sentBytes.add(input.getSerializedSize());
        } else {
            metrics.refusedSends.increment();
        }
    }

    @Override
    public void ping() {
        if (joined && !stopping) {
            client.ping();
        }
    }

    @Override
    public void close() {
        stopping = true;
        GameClient c = client;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public void onPong(GameClient c, long rttNs, long serverTick) {
        metrics.rttMicros.recordValue(Math.min(Math.max(rttNs / 1000, 0), Metrics.MAX_LATENCY_MICROS));
    }

    @Override
    public void onUnknownMessage(GameClient c, int type, ByteString payload) {
        if (target.snapshotType() < 0) {
            snapshot(payload.size()); // every game message counts; a given snapshot type has its handler
        }
    }

    /** Checks the mirror if asked; with --snapshot-type -1 a state patch counts as a snapshot too. */
    private void onStatePatch(StatePatch patch) {
        GameRoom room = client.room();
        if (mirrorCheck != null && room != null && patch.getDeferred() == 0) {
            mirrorCheck.report(room.roomId(), id, patch.getTick(), client.state());
        }
        if (target.snapshotType() < 0) {
            snapshot(patch.getSerializedSize());
        }
    }

    private void snapshot(int bytes) {
        long now = System.nanoTime();
        metrics.receivedMessages.increment();
        metrics.receivedBytes.add(bytes);
        if (lastSnapshotNanos != 0) {
            long jitterMicros = Math.abs(now - lastSnapshotNanos - tickPeriodNanos) / 1000;
            metrics.jitterMicros.recordValue(Math.min(jitterMicros, Metrics.MAX_LATENCY_MICROS));
        }
        lastSnapshotNanos = now;
    }

    @Override
    public void onError(GameClient c, ErrorCode code, String message) {
        metrics.serverError(code.name());
    }

    @Override
    public void onDisconnected(GameClient c, int closeCode, String reason, boolean remote) {
        if (joined) {
            joined = false;
            metrics.connected.decrementAndGet();
        }
        if (!stopping) {
            metrics.disconnected(closeCode);
        }
    }

    @Override
    public void onFailure(GameClient c, Throwable error) {
        if (!stopping) {
            metrics.connectionError(error);
        }
    }
}
