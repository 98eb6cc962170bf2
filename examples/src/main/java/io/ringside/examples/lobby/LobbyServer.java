package io.ringside.examples.lobby;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.room.RoomOptions;
import io.ringside.engine.transport.StaticResourceHandler;
import io.ringside.examples.launch.Launcher;
import java.util.function.Supplier;

/**
 * Runs the lobby example: tic-tac-toe tables with matchmaking (room list, quick join, private
 * tables joined by id) and chat, and its browser client on the same port.
 *
 * <pre>
 * ./mvnw -q -pl examples -am package -DskipTests exec:java -Dexec.mainClass=io.ringside.examples.lobby.LobbyServer
 * ./mvnw -q -pl examples -am package -DskipTests exec:java -Dexec.mainClass=io.ringside.examples.lobby.LobbyServer \
 *     -Dexec.args="--port 9000"
 * </pre>
 * {@code --help} lists the options ({@code --config FILE}, {@code --port}, default 8080, {@code --bind},
 * default all interfaces); {@code RINGSIDE_*} environment variables and the file set any server option.
 * Ctrl-C stops the server gracefully.
 */
public final class LobbyServer {
    /** The room type clients list and join. */
    public static final String ROOM_TYPE = "tictactoe";
    /** Default TCP port. */
    public static final int DEFAULT_PORT = 8080;
    /** A turn-based game needs few ticks: messages are handled at the start of each. */
    public static final int TICK_RATE_HZ = 20;

    private LobbyServer() {
    }

    /** A server for the lobby (not started): room type {@value #ROOM_TYPE}, two seats per table. */
    public static RingsideServer.Builder builder(int port) {
        return builder(port, TicTacToeRoom.DEFAULT_CLOSE_AFTER_FINISH_MS, TicTacToeRoom.DEFAULT_RECONNECT_GRACE_MS);
    }

    /**
     * {@link #builder(int)} with tables closing {@code closeAfterFinishMs} after their match is decided
     * (unless a rematch starts) and holding a dropped player's seat for {@code reconnectGraceMs}.
     */
    public static RingsideServer.Builder builder(int port, int closeAfterFinishMs, int reconnectGraceMs) {
        return RingsideServer.builder()
                .transport(t -> t.port(port).httpHandler(StaticResourceHandler.withBrowserClient("web")))
                .game(g -> g.tickRateHz(TICK_RATE_HZ))
                .room(ROOM_TYPE, roomType(closeAfterFinishMs, reconnectGraceMs), roomOptions(reconnectGraceMs));
    }

    /** The tables' factory, for a server that registers {@value #ROOM_TYPE} itself. */
    public static Supplier<TicTacToeRoom> roomType(int closeAfterFinishMs, int reconnectGraceMs) {
        return () -> new TicTacToeRoom(closeAfterFinishMs, reconnectGraceMs);
    }

    /** The tables' options: two seats, a dropped player's seat held for {@code reconnectGraceMs}. */
    public static RoomOptions roomOptions(int reconnectGraceMs) {
        return RoomOptions.builder().capacity(2).reconnectGraceMs(reconnectGraceMs).build();
    }

    /** Starts the lobby, prints where to open it, runs until the process is stopped; {@code --help} lists options. */
    public static void main(String[] args) {
        Launcher.main(new LobbyCommand(), args);
    }
}
