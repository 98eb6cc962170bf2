package ${package};

import io.ringside.engine.RingsideServer;
import io.ringside.engine.room.RoomOptions;
import io.ringside.engine.transport.StaticResourceHandler;

/**
 * Runs the game: the page and the game endpoint on one port.
 *
 * <pre>
 * ./mvnw compile exec:java                       # http://localhost:8080/
 * ./mvnw compile exec:java -Dexec.args=9000      # another port
 * </pre>
 * The environment (e.g. {@code RINGSIDE_PORT}) and a configuration file can set every option too;
 * see Ringside's README, "Configuration".
 */
public final class GameServer {
    private GameServer() {
    }

    /** A server for the game (not started) on {@code port}, serving {@code web/} from the classpath. */
    public static RingsideServer.Builder builder(int port) {
        return RingsideServer.builder()
                .transport(t -> t.port(port).httpHandler(StaticResourceHandler.withBrowserClient("web")))
                .game(g -> g.tickRateHz(30))
                .room(DotsRoom.TYPE, DotsRoom::new, RoomOptions.builder().capacity(16).build());
    }

    /** Starts the server and runs until the process is stopped. */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        RingsideServer server = builder(port).build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
        System.out.println("open http://localhost:" + server.port() + "/");
        Thread.currentThread().join();
    }
}
