package io.ringside.examples.lobby;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.room.RoomOptions;
import io.ringside.engine.transport.StaticResourceHandler;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the lobby example: tic-tac-toe tables with matchmaking (room list, quick join, private
 * tables joined by id) and chat, and its browser client on the same port.
 *
 * <pre>
 * ./mvnw -q -pl examples -am compile exec:java -Dexec.mainClass=io.ringside.examples.lobby.LobbyServer
 * ./mvnw -q -pl examples -am compile exec:java -Dexec.mainClass=io.ringside.examples.lobby.LobbyServer \
 *     -Dexec.args=9000
 * </pre>
 * The one argument is the port (default 8080). Ctrl-C stops the server gracefully.
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

    /** Starts the lobby, prints where to open it, and runs until the process is stopped. */
    public static void main(String[] args) throws IOException, InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        RingsideServer server = builder(port).build().start();
        System.out.println("open http://localhost:" + server.port() + "/lobby/");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("lobby: shutting down (players are told the room closed, connections close with 1001)");
            server.close();
            System.out.println("lobby: stopped");
            stopped.countDown();
        }, "lobby-shutdown"));
        stopped.await();
    }
}
