package io.ringside.testkit;

import io.ringside.engine.internal.RoomAccess;
import io.ringside.engine.room.GameConfig;
import io.ringside.engine.room.Player;
import io.ringside.engine.room.Room;
import io.ringside.engine.room.RoomOptions;
import io.ringside.engine.room.RoomRuntime;
import io.ringside.engine.transport.WebSocketHandler;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.http.HandshakeLimits;
import io.ringside.protocol.http.UpgradeRequestParser;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Tests a game's rooms without sockets or threads: the engine's real rooms, matchmaking, message
 * routing and ticks, driven by hand on the test's thread with a manual clock. Players
 * ({@link TestPlayer}) talk to the game endpoint as clients do, with join options, auth tokens and
 * handshake headers; every tick the test asks for runs at once; what each player was sent is
 * recorded, typed. Nothing runs in the background, so a test is deterministic as far as the game
 * itself is.
 *
 * <pre>{@code
 * try (RoomTestKit kit = RoomTestKit.builder()
 *         .tickRateHz(20)
 *         .room("chat", ChatRoom::new, RoomOptions.builder().capacity(4).build())
 *         .build()) {
 *     TestRoom<ChatRoom> room = kit.createRoom("chat");
 *     TestPlayer alice = kit.connect().join(room, JoinOptions.of("name", "alice"));
 *     TestPlayer bob = kit.connect().join(room, JoinOptions.of("name", "bob"));
 *     kit.tick();                                   // the joins arrive
 *     alice.send(CHAT, Chat.newBuilder().setText("hi").build());
 *     kit.tick();                                   // the message arrives and is relayed
 *     assertThat(bob.lastMessage(CHAT, Chat.parser()).getText()).isEqualTo("hi");
 * }
 * }</pre>
 *
 * <p>Time: tick 0 runs when the kit is built; each {@link #tick()} advances the clock by one tick
 * interval ({@code 1 s / tickRateHz}) and runs the tick that is then due, so a room's
 * {@code schedule}, reconnect grace and dispose-when-empty delays play out in ticks. Messages and
 * joins sent between ticks reach the rooms at the start of the next tick, in the order sent; room
 * listings are answered at once. Tasks that a room {@code post}s from another thread run at the
 * start of the next tick after they were posted.
 *
 * <p>Not thread-safe: one test thread builds, drives and reads it.
 */
public final class RoomTestKit implements AutoCloseable {
    private static final String DEFAULT_TARGET = "/ws";

    private final RoomRuntime runtime;
    private final WebSocketHandler endpoint;
    private final RoomAccess access = RoomAccess.get();
    private final Map<Room, TestRoom<?>> rooms = new IdentityHashMap<>();
    private final List<Room> created;
    private final long intervalNs;
    private long nowNs;
    private long tick;
    private long nextConnectionId;

    private RoomTestKit(GameConfig.Builder config, List<Room> created) {
        GameConfig built = config.clock(() -> nowNs).build();
        this.runtime = new RoomRuntime(built);
        this.endpoint = runtime.endpoint();
        this.created = created;
        this.intervalNs = 1_000_000_000L / built.tickRateHz();
        runtime.doWork(); // tick 0 starts the schedule
    }

    /** A builder: register the room types under test. */
    public static Builder builder() {
        return new Builder();
    }

    // ---- time

    /** Advances the clock by one tick interval and runs that tick: queued messages, then every room's step. */
    public RoomTestKit tick() {
        nowNs += intervalNs;
        runtime.doWork();
        tick++;
        return this;
    }

    /** Runs {@code count} ticks, one after the other. */
    public RoomTestKit ticks(int count) {
        for (int i = 0; i < count; i++) {
            tick();
        }
        return this;
    }

    /** Runs as many ticks as {@code millis} of game time take (rounded up). */
    public RoomTestKit advanceMillis(long millis) {
        long count = (millis * 1_000_000L + intervalNs - 1) / intervalNs;
        for (long i = 0; i < count; i++) {
            tick();
        }
        return this;
    }

    /** The number of the last tick run (0 right after {@link Builder#build()}). */
    public long currentTick() {
        return tick;
    }

    /** The manual clock, in nanoseconds since the kit was built. */
    public long nanoTime() {
        return nowNs;
    }

    /** The tick interval in nanoseconds. */
    public long tickIntervalNanos() {
        return intervalNs;
    }

    // ---- rooms

    /** Creates a public room of registered type {@code type} without options; see {@link #createRoom(String, Map)}. */
    public <R extends Room> TestRoom<R> createRoom(String type) {
        return createRoom(type, Map.of());
    }

    /**
     * Creates a public room of registered type {@code type} with creation {@code options} and runs its
     * {@code onCreate} now; players join it with {@link TestPlayer#join(TestRoom)}. Like any room it
     * is disposed once it has stayed empty for its type's {@code disposeWhenEmptyMs}, counted from
     * the next tick. {@link IllegalArgumentException} for an unregistered type, {@link IllegalStateException}
     * if {@code onCreate} threw.
     */
    public <R extends Room> TestRoom<R> createRoom(String type, Map<String, String> options) {
        return create(type, false, options);
    }

    /** {@link #createRoom(String, Map)} for a private room: joined by id only, never listed. */
    public <R extends Room> TestRoom<R> createPrivateRoom(String type, Map<String, String> options) {
        return create(type, true, options);
    }

    private <R extends Room> TestRoom<R> create(String type, boolean privateRoom, Map<String, String> options) {
        Room room = access.create(runtime, type, privateRoom, options);
        if (room == null || access.isDisposed(room)) {
            throw new IllegalStateException("room " + type + " failed in its constructor or onCreate (see the log)");
        }
        return wrap(room);
    }

    /** Every room made so far, in creation order, whether by {@link #createRoom} or by a player's join. */
    public List<TestRoom<?>> rooms() {
        List<TestRoom<?>> all = new ArrayList<>();
        for (Room room : created) {
            all.add(wrap(room));
        }
        return all;
    }

    /** The room {@code player} sits in, or {@code null} outside a room. */
    public TestRoom<?> roomOf(TestPlayer player) {
        Player seat = player.player();
        if (seat == null) {
            return null;
        }
        Room room = access.roomOf(seat);
        return room == null ? null : wrap(room);
    }

    @SuppressWarnings("unchecked")
    private <R extends Room> TestRoom<R> wrap(Room room) {
        return (TestRoom<R>) rooms.computeIfAbsent(room, r -> new TestRoom<>(r, access));
    }

    // ---- players

    /** A new client on path {@code /ws} with no extra handshake headers. */
    public TestPlayer connect() {
        return connect(DEFAULT_TARGET, Map.of());
    }

    /**
     * A new client whose opening handshake carries {@code headers} (e.g. {@code Authorization},
     * {@code Cookie}); rooms see those the game endpoint keeps ({@code handshakeHeaders}).
     */
    public TestPlayer connect(Map<String, String> headers) {
        return connect(DEFAULT_TARGET, headers);
    }

    /** A new client upgrading on {@code target} (path and query, e.g. {@code "/ws?name=al"}) with {@code headers}. */
    public TestPlayer connect(String target, Map<String, String> headers) {
        if (target == null || !target.startsWith("/")) {
            throw new IllegalArgumentException("target=" + target + " (a path starting with /)");
        }
        return new TestPlayer(this, target, headers);
    }

    KitConnection open(String target, Map<String, String> headers, List<ServerEnvelope> inbox) {
        StringBuilder head = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: localhost\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        UpgradeRequestParser parser = new UpgradeRequestParser(HandshakeLimits.defaults());
        byte[] bytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        if (!parser.parse(ByteBuffer.wrap(bytes))) {
            throw new IllegalArgumentException("headers=" + headers + " (the handshake does not parse)");
        }
        int slash = target.indexOf('?');
        String path = slash < 0 ? target : target.substring(0, slash);
        KitConnection connection = new KitConnection(++nextConnectionId, path, inbox);
        endpoint.onOpen(connection, parser.request());
        return connection;
    }

    /** Hands {@code bytes} to the endpoint as the transport does: a read-only view inside a larger buffer. */
    void deliver(KitConnection connection, byte[] bytes) {
        if (!connection.isOpen()) {
            throw new IllegalStateException("the player's connection is closed (code " + connection.closeCode()
                    + "); reconnect() opens a new one");
        }
        ByteBuffer buffer = ByteBuffer.allocate(bytes.length + 8);
        buffer.position(4).put(bytes);
        endpoint.onBinary(connection, buffer.asReadOnlyBuffer(), 4, bytes.length);
    }

    void closed(KitConnection connection) {
        endpoint.onClose(connection, connection.closeCode(), connection.closeReason());
    }

    /**
     * Disposes every room now (players are told ROOM_CLOSED), as a server shutting down does.
     * Idempotent.
     */
    @Override
    public void close() {
        runtime.close();
    }

    /** Builds a {@link RoomTestKit}: the room types under test and the game settings they run with. */
    public static final class Builder {
        private final GameConfig.Builder config = GameConfig.builder().shards(1);
        private final List<Room> created = new ArrayList<>();

        private Builder() {
        }

        /** Ticks per second, 1 to 128, as on the server the rooms are written for. Default 30. */
        public Builder tickRateHz(int hz) {
            config.tickRateHz(hz);
            return this;
        }

        /** Registers room type {@code name}: rooms made by {@code factory}, with {@code options} (capacity ...). */
        public Builder room(String name, Supplier<? extends Room> factory, RoomOptions options) {
            config.room(name, () -> {
                Room room = factory.get();
                created.add(room);
                return room;
            }, options);
            return this;
        }

        /** The handshake header fields rooms may read ({@code JoinRequest.handshake()}). Default as the server's. */
        public Builder handshakeHeaders(List<String> names) {
            config.handshakeHeaders(names);
            return this;
        }

        /** Any other game setting (limits of the inbound path), on the engine's own builder. */
        public Builder game(Consumer<GameConfig.Builder> settings) {
            settings.accept(config);
            return this;
        }

        /** Checks the settings, builds the kit and runs tick 0. */
        public RoomTestKit build() {
            return new RoomTestKit(config, created);
        }
    }
}
