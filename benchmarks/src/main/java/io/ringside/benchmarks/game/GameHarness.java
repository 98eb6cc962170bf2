package io.ringside.benchmarks.game;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.ringside.engine.room.GameConfig;
import io.ringside.engine.room.RoomOptions;
import io.ringside.engine.room.RoomRuntime;
import io.ringside.engine.room.ShardMetrics;
import io.ringside.engine.transport.WebSocketHandler;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.http.HandshakeLimits;
import io.ringside.protocol.http.UpgradeRequest;
import io.ringside.protocol.http.UpgradeRequestParser;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One shard of the game engine driven without sockets or threads of its own, through public API only:
 * a {@link RoomRuntime} on an injected clock, {@code players} {@link CountingConnection}s opened and
 * joined to one {@link BenchRoom} through the game endpoint (the I/O thread's entry point), and
 * {@link #tick()} advancing the clock by one interval so that exactly one tick runs on the calling
 * thread. Within a tick the clock runs in real time from the tick's start (virtual time plus real
 * nanoseconds since {@link #tick()} was called, capped just below one interval so that a slow tick
 * never makes the loop catch up with a second one), so the shard's {@code TickMetrics} record real
 * tick durations up to one interval. Game inputs enter the way the I/O
 * loop hands them over: {@code onBinary} with a view into a larger read buffer.
 */
final class GameHarness {
    static final String ROOM_TYPE = "bench";
    static final int TICK_RATE_HZ = 30;
    static final int INPUT_BYTES = 64;
    /** The snapshot's inner GameMessage.type; any number, it identifies the snapshot when decoding. */
    static final int SNAPSHOT_TYPE_TAG = 42;
    private static final int READ_OFFSET = 5;

    final RoomRuntime runtime;
    final WebSocketHandler endpoint;
    final CountingConnection[] connections;
    final BenchRoom room;
    final ByteBuffer readBuffer;
    final int inputOffset;
    final int inputLength;
    private final long intervalNs;
    private long virtualNowNs;
    private long realAnchorNs;
    private boolean frozen = true;
    private BenchRoom created;

    GameHarness(int players, boolean typedInputs, Snapshots snapshots, int snapshotBytes) {
        GameMessage snapshot = GameMessage.newBuilder().setType(SNAPSHOT_TYPE_TAG)
                .setPayload(ByteString.copyFrom(pattern(snapshotBytes))).build();
        GameConfig config = GameConfig.builder().shards(1).tickRateHz(TICK_RATE_HZ).clock(this::nanoTime)
                .room(ROOM_TYPE, () -> created = new BenchRoom(typedInputs, snapshots, snapshot),
                        RoomOptions.builder().capacity(players).build())
                .build();
        this.runtime = new RoomRuntime(config);
        this.endpoint = runtime.endpoint();
        this.intervalNs = 1_000_000_000L / TICK_RATE_HZ;
        this.connections = new CountingConnection[players];
        byte[] input = inputEnvelope();
        this.readBuffer = ByteBuffer.allocate(input.length + 2 * READ_OFFSET);
        readBuffer.position(READ_OFFSET).put(input).clear();
        this.inputOffset = READ_OFFSET;
        this.inputLength = input.length;
        runtime.doWork(); // tick 0 starts the schedule at exactly virtual time 0
        frozen = false;
        joinAll();
        this.room = created;
        check(room != null && room.playerCount() == players,
                "players joined: " + (room == null ? 0 : room.playerCount()) + ", expected " + players);
        for (CountingConnection connection : connections) {
            check(decode(connection.firstFrame).hasJoined(), "connection " + connection.id() + " got no Joined");
        }
    }

    private void joinAll() {
        byte[] join = ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomType(ROOM_TYPE)).build()
                .toByteArray();
        for (int i = 0; i < connections.length; i++) {
            CountingConnection connection = new CountingConnection(i + 1);
            connections[i] = connection;
            endpoint.onOpen(connection, upgradeRequest());
            endpoint.onBinary(connection, ByteBuffer.wrap(join), 0, join.length);
        }
        tick();
    }

    /**
     * {@code ClientEnvelope{game{type=INPUT, payload}}} with a payload of exactly {@link #INPUT_BYTES}
     * that is itself a valid {@code GameMessage} (type 1 + 60 bytes), so raw and typed rooms read the
     * same bytes.
     */
    static byte[] inputEnvelope() {
        byte[] payload = GameMessage.newBuilder().setType(1).setPayload(ByteString.copyFrom(pattern(60))).build()
                .toByteArray();
        check(payload.length == INPUT_BYTES, "input payload bytes=" + payload.length);
        return ClientEnvelope.newBuilder().setGame(GameMessage.newBuilder().setType(BenchRoom.INPUT)
                .setPayload(ByteString.copyFrom(payload))).build().toByteArray();
    }

    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }

    private static UpgradeRequest upgradeRequest() {
        String head = "GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        UpgradeRequestParser parser = new UpgradeRequestParser(HandshakeLimits.defaults());
        check(parser.parse(ByteBuffer.wrap(head.getBytes(StandardCharsets.ISO_8859_1))), "handshake incomplete");
        return parser.request();
    }

    /** Hands one input envelope of {@code connection} to the endpoint, as its I/O loop would. */
    void publishInput(CountingConnection connection) {
        endpoint.onBinary(connection, readBuffer, inputOffset, inputLength);
    }

    /** Advances the clock one interval and runs the tick then due; returns the ticks run (1). */
    int tick() {
        virtualNowNs += intervalNs;
        realAnchorNs = System.nanoTime();
        return runtime.doWork();
    }

    private long nanoTime() {
        return frozen ? virtualNowNs : virtualNowNs + Math.min(System.nanoTime() - realAnchorNs, intervalNs - 1);
    }

    ShardMetrics metrics() {
        return runtime.metrics().get(0);
    }

    /** Checks the shard is healthy: ring drained, nothing malformed, no room failed, no backpressure. */
    void checkHealthy() {
        ShardMetrics metrics = metrics();
        check(metrics.ringDepth() == 0 && metrics.malformedMessages() == 0 && metrics.roomFailures() == 0
                && metrics.backpressureEvents() == 0, "shard unhealthy: " + metrics);
        for (CountingConnection connection : connections) {
            check(connection.isOpen() && !connection.paused(), "connection " + connection.id() + " closed or paused");
        }
    }

    /** Decodes a server frame (unmasked, header then one ServerEnvelope); setup and teardown only. */
    static ServerEnvelope decode(ByteBuffer frame) {
        check(frame != null, "no frame");
        ByteBuffer bytes = frame.duplicate();
        int length = bytes.get(1) & 0x7F;
        bytes.position(bytes.position() + (length == 126 ? 4 : length == 127 ? 10 : 2));
        try {
            return ServerEnvelope.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("engine sent a malformed envelope", e);
        }
    }

    /** Checks that {@code frame} carries the room's snapshot. */
    static void checkSnapshot(ByteBuffer frame, int snapshotBytes) {
        ServerEnvelope envelope = decode(frame);
        check(envelope.hasGame() && envelope.getGame().getType() == BenchRoom.SNAPSHOT,
                "not a snapshot: " + envelope);
        try {
            GameMessage snapshot = GameMessage.parseFrom(envelope.getGame().getPayload());
            check(snapshot.getType() == SNAPSHOT_TYPE_TAG && snapshot.getPayload().size() == snapshotBytes,
                    "snapshot content differs");
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("snapshot does not parse", e);
        }
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("benchmark does not do the real thing: " + message);
        }
    }
}
