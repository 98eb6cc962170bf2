package io.ringside.engine;

import com.google.protobuf.StringValue;
import io.ringside.engine.client.GameClient;
import io.ringside.engine.client.GameListener;
import io.ringside.engine.client.WebSocketClient;
import io.ringside.engine.room.RoomOptions;
import io.ringside.engine.room.TestRooms;
import io.ringside.engine.tick.TickMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Not a test: a measurement of whether scraping {@code /metrics} disturbs ticks. Runs a server with
 * N players in rooms of 8 chatting twice a second each, then two windows of the same length, one
 * quiet and one scraping {@code /metrics} back to back from one thread, and prints per window the
 * ticks, overruns and the tick-duration bucket holding the 99th percentile, and the scrape latency.
 *
 * <pre>
 * ./mvnw -q -pl engine -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *     -Dmdep.includeScope=test
 * java -Xmx1g -cp "engine/target/test-classes:engine/target/classes:$(cat engine/target/cp.txt)" \
 *     io.ringside.engine.ScrapeUnderLoad 1000 20
 * </pre>
 * (in the reactor, so that the class path names the modules' own classes; figures in
 * {@code benchmarks/README.md}).
 */
public final class ScrapeUnderLoad {
    private ScrapeUnderLoad() {
    }

    /** Arguments: players (default 1000), seconds per window (default 20). */
    public static void main(String[] args) throws Exception {
        int players = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        RingsideServer server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(2).maxConnections(20_000))
                .game(g -> g.shards(2).tickRateHz(30))
                .room("chat", () -> new TestRooms.ChatRoom(new ConcurrentLinkedQueue<>(), new AtomicLong()),
                        RoomOptions.builder().capacity(8).build())
                .build().start();
        WebSocketClient sockets = WebSocketClient.start();
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + RingsideServer.DEFAULT_ENDPOINT_PATH);
        List<GameClient> clients = new ArrayList<>();
        for (int i = 0; i < players; i++) {
            GameClient client = GameClient.create(sockets, uri, new GameListener() { });
            client.connect().get();
            client.joinOrCreate("chat").get();
            clients.add(client);
        }
        Thread chatter = new Thread(() -> chat(clients), "chatter");
        chatter.setDaemon(true);
        chatter.start();
        Thread.sleep(5_000);
        System.out.printf("%d players, %d rooms, %d s per window%n", players,
                server.gameMetrics().roomTypes().get(0).rooms(), seconds);
        report("quiet", server, seconds, false);
        report("scraping", server, seconds, true);
        report("quiet", server, seconds, false);
        clients.forEach(GameClient::close);
        sockets.close();
        server.close();
    }

    private static void chat(List<GameClient> clients) {
        StringValue hello = StringValue.of("hello");
        long periodNs = 500_000_000L / Math.max(1, clients.size());
        long next = System.nanoTime();
        for (int i = 0; ; i = (i + 1) % clients.size()) {
            clients.get(i).send(TestRooms.CHAT, hello);
            next += periodNs;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    private static void report(String name, RingsideServer server, int seconds, boolean scrape) throws Exception {
        long[][] before = buckets(server);
        long overrunsBefore = overruns(server);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Long> scrapeNs = new ArrayList<>();
        long bytes = 0;
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                .build();
        while (System.nanoTime() < end) {
            if (scrape) {
                long start = System.nanoTime();
                bytes = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body().length;
                scrapeNs.add(System.nanoTime() - start);
            } else {
                Thread.sleep(100);
            }
        }
        long[][] after = buckets(server);
        long[] window = new long[after[0].length];
        long ticks = 0;
        for (int shard = 0; shard < after.length; shard++) {
            for (int b = 0; b < window.length; b++) {
                window[b] += after[shard][b] - before[shard][b];
                ticks += after[shard][b] - before[shard][b];
            }
        }
        long[] bounds = TickMetrics.bucketBoundsNs();
        long seen = 0;
        int p99 = window.length - 1;
        for (int b = 0; b < window.length; b++) {
            seen += window[b];
            if (seen >= Math.ceil(ticks * 0.99)) {
                p99 = b;
                break;
            }
        }
        String p99Bound = p99 < bounds.length ? "<= " + bounds[p99] / 1000 + " us" : "> 1 s";
        System.out.printf("%-8s ticks %d, overruns %d, tick p99 %s, buckets %s%n", name, ticks,
                overruns(server) - overrunsBefore, p99Bound, Arrays.toString(window));
        if (scrape) {
            long[] sorted = scrapeNs.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("         %d scrapes of %d bytes: p50 %d us, p99 %d us, max %d us%n", sorted.length,
                    bytes, sorted[sorted.length / 2] / 1000, sorted[(int) (sorted.length * 0.99)] / 1000,
                    sorted[sorted.length - 1] / 1000);
        }
    }

    private static long[][] buckets(RingsideServer server) {
        return server.gameMetrics().ticks().stream().map(TickMetrics::bucketCounts).toArray(long[][]::new);
    }

    private static long overruns(RingsideServer server) {
        return server.metrics().stream().mapToLong(m -> m.tick().overruns()).sum();
    }
}
