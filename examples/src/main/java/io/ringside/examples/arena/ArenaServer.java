package io.ringside.examples.arena;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.room.RoomOptions;
import io.ringside.engine.state.ReplicationOptions;
import io.ringside.engine.transport.HttpHandler;
import io.ringside.engine.transport.HttpResponse;
import io.ringside.engine.transport.StaticResourceHandler;
import io.ringside.examples.auth.TokenAuth;
import io.ringside.examples.launch.Launcher;
import io.ringside.examples.lobby.LobbyServer;
import io.ringside.examples.lobby.TicTacToeRoom;
import io.ringside.protocol.deflate.DeflatePolicy;

/**
 * Runs the arena: the game server and its browser client on one port, with the lobby's tic-tac-toe
 * tables beside it ({@link #withLobby}), so that the index page at {@code /} links to both.
 *
 * <pre>
 * ./mvnw -q -pl examples -am package -DskipTests exec:java
 * ./mvnw -q -pl examples -am package -DskipTests exec:java -Dexec.args="--port 9000 --tick-rate 60 --bots 6"
 * </pre>
 * Options: {@code --port} (default 8080, 0 for any free port), {@code --tick-rate} in Hz (default 30),
 * {@code --bots} per room (default 3), {@code --capacity} people per room (default 16),
 * {@code --reconnect-grace} in ms (default 10000: how long a dropped player's ship waits for its
 * page to reconnect; 0 removes it at once), {@code --token-secret} (off by default: with a secret of
 * at least 32 bytes, or {@code random}, every WebSocket needs a token the page gets from
 * {@code /token}, see {@link TokenAuth}), {@code --deflate on|off} (default off: permessage-deflate
 * on the game endpoint with {@link DeflatePolicy#defaults()}). Ctrl-C stops
 * the server gracefully: players are told the room closed and connections close with 1001.
 */
public final class ArenaServer {
    /** The room type name clients join. */
    public static final String ROOM_TYPE = "arena";
    /** Default TCP port. */
    public static final int DEFAULT_PORT = 8080;
    /** Default people per room. */
    public static final int DEFAULT_CAPACITY = 16;
    /** Default time a dropped player's seat (and ship) is held for a reconnect: 10 s. */
    public static final long DEFAULT_RECONNECT_GRACE_MS = 10_000;

    private ArenaServer() {
    }

    /** {@link #builder(int, ArenaSettings, int, long)} with the default reconnect grace. */
    public static RingsideServer.Builder builder(int port, ArenaSettings settings, int capacity) {
        return builder(port, settings, capacity, DEFAULT_RECONNECT_GRACE_MS);
    }

    /**
     * A server for the arena (not started): room type {@value #ROOM_TYPE}, web client from {@code web/},
     * {@code capacity} people per room, a dropped player's seat held for {@code reconnectGraceMs}
     * milliseconds (0: a drop is a leave).
     */
    public static RingsideServer.Builder builder(int port, ArenaSettings settings, int capacity,
                                                 long reconnectGraceMs) {
        return builder(port, settings, capacity, reconnectGraceMs, 0);
    }

    /**
     * As {@link #builder(int, ArenaSettings, int, long)}, and each player sees only the fighters and
     * shots within {@code viewRadius} units of its own fighter (0: everything).
     */
    public static RingsideServer.Builder builder(int port, ArenaSettings settings, int capacity,
                                                 long reconnectGraceMs, float viewRadius) {
        return RingsideServer.builder()
                .transport(t -> t.port(port).httpHandler(webClient()))
                .game(g -> g.tickRateHz(settings.tickRateHz()))
                .room(ROOM_TYPE, () -> new ArenaRoom(settings), RoomOptions.builder()
                        .capacity(capacity).reconnectGraceMs(reconnectGraceMs)
                        .replication(ReplicationOptions.builder().viewRadius(viewRadius).build()).build());
    }

    /**
     * Registers the lobby's tic-tac-toe tables ({@link LobbyServer#ROOM_TYPE}, with the lobby's default
     * delays) beside the arena, so that one server serves both examples and both links of the index
     * page work. The tables tick at the arena's rate; a turn-based game does not mind.
     */
    public static RingsideServer.Builder withLobby(RingsideServer.Builder builder) {
        int graceMs = TicTacToeRoom.DEFAULT_RECONNECT_GRACE_MS;
        return builder.room(LobbyServer.ROOM_TYPE,
                LobbyServer.roomType(TicTacToeRoom.DEFAULT_CLOSE_AFTER_FINISH_MS, graceMs),
                LobbyServer.roomOptions(graceMs));
    }

    /** The web client's files, from {@code web/} on the classpath, with the browser client under /ringside/. */
    static HttpHandler webClient() {
        return StaticResourceHandler.withBrowserClient("web");
    }

    /**
     * Requires a token from {@code tokens} on every WebSocket upgrade and serves {@code GET /token}
     * next to the web client.
     */
    public static RingsideServer.Builder withTokens(RingsideServer.Builder builder, TokenAuth tokens) {
        HttpHandler token = tokens.tokenRoute();
        HttpHandler files = webClient();
        return builder.transport(t -> t.authHandler(tokens.authHandler()).httpHandler(request -> {
            HttpResponse response = token.handle(request);
            return response != null ? response : files.handle(request);
        }));
    }

    /** Starts the arena, prints where to open it, runs until the process is stopped; {@code --help} lists options. */
    public static void main(String[] args) {
        Launcher.main(new ArenaCommand(), args);
    }
}
