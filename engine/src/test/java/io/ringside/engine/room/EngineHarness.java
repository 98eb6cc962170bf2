package io.ringside.engine.room;

import io.ringside.engine.internal.MaskedWebSocketHandler;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.http.HandshakeLimits;
import io.ringside.protocol.http.UpgradeRequestParser;
import io.ringside.protocol.websocket.CloseCode;
import io.ringside.protocol.websocket.Masking;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Drives a {@link RoomRuntime} by hand: in-memory connections feed its endpoint as an I/O thread
 * would, and {@link #tick()} advances an injected clock by one tick interval and runs the shards on
 * the calling thread. No sockets, no sleeps.
 */
final class EngineHarness {
    final RoomRuntime runtime;
    private final long intervalNs;
    private long nowNs;
    private long nextConnectionId;

    EngineHarness(GameConfig.Builder config) {
        GameConfig built = config.clock(() -> nowNs).build();
        this.runtime = new RoomRuntime(built);
        this.intervalNs = 1_000_000_000L / built.tickRateHz();
        runtime.doWork(); // tick 0 starts the schedule
    }

    /** Advances the clock one interval and runs the tick that is then due on every shard. */
    void tick() {
        nowNs += intervalNs;
        runtime.doWork();
    }

    void ticks(int count) {
        for (int i = 0; i < count; i++) {
            tick();
        }
    }

    RecordingConnection connect(String... headerLines) {
        RecordingConnection connection = new RecordingConnection(++nextConnectionId);
        StringBuilder head = new StringBuilder("GET /ws?name=test HTTP/1.1\r\nHost: localhost\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        UpgradeRequestParser parser = new UpgradeRequestParser(HandshakeLimits.defaults());
        if (!parser.parse(ByteBuffer.wrap(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1)))) {
            throw new AssertionError("test handshake incomplete");
        }
        runtime.endpoint().onOpen(connection, parser.request());
        return connection;
    }

    void send(RecordingConnection connection, ClientEnvelope envelope) {
        sendRaw(connection, envelope.toByteArray());
    }

    /** Delivers bytes as the transport would: a view at an offset inside a larger buffer. */
    void sendRaw(RecordingConnection connection, byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.allocate(bytes.length + 7);
        buffer.position(3).put(bytes);
        runtime.endpoint().onBinary(connection, buffer.asReadOnlyBuffer(), 3, bytes.length);
    }

    /**
     * Delivers an envelope as the transport does to an endpoint that takes binary messages masked: a
     * masked view at an offset inside a larger buffer, which is overwritten as soon as the call returns
     * (the I/O loop reuses its read buffer), so nothing may keep a reference to it.
     */
    void sendMasked(RecordingConnection connection, ClientEnvelope envelope, int maskKey) {
        byte[] bytes = envelope.toByteArray();
        ByteBuffer buffer = ByteBuffer.allocate(bytes.length + 7);
        buffer.position(3).put(bytes);
        Masking.unmask(buffer, 3, bytes.length, maskKey, 0);
        ((MaskedWebSocketHandler) runtime.endpoint()).onMaskedBinary(connection, buffer, 3, bytes.length, maskKey);
        Arrays.fill(buffer.array(), (byte) 0x5A);
    }

    void join(RecordingConnection connection, String roomType) {
        send(connection, ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomType(roomType)).build());
    }

    /** The connection drops: it is closed (sends to it are dropped), then the endpoint hears of it. */
    void drop(RecordingConnection connection) {
        connection.close(CloseCode.ABNORMAL_CLOSURE, "");
        disconnect(connection);
    }

    void disconnect(RecordingConnection connection) {
        runtime.endpoint().onClose(connection, 1006, "");
    }
}
