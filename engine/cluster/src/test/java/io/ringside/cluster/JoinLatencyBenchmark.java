package io.ringside.cluster;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.client.GameClient;
import io.ringside.engine.client.GameListener;
import io.ringside.engine.client.WebSocketClient;
import io.ringside.engine.room.RoomOptions;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/**
 * Join latency direct against redirected through another node (seat reservation, new connection,
 * token redeemed), and Redis commands per join by command ({@code INFO commandstats} before and
 * after; heartbeat and publishing traffic during the run included), on one machine with a real
 * redis-server. Not a test: run by hand (command in tools/README.md), one join at a time, after a
 * warm-up.
 */
public final class JoinLatencyBenchmark {
    /**
     * Seats of the measured room: more than all the joins of a run, since placement sends no more
     * joins to another node's room between two heartbeats than the registry's view shows free seats.
     */
    private static final int ROOM_CAPACITY = 10_000;

    private JoinLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int joins = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        try (RedisServer redisServer = RedisServer.start(); WebSocketClient clients = WebSocketClient.start()) {
            String redis = redisServer.uri();
            RingsideServer a = node(redisServer, "a");
            RingsideServer b = node(redisServer, "b");
            // a room on b that always has free seats: its holder stays, every measured player leaves again
            GameClient holder = client(clients, b);
            String room = holder.joinOrCreate("arena").get(10, TimeUnit.SECONDS).roomId();
            GameClient lister = client(clients, a);
            while (lister.listRooms("arena").get(10, TimeUnit.SECONDS).isEmpty()) {
                Thread.sleep(20);
            }
            measure("warm-up", clients, b, joins / 5, room, redis);
            measure("warm-up", clients, a, joins / 5, room, redis);
            measure("direct (client on b)", clients, b, joins, room, redis);
            measure("redirected (client on a)", clients, a, joins, room, redis);
            a.close();
            b.close();
        }
    }

    private static void measure(String name, WebSocketClient clients, RingsideServer entry, int joins, String room,
                                String redisUri) throws Exception {
        long[] micros = new long[joins];
        Map<String, Long> before = commandCalls(redisUri);
        for (int i = 0; i < joins; i++) {
            GameClient player = client(clients, entry);
            long start = System.nanoTime();
            String joined = player.joinOrCreate("arena").get(10, TimeUnit.SECONDS).roomId();
            micros[i] = (System.nanoTime() - start) / 1_000;
            if (!joined.equals(room)) {
                throw new IllegalStateException("joined " + joined + ", not the room on b");
            }
            player.leave().get(10, TimeUnit.SECONDS);
            player.close();
        }
        Map<String, Long> after = commandCalls(redisUri);
        Map<String, Long> used = new TreeMap<>();
        after.forEach((command, calls) -> {
            long n = calls - before.getOrDefault(command, 0L);
            if (n > 0 && !command.equals("info")) { // the benchmark's own INFO
                used.put(command, n);
            }
        });
        long commands = used.values().stream().mapToLong(Long::longValue).sum();
        Arrays.sort(micros);
        System.out.printf("%-26s joins=%d p50=%.2f ms p99=%.2f ms max=%.2f ms redis commands/join=%.1f%n", name, joins,
                micros[joins / 2] / 1e3, micros[(int) (joins * 0.99)] / 1e3, micros[joins - 1] / 1e3,
                (double) commands / joins);
        StringBuilder split = new StringBuilder("  per join:");
        used.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> split.append(String.format(" %s=%.2f", e.getKey(), (double) e.getValue() / joins)));
        System.out.println(split);
    }

    /** Calls per command so far, from {@code INFO commandstats} ({@code cmdstat_<name>:calls=N,...}). */
    static Map<String, Long> commandCalls(String redisUri) {
        String stats;
        try (Jedis redis = new Jedis(URI.create(redisUri))) {
            stats = redis.info("commandstats");
        }
        Map<String, Long> calls = new HashMap<>();
        for (String line : stats.split("\\r?\\n")) {
            if (line.startsWith("cmdstat_")) {
                String command = line.substring("cmdstat_".length(), line.indexOf(':'));
                String fields = line.substring(line.indexOf(':') + 1);
                for (String field : fields.split(",")) {
                    if (field.startsWith("calls=")) {
                        calls.put(command, Long.parseLong(field.substring("calls=".length())));
                    }
                }
            }
        }
        return calls;
    }

    private static RingsideServer node(RedisServer redis, String id) throws Exception {
        int port = RedisServer.freePort();
        return RingsideServer.builder().transport(t -> t.port(port).ioLoops(1).bindAddress("127.0.0.1"))
                .game(g -> g.shards(1))
                .cluster(c -> c.redisUri(redis.uri()).nodeId(id).publicAddress("ws://127.0.0.1:" + port + "/ws"))
                .room("arena", ClusterIT.LabelRoom::new, RoomOptions.builder().capacity(ROOM_CAPACITY).build())
                .build().start();
    }

    private static GameClient client(WebSocketClient clients, RingsideServer server) throws Exception {
        return GameClient.create(clients, URI.create("ws://127.0.0.1:" + server.port() + "/ws"),
                new GameListener() { }).connect().get(10, TimeUnit.SECONDS);
    }
}
