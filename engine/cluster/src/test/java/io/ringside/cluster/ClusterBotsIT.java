package io.ringside.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.client.GameClient;
import io.ringside.engine.client.GameListener;
import io.ringside.engine.client.GameRequestException;
import io.ringside.engine.client.GameRoom;
import io.ringside.engine.client.GameRoomInfo;
import io.ringside.protocol.envelope.ErrorCode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three cluster nodes in JVM processes of their own on one real redis-server, and 300 bots (the
 * project's {@link GameClient}) joining by type at once, a hundred through each node: every bot is
 * seated, no room holds more than its capacity, most bots sit in full rooms, the rooms span the
 * three nodes, every node lists the same rooms with the same player counts, and a bot that
 * lost its connection takes its seat back through another node, landing on the node that owns it.
 */
@Tag("slow")
@Timeout(180)
class ClusterBotsIT {
    private static final int NODES = 3;
    private static final int BOTS = 300;
    /** Capacity of ClusterNodeMain's "arena" rooms. */
    private static final int CAPACITY = 4;
    private static final int MAX_ATTEMPTS = 5;
    private static final long WAIT_SECONDS = 60;
    private static final long NODE_TTL_MS = 1_500;

    @RegisterExtension
    static final RedisFixture FIXTURE = new RedisFixture();
    private final List<GameClient> clients = new ArrayList<>();
    private NodeProcesses nodes;

    @AfterEach
    void stop() throws Exception {
        clients.forEach(GameClient::close);
        if (nodes != null) {
            nodes.close();
        }
        FIXTURE.redis().flushAll();
    }

    @Test
    void shouldSeatThreeHundredBotsAcrossThreeNodesWithoutOverfillingARoom() throws Exception {
        // given three node processes, and a hundred connected bots on each
        nodes = new NodeProcesses(FIXTURE.server().uri(), NODE_TTL_MS);
        int[] ports = new int[NODES];
        List<CompletableFuture<Process>> starting = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            ports[i] = RedisServer.freePort();
            int port = ports[i];
            String id = "node" + i;
            starting.add(CompletableFuture.supplyAsync(() -> nodes.start(port, id, 5_000)));
        }
        for (CompletableFuture<Process> node : starting) {
            node.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        Eventually.await(WAIT_SECONDS, () -> FIXTURE.redis().keys(RedisKeys.NODE_PATTERN).size() == NODES);
        List<CompletableFuture<GameClient>> connecting = new ArrayList<>();
        for (int i = 0; i < BOTS; i++) {
            connecting.add(connect(ports[i % NODES]));
        }
        List<GameClient> bots = new ArrayList<>();
        for (CompletableFuture<GameClient> bot : connecting) {
            bots.add(bot.get(WAIT_SECONDS, TimeUnit.SECONDS));
        }

        // when every bot joins by type at once (a join refused because a seat went meanwhile is tried again)
        AtomicInteger retries = new AtomicInteger();
        List<CompletableFuture<GameRoom>> joins = new ArrayList<>();
        for (GameClient bot : bots) {
            joins.add(joinOrCreate(bot, 1, retries));
        }
        CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).get(WAIT_SECONDS, TimeUnit.SECONDS);

        // then every bot is seated and no room holds more than its capacity
        Map<String, Integer> players = new TreeMap<>();
        Map<String, Integer> roomPort = new HashMap<>();
        for (int i = 0; i < BOTS; i++) {
            GameRoom room = joins.get(i).join();
            players.merge(room.roomId(), 1, Integer::sum);
            Integer previous = roomPort.put(room.roomId(), bots.get(i).uri().getPort());
            assertThat(previous == null || previous == bots.get(i).uri().getPort())
                    .as("every bot of room %s is connected to one node", room.roomId()).isTrue();
        }
        System.out.printf("ClusterBotsIT: %d bots in %d rooms (%d full), %d retried joins, rooms per node %s%n",
                BOTS, players.size(), players.values().stream().filter(n -> n == CAPACITY).count(), retries.get(),
                roomPort.values().stream()
                        .collect(Collectors.groupingBy(p -> p, TreeMap::new, Collectors.counting())));
        assertThat(players.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(BOTS);
        assertThat(players.values()).allMatch(n -> n <= CAPACITY);
        // ...and rooms are filled rather than opened for one player each: placement reads other nodes'
        // load and free seats from a view as old as the last heartbeat, and a reservation the view
        // sent to a room its owner filled meanwhile opens a new room, but most bots sit in full rooms
        long inFullRooms = players.values().stream().filter(n -> n == CAPACITY).mapToLong(n -> n).sum();
        assertThat(inFullRooms).as("bots in full rooms, of %s", players).isGreaterThanOrEqualTo(BOTS * 3 / 4);
        // ...and every node holds rooms
        assertThat(roomPort.values().stream().distinct().count()).isEqualTo(NODES);

        // and every node lists exactly these rooms with these players
        List<GameClient> listers = new ArrayList<>();
        for (int port : ports) {
            listers.add(connect(port).get(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        Eventually.await(WAIT_SECONDS, () -> listers.stream().allMatch(lister -> listing(lister).equals(players)));

        // when a bot loses its connection and takes its seat back through another node
        GameClient lost = bots.get(0);
        GameRoom seat = joins.get(0).join();
        int owner = lost.uri().getPort();
        lost.close();
        int other = ports[0] == owner ? ports[1] : ports[0];
        GameClient back = connect(other).get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameRoom again = back.rejoin(seat, "").get(WAIT_SECONDS, TimeUnit.SECONDS);

        // then it lands on the node that owns its room, in its own seat
        assertThat(back.uri().getPort()).isEqualTo(owner);
        assertThat(again.roomId()).isEqualTo(seat.roomId());
        assertThat(again.sessionId()).isEqualTo(seat.sessionId());
    }

    private CompletableFuture<GameRoom> joinOrCreate(GameClient bot, int attempt, AtomicInteger retries) {
        return bot.joinOrCreate("arena").handle((room, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(room);
            }
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            if (attempt < MAX_ATTEMPTS && cause instanceof GameRequestException refused
                    && refused.code() == ErrorCode.ERROR_CODE_ROOM_FULL) {
                retries.incrementAndGet();
                return joinOrCreate(bot, attempt + 1, retries);
            }
            return CompletableFuture.<GameRoom>failedFuture(cause);
        }).thenCompose(f -> f);
    }

    private CompletableFuture<GameClient> connect(int port) {
        URI uri = URI.create("ws://127.0.0.1:" + port + RingsideServer.DEFAULT_ENDPOINT_PATH);
        GameClient client = GameClient.create(FIXTURE.webSocketClient(), uri, new GameListener() { });
        synchronized (clients) {
            clients.add(client);
        }
        return client.connect();
    }

    private static Map<String, Integer> listing(GameClient client) {
        try {
            List<GameRoomInfo> rooms = client.listRooms("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
            return rooms.stream().collect(Collectors.toMap(GameRoomInfo::roomId, GameRoomInfo::players,
                    (x, y) -> -1, TreeMap::new));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
