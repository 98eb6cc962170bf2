package io.ringside.engine.client;

import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.ringside.protocol.envelope.Joined;
import io.ringside.protocol.envelope.LeaveReason;
import io.ringside.protocol.websocket.CloseCode;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * A player's connection to a Ringside server: joins rooms, sends and receives the game's own
 * protobuf messages inside envelopes (ringside/v1/envelope.proto), and measures round trip time and
 * the server's tick. Tests, bots and load generators use it.
 *
 * <p>Many game clients share one {@link WebSocketClient} and its few I/O threads; a client holds no
 * thread and little state. Every method may be called from any thread and none blocks. Replies
 * arrive on the connection's I/O thread, which updates the client's state, delivers the event as
 * {@link GameClientConfig#delivery()} says (to the {@link GameListener} and handlers at once on that
 * thread, or queued for {@link #poll} on a bot's own thread), then completes the request's future
 * there: never block in a future's dependents either.
 *
 * <p>Sends return {@code false}, queuing nothing, when not connected or the connection's backlog
 * ({@link ConnectConfig#maxOutboundBytes()}) is full. One join, one leave and one room listing may
 * be pending at a time.
 */
public final class GameClient implements AutoCloseable {
    /**
     * The close code the server ends a connection with when another connection took its seat over
     * with the reconnect token (envelope.proto, "Reconnect"); a private-use code (RFC 6455 §7.4.2).
     * The seat lives on elsewhere: do not {@link #rejoin()} after it.
     */
    public static final int CLOSE_SEAT_TAKEN_OVER = 4000;

    private final WebSocketClient webSocketClient;
    private final URI uri;
    private final GameClientConfig config;
    private final GameListener listener;
    private final LongSupplier clockNs;
    private final GameHandlers handlers = new GameHandlers();
    private final StateMirror state = new StateMirror();
    private final GameClock clock = new GameClock();
    private final GameInbox inbox;
    private final GamePending pending = new GamePending();
    private volatile GameTransport transport = GameTransport.DISCONNECTED;
    private volatile ClientConnection connection;
    private volatile boolean connecting;
    private volatile GameRoom room;
    private volatile GameRoom lastRoom;
    private volatile String lastAuthToken = "";

    GameClient(WebSocketClient webSocketClient, URI uri, GameClientConfig config, GameListener listener,
               LongSupplier clockNs) {
        this.webSocketClient = webSocketClient;
        this.uri = uri;
        this.config = config;
        this.listener = listener;
        this.clockNs = clockNs;
        this.inbox = config.delivery() == GameClientConfig.Delivery.POLL
                ? new GameInbox(config.maxPendingEvents()) : null;
    }

    /** A client for the server at {@code ws://host:port/path}, not yet connected; see {@link #connect()}. */
    public static GameClient create(WebSocketClient webSocketClient, URI uri, GameClientConfig config,
                                    GameListener listener) {
        return new GameClient(Objects.requireNonNull(webSocketClient, "webSocketClient"),
                Objects.requireNonNull(uri, "uri"), Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(listener, "listener"), System::nanoTime);
    }

    /** A client with callback delivery and default options; see the four-argument {@code create}. */
    public static GameClient create(WebSocketClient webSocketClient, URI uri, GameListener listener) {
        return create(webSocketClient, uri, GameClientConfig.defaults(), listener);
    }

    /**
     * Registers how game messages of {@code type} are parsed and handled, replacing an earlier
     * registration of that type; messages of types without one go to
     * {@link GameListener#onUnknownMessage}. May be called at any time.
     */
    public <M> GameClient on(int type, Parser<M> parser, GameMessageHandler<? super M> handler) {
        handlers.put(type, Objects.requireNonNull(parser, "parser"), Objects.requireNonNull(handler, "handler"));
        return this;
    }

    /**
     * Opens the WebSocket connection; the future completes (on the I/O thread) once the handshake is
     * verified, or fails as {@link WebSocketClient#connect} describes. After a disconnect, connecting
     * again is allowed; {@link #rejoin()} then takes the old seat back.
     *
     * @throws IllegalStateException when connected or connecting already
     */
    public synchronized CompletableFuture<GameClient> connect() {
        if (connecting || transport != GameTransport.DISCONNECTED) {
            throw new IllegalStateException("already connected or connecting to " + uri);
        }
        connecting = true;
        try {
            return webSocketClient.connect(uri, config.connectConfig(), newInbound())
                    .whenComplete((c, e) -> connecting = false).thenApply(c -> this);
        } catch (RuntimeException e) {
            connecting = false;
            throw e;
        }
    }

    /** Joins a listed room of {@code roomType} with a free seat that admits this client, or creates one. */
    public CompletableFuture<GameRoom> joinOrCreate(String roomType, Map<String, String> options, String authToken) {
        return requestJoin(GameRequests.joinType(roomType, false, options, authToken), authToken);
    }

    /** {@link #joinOrCreate(String, Map, String)} without options or auth token. */
    public CompletableFuture<GameRoom> joinOrCreate(String roomType) {
        return joinOrCreate(roomType, Map.of(), "");
    }

    /** Creates an unlisted room of {@code roomType} that others join by its id, and joins it. */
    public CompletableFuture<GameRoom> createPrivate(String roomType, Map<String, String> options, String authToken) {
        return requestJoin(GameRequests.joinType(roomType, true, options, authToken), authToken);
    }

    /** Joins the room {@code roomId}. */
    public CompletableFuture<GameRoom> join(String roomId, Map<String, String> options, String authToken) {
        return requestJoin(GameRequests.joinId(roomId, options, authToken, ""), authToken);
    }

    /**
     * Takes back the seat of the last room joined, presenting its reconnect token: after a dropped
     * connection, {@link #connect()} again, then call this. If the room type holds seats
     * ({@code RoomOptions.reconnectGraceMs} &gt; 0) and the grace has not run out, the future
     * completes with the same session id (and the game state the room kept for it), the room's
     * current tick and a new token; the old token is used up. Otherwise it fails with a
     * {@link GameRequestException} whose code is {@code ERROR_CODE_RECONNECT_REJECTED} (grace over,
     * token used, the player left or was kicked, the room is gone): the server does not fall back to
     * a plain join, {@link #join} is then the way back in, with a new session. When the last room
     * gave no token (a room type without grace), this is a plain join by id. Also works on a
     * connection that is still open but in no room; the server closes an old connection still holding
     * the seat with {@link #CLOSE_SEAT_TAKEN_OVER}.
     *
     * @throws IllegalStateException when this client never joined a room
     */
    public CompletableFuture<GameRoom> rejoin() {
        GameRoom last = lastRoom;
        if (last == null) {
            throw new IllegalStateException("no room joined yet: nothing to rejoin");
        }
        String authToken = lastAuthToken;
        return requestJoin(GameRequests.joinId(last.roomId(), Map.of(), authToken, last.reconnectToken()), authToken);
    }

    /** Leaves the current room; the future completes with the reason of the server's Left. */
    public CompletableFuture<LeaveReason> leave() {
        return pending.leave(transport, GameRequests.leave());
    }

    /** Asks for the public rooms of {@code roomType}; the future completes with the server's RoomList. */
    public CompletableFuture<List<GameRoomInfo>> listRooms(String roomType) {
        return pending.list(transport, GameRequests.listRooms(roomType));
    }

    /** Sends a game message of {@code type}, serialized into a GameMessage envelope; {@code false} if not queued. */
    public boolean send(int type, MessageLite message) {
        return transport.sendBinary(GameRequests.game(type, message));
    }

    /**
     * Sends an application Ping carrying the clock's current nanoseconds. The server's tick loop
     * answers with a Pong, so the RTT includes up to one tick of waiting; it reaches
     * {@link GameListener#onPong} and {@link #lastRttNs()}. {@code false} if not queued.
     */
    public boolean ping() {
        return transport.sendBinary(GameRequests.ping(clockNs.getAsLong()));
    }

    /**
     * Delivers the events waiting for this polling client to its listener and handlers on the
     * calling thread, at most those queued when the call began; an exception from them propagates
     * (the event is consumed). Never blocks.
     *
     * @return how many events were delivered
     * @throws IllegalStateException when the client uses callback delivery
     */
    public int poll() {
        return poll(Integer.MAX_VALUE);
    }

    /** As {@link #poll()}, delivering at most {@code maxEvents}. */
    public int poll(int maxEvents) {
        if (inbox == null) {
            throw new IllegalStateException("delivery=CALLBACK: events go to the listener, there is nothing to poll");
        }
        int limit = Math.min(maxEvents, inbox.size());
        int delivered = 0;
        GameDelivery next;
        while (delivered < limit && (next = inbox.poll()) != null) {
            delivered++;
            next.deliver(this, listener);
        }
        return delivered;
    }

    /** Events waiting for {@link #poll}; 0 with callback delivery. */
    public int pendingEvents() {
        return inbox == null ? 0 : inbox.size();
    }

    /** The room this client is in, or {@code null}. */
    public GameRoom room() {
        return room;
    }

    /**
     * The last room joined, kept after leaving or a disconnect, with the reconnect token of its last
     * Joined (what {@link #rejoin()} presents), or {@code null}.
     */
    public GameRoom lastRoom() {
        return lastRoom;
    }

    /** The last RTT sample of {@link #ping()}, in nanoseconds, or -1 before the first Pong. */
    public long lastRttNs() {
        return clock.lastRttNs();
    }

    /** The smoothed RTT (RFC 6298 §2, gain 1/8), in nanoseconds, or -1 before the first Pong. */
    public long smoothedRttNs() {
        return clock.smoothedRttNs();
    }

    /**
     * The room's current tick as estimated from the last Joined or Pong, advanced at the room's tick
     * rate by the time elapsed since; -1 when not in a room.
     */
    public long serverTick() {
        return clock.serverTick(clockNs.getAsLong());
    }

    /** The open connection, or {@code null} when not connected. */
    public ClientConnection connection() {
        return connection;
    }

    /** Closes the connection with 1000 (RFC 6455 §7.4.1); {@link GameListener#onDisconnected} follows. */
    @Override
    public void close() {
        close(CloseCode.NORMAL_CLOSURE, "");
    }

    /** Closes the connection with {@code code} and {@code reason}; see {@link ClientConnection#close(int, String)}. */
    public void close(int code, String reason) {
        transport.close(code, reason);
    }

    GameInbound newInbound() {
        return new GameInbound(this, listener, inbox, config.maxPendingEvents());
    }

    /**
     * The mirror of the replicated state in this client's view: register the game's entity types
     * on it before joining. Patches are applied on the delivery thread (the I/O thread with
     * callback delivery, the polling thread with {@link #poll}); read it there.
     */
    public StateMirror state() {
        return state;
    }

    GameHandlers handlers() {
        return handlers;
    }

    GameTransport transport() {
        return transport;
    }

    /** I/O thread (or a unit test): {@code opened} carries this client's envelopes from now on. */
    void attach(GameTransport opened, ClientConnection openedConnection) {
        connection = openedConnection;
        transport = opened;
    }

    /** I/O thread: the connection behind {@code closed} ended; fails what waits for an answer. */
    void detach(GameTransport closed, int closeCode, String reason) {
        if (transport != closed) {
            return;
        }
        transport = GameTransport.DISCONNECTED;
        connection = null;
        room = null;
        clock.left();
        pending.disconnected(closeCode, reason);
    }

    /** I/O thread: a Joined arrived. */
    GameRoom joined(Joined joined) {
        GameRoom seated = GameRoom.from(joined);
        clock.joined(seated.tickRateHz(), seated.joinTick(), clockNs.getAsLong());
        room = seated;
        lastRoom = seated;
        return seated;
    }

    /** I/O thread: a Left arrived. */
    void left() {
        room = null;
        clock.left();
    }

    GamePending pending() {
        return pending;
    }

    /** I/O thread: a Pong arrived; the RTT sample in nanoseconds, or -1 if ignored. */
    long pong(long clientTime, long tick) {
        return clock.pong(clientTime, tick, clockNs.getAsLong());
    }

    private CompletableFuture<GameRoom> requestJoin(ByteBuffer envelope, String authToken) {
        lastAuthToken = authToken;
        return pending.join(transport, envelope);
    }
}
