package io.ringside.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.room.RoomOptions;
import io.ringside.engine.room.TestRooms;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.net.http.HttpResponse;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code POST /admin/drain} over real sockets: off without a token, its refusals, and the drain it starts. */
@Timeout(60)
class AdminDrainIT {
    private static final String TOKEN = "admin-token-for-tests-0123456789";
    private static final long WAIT_SECONDS = 20;

    private final Queue<String> log = new ConcurrentLinkedQueue<>();
    private RingsideServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(Consumer<RingsideServer.Builder> edit) throws Exception {
        RingsideServer.Builder builder = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1))
                .game(g -> g.shards(1).drainDeadlineMs(TimeUnit.SECONDS.toMillis(50)))
                .room("chat", () -> new TestRooms.ChatRoom(log, new AtomicLong()), RoomOptions.builder().capacity(4)
                        .disposeWhenEmptyMs(0).build());
        edit.accept(builder);
        server = builder.build().start();
    }

    @Test
    void shouldServeNoAdminRouteWithoutAToken() throws Exception {
        // given a server with no admin token
        start(b -> { });

        // when
        HttpResponse<String> drain = request("POST", "/admin/drain", TOKEN);

        // then there is no such route, and the server still takes players
        assertThat(drain.statusCode()).isEqualTo(404);
        assertThat(request("GET", "/readyz", null).statusCode()).isEqualTo(200);
        assertThat(server.isDraining()).isFalse();
    }

    @Test
    void shouldRefuseADrainWithoutTheRightTokenOrMethod() throws Exception {
        // given
        start(b -> b.admin(a -> a.token(TOKEN)));

        // when / then
        HttpResponse<String> missing = request("POST", "/admin/drain", null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).contains("admin token required");
        HttpResponse<String> wrong = request("POST", "/admin/drain", "wrong-token-wrong-token");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("wrong admin token");
        assertThat(request("POST", "/admin/drain?token=wrong", null).statusCode()).isEqualTo(403);
        HttpResponse<String> get = request("GET", "/admin/drain", TOKEN);
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.body()).contains("POST only");
        assertThat(request("POST", "/admin/other", TOKEN).statusCode()).isEqualTo(404);
        assertThat(request("GET", "/readyz", null).statusCode()).isEqualTo(200);
        assertThat(server.isDraining()).isFalse();
    }

    @Test
    void shouldDrainThenCloseOnAnAuthorizedPost() throws Exception {
        // given a server under its own admin path with a player in a room
        start(b -> b.admin(a -> a.token(TOKEN).path("/ops")));
        try (GameClient player = GameClient.connect(server.port())) {
            player.expectJoinedSession("chat");

            // when
            HttpResponse<String> drain = request("POST", "/ops/drain", TOKEN);

            // then it is accepted, /readyz says 503 from then on, and the room plays on
            assertThat(drain.statusCode()).isEqualTo(202);
            assertThat(drain.body()).isEqualTo("{\"status\":\"draining\"}");
            assertThat(request("GET", "/readyz", null).statusCode()).isEqualTo(503);
            assertThat(request("POST", "/ops/drain?token=" + TOKEN, null).statusCode()).isEqualTo(202);
            assertThat(server.whenClosed().toCompletableFuture().isDone()).isFalse();
            try (GameClient late = GameClient.connect(server.port())) {
                late.join("chat");
                assertThat(late.expect(ServerEnvelope.BodyCase.ERROR).getError().getMessage()).contains("draining");
            }

            // when its last player leaves, the room ends and the server closes long before the deadline
            player.leave();
            server.whenClosed().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(server.isReady()).isFalse();
        }
    }

    private HttpResponse<String> request(String method, String path, String bearer) throws Exception {
        return BearerHttp.send(server.port(), method, path, bearer);
    }
}
