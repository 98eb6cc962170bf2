package io.ringside.examples.arena;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.room.RoomOptions;
import io.ringside.engine.transport.StaticResourceHandler;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the arena: the game server and its browser client on one port.
 *
 * <pre>
 * ./mvnw -q -pl examples -am compile exec:java
 * ./mvnw -q -pl examples -am compile exec:java -Dexec.args="--port 9000 --tick-rate 60 --bots 6"
 * </pre>
 * Options: {@code --port} (default 8080, 0 for any free port), {@code --tick-rate} in Hz (default 30),
 * {@code --bots} per room (default 3), {@code --capacity} people per room (default 16),
 * {@code --reconnect-grace} in ms (default 10000: how long a dropped player's ship waits for its
 * page to reconnect; 0 removes it at once). Ctrl-C stops
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
        return RingsideServer.builder()
                .transport(t -> t.port(port).httpHandler(StaticResourceHandler.withBrowserClient("web")))
                .game(g -> g.tickRateHz(settings.tickRateHz()))
                .room(ROOM_TYPE, () -> new ArenaRoom(settings), RoomOptions.builder()
                        .capacity(capacity).reconnectGraceMs(reconnectGraceMs).build());
    }

    /** Starts the arena, prints where to open it, and runs until the process is stopped. */
    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> options = parse(args);
        int port = Integer.parseInt(options.getOrDefault("port", String.valueOf(DEFAULT_PORT)));
        int capacity = Integer.parseInt(options.getOrDefault("capacity", String.valueOf(DEFAULT_CAPACITY)));
        ArenaSettings settings = ArenaSettings.defaults()
                .withTickRateHz(Integer.parseInt(options.getOrDefault("tick-rate",
                        String.valueOf(ArenaSettings.DEFAULT_TICK_RATE_HZ))))
                .withBots(Integer.parseInt(options.getOrDefault("bots", String.valueOf(ArenaSettings.DEFAULT_BOTS))));
        long graceMs = Long.parseLong(options.getOrDefault("reconnect-grace",
                String.valueOf(DEFAULT_RECONNECT_GRACE_MS)));
        RingsideServer server = builder(port, settings, capacity, graceMs).build().start();
        System.out.printf("arena: %d Hz, %d bots per room, up to %d people per room, seats held %d ms%n",
                settings.tickRateHz(), settings.bots(), capacity, graceMs);
        System.out.println("open http://localhost:" + server.port() + "/arena/");
        awaitShutdown(server);
    }

    /** Blocks until the JVM is asked to stop (Ctrl-C), then closes {@code server} from the shutdown hook. */
    static void awaitShutdown(RingsideServer server) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("arena: shutting down (players are told the room closed, connections close with 1001)");
            server.close();
            System.out.println("arena: stopped");
            stopped.countDown();
        }, "arena-shutdown"));
        stopped.await();
    }

    /** {@code --name value} and {@code --name=value} pairs; throws on anything else. */
    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() < 3) {
                throw new IllegalArgumentException("unexpected argument " + arg
                        + " (options: --port N --tick-rate HZ --bots N --capacity N --reconnect-grace MS)");
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                options.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("option " + arg + " needs a value");
            }
        }
        return options;
    }
}
