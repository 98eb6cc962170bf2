package io.ringside.examples.lobby;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.room.RoomOptions;
import io.ringside.engine.transport.StaticResourceHandler;
import io.ringside.examples.launch.Launcher;

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
        return builder(port, TicTacToeRoom.DEFAULT_CLOSE_AFTER_FINISH_MS);
    }

    /** {@link #builder(int)} with tables closing {@code closeAfterFinishMs} after their match is decided. */
    public static RingsideServer.Builder builder(int port, int closeAfterFinishMs) {
        return RingsideServer.builder()
                .transport(t -> t.port(port).httpHandler(StaticResourceHandler.withBrowserClient("web")))
                .game(g -> g.tickRateHz(TICK_RATE_HZ))
                .room(ROOM_TYPE, () -> new TicTacToeRoom(closeAfterFinishMs),
                        RoomOptions.builder().capacity(2).build());
    }

    /** Starts the lobby, prints where to open it, runs until the process is stopped; {@code --help} lists options. */
    public static void main(String[] args) {
        Launcher.main(new LobbyCommand(), args);
    }
}
