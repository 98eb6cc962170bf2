package io.ringside.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.client.GameClient;
import io.ringside.engine.client.GameListener;
import io.ringside.engine.client.GameRoom;
import io.ringside.engine.room.RoomOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.JedisPooled;

/**
 * {@code POST /admin/drain} on one node of two sharing a real redis-server: refused without the
 * token, and with it the node turns /readyz 503, is marked draining so joins go to the other node,
 * lets its room finish, then leaves the registry and closes.
 */
@Timeout(60)
class ClusterAdminDrainIT {
    private static final long WAIT_SECONDS = 20;
    private static final String TOKEN = "cluster-admin-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final RedisFixture FIXTURE = new RedisFixture();
    private final List<RingsideServer> servers = new ArrayList<>();
    private final List<GameClient> clients = new ArrayList<>();

    @BeforeEach
    void flush() {
        FIXTURE.redis().flushAll();
    }

    @AfterEach
    void stop() {
        clients.forEach(GameClient::close);
        servers.forEach(RingsideServer::close);
    }

    @Test
    void shouldDrainANodeOverHttpAndLeaveTheRegistryOnceItsRoomEnded() throws Exception {
        // given nodes one (admin token set) and two, and a player in a room on node one, listed on two
        RingsideServer one = node("one");
        RingsideServer two = node("two");
        GameClient player = client(one);
        GameRoom room = player.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameClient lister = client(two);
        Eventually.await(WAIT_SECONDS, () -> rooms(lister).contains(room.roomId()));

        // when the drain is posted without the token, then nothing happens
        assertThat(post(one, null).statusCode()).isEqualTo(401);
        assertThat(get(one, "/readyz").statusCode()).isEqualTo(200);

        // when it is posted with the token
        HttpResponse<String> drain = post(one, TOKEN);

        // then it is accepted, /readyz says 503 at once, and Redis marks node one draining
        assertThat(drain.statusCode()).isEqualTo(202);
        assertThat(get(one, "/readyz").statusCode()).isEqualTo(503);
        assertThat(get(two, "/readyz").statusCode()).isEqualTo(200);
        Eventually.await(WAIT_SECONDS, () -> "1".equals(redis().hget(RedisKeys.node("one"), "draining")));
        // ...its room leaves the listings but plays on, and a join by type through node one lands on two
        Eventually.await(WAIT_SECONDS, () -> !rooms(lister).contains(room.roomId()));
        GameClient viaOne = client(one);
        GameRoom placed = viaOne.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(placed.roomId()).isNotEqualTo(room.roomId());
        assertThat(viaOne.uri().getPort()).isEqualTo(two.port());
        assertThat(redis().exists(RedisKeys.room(room.roomId()))).isTrue();
        assertThat(one.whenClosed().toCompletableFuture().isDone()).isFalse();

        // when the room's last player leaves
        player.leave().get(WAIT_SECONDS, TimeUnit.SECONDS);

        // then node one closes long before its drain deadline, leaving nothing of itself in Redis
        one.whenClosed().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(redis().exists(RedisKeys.node("one"))).isFalse();
        for (String key : redis().keys(RedisKeys.ROOM_PATTERN)) {
            assertThat(redis().hget(key, "node")).as(key).isEqualTo("two");
        }
        assertThat(redis().exists(RedisKeys.node("two"))).isTrue();
    }

    private RingsideServer node(String id) throws Exception {
        int port = RedisServer.freePort();
        RingsideServer server = RingsideServer.builder()
                .transport(t -> t.port(port).ioLoops(1).bindAddress("127.0.0.1"))
                .game(g -> g.shards(1).drainDeadlineMs(TimeUnit.SECONDS.toMillis(50)))
                .cluster(c -> c.redisUri(FIXTURE.server().uri()).nodeId(id).nodeTtlMs(1_500)
                        .publicAddress("ws://127.0.0.1:" + port + RingsideServer.DEFAULT_ENDPOINT_PATH))
                .admin(a -> a.token(TOKEN))
                .room("arena", ClusterIT.LabelRoom::new, RoomOptions.builder().capacity(4).disposeWhenEmptyMs(0)
                        .build())
                .build().start();
        servers.add(server);
        return server;
    }

    private GameClient client(RingsideServer server) throws Exception {
        return FIXTURE.connect(server.port(), new GameListener() { }, clients);
    }

    private static HttpResponse<String> post(RingsideServer server, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/admin/drain")).POST(HttpRequest.BodyPublishers.noBody());
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(RingsideServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> rooms(GameClient client) {
        try {
            return client.listRooms("arena").get(WAIT_SECONDS, TimeUnit.SECONDS).stream().map(r -> r.roomId())
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JedisPooled redis() {
        return FIXTURE.redis();
    }
}
