package io.ringside.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.client.GameClient;
import io.ringside.engine.client.GameListener;
import io.ringside.engine.client.GameRequestException;
import io.ringside.engine.client.GameRoom;
import io.ringside.engine.client.WebSocketClient;
import io.ringside.protocol.envelope.ErrorCode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.JedisPooled;

/**
 * Cluster nodes as separate JVM processes ({@link ClusterNodeMain}) on one real redis-server: a node
 * killed with SIGKILL leaves listings and placement within its TTL and joins to it fail with a clear
 * error; a node ended with SIGTERM leaves nothing in the registry.
 */
@Tag("slow")
@Timeout(90)
class ClusterProcessesIT {
    private static final long WAIT_SECONDS = 20;
    private static final long NODE_TTL_MS = 1_500;

    private static RedisServer redisServer;
    private static JedisPooled redis;
    private static WebSocketClient webSocketClient;
    private final List<Process> nodes = new ArrayList<>();
    private final List<GameClient> clients = new ArrayList<>();

    @BeforeAll
    static void startRedis() throws Exception {
        redisServer = RedisServer.start();
        redis = redisServer.client();
        webSocketClient = WebSocketClient.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (webSocketClient != null) {
            webSocketClient.close();
        }
        if (redis != null) {
            redis.close();
        }
        if (redisServer != null) {
            redisServer.close();
        }
    }

    @AfterEach
    void stop() throws Exception {
        clients.forEach(GameClient::close);
        for (Process node : nodes) {
            node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        // nodes killed here leave entries for a TTL, where the next test's joins would be placed
        redis.flushAll();
    }

    @Test
    void shouldDropAKilledNodeWithinItsTtlAndSendItsPlayersElsewhere() throws Exception {
        // given two node processes and a player in a room of node one, listed on node two
        int one = RedisServer.freePort();
        int two = RedisServer.freePort();
        CompletableFuture<Process> starting = CompletableFuture.supplyAsync(() -> node(one, "one"));
        node(two, "two");
        Process killed = starting.get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameClient player = client(one);
        GameRoom room = player.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameClient lister = client(two);
        await(() -> rooms(lister).contains(room.roomId()));

        // when node one is killed with SIGKILL (no shutdown hook, nothing deleted)
        long killedAt = System.nanoTime();
        killed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        // then a join by id through node two fails with a clear error, never hangs...
        Throwable refused = catchThrowable(() -> client(two).join(room.roomId(), Map.of(), "")
                .get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertThat(refused).isInstanceOf(ExecutionException.class).cause().isInstanceOf(GameRequestException.class);
        assertThat(((GameRequestException) refused.getCause()).code())
                .isIn(ErrorCode.ERROR_CODE_NODE_UNAVAILABLE, ErrorCode.ERROR_CODE_ROOM_NOT_FOUND);
        // ...its room leaves the listings within the TTL and a heartbeat
        await(() -> !rooms(lister).contains(room.roomId()));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt)).isLessThan(NODE_TTL_MS * 3);
        assertThat(redis.exists(RedisKeys.node("one"))).isFalse();
        // ...and the player comes back as a new player on node two
        GameClient back = client(two);
        GameRoom again = back.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(again.roomId()).isNotEqualTo(room.roomId());
        assertThat(back.uri().getPort()).isEqualTo(two);
    }

    @Test
    void shouldLeaveNothingInTheRegistryWhenANodeIsTerminated() throws Exception {
        // given a node process with a room
        int port = RedisServer.freePort();
        Process node = node(port, "term");
        client(port).joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        await(() -> !redis.keys(RedisKeys.ROOM_PATTERN).isEmpty());

        // when it gets SIGTERM
        node.destroy();
        assertThat(node.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        // then its entries are gone at once, not after a TTL
        assertThat(redis.keys("ringside:node:*")).isEmpty();
        assertThat(redis.keys(RedisKeys.ROOM_PATTERN)).isEmpty();
    }

    private Process node(int port, String id) {
        try {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process process = new ProcessBuilder(java.toString(), "-Xmx128m", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), ClusterNodeMain.class.getName(),
                    Integer.toString(port), redisServer.uri(), id, Long.toString(NODE_TTL_MS))
                    .redirectErrorStream(true).start();
            synchronized (nodes) {
                nodes.add(process);
            }
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                System.out.println("[" + id + "] " + line);
            }
            if (line == null) {
                throw new IllegalStateException("node " + id + " exited before it was ready");
            }
            Thread drain = new Thread(() -> out.lines().forEach(l -> System.out.println("[" + id + "] " + l)));
            drain.setDaemon(true);
            drain.start();
            return process;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private GameClient client(int port) throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + port + RingsideServer.DEFAULT_ENDPOINT_PATH);
        GameClient client = GameClient.create(webSocketClient, uri, new GameListener() { });
        clients.add(client);
        return client.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static List<String> rooms(GameClient client) {
        try {
            return client.listRooms("arena").get(WAIT_SECONDS, TimeUnit.SECONDS).stream()
                    .map(r -> r.roomId()).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within %d s", WAIT_SECONDS).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
