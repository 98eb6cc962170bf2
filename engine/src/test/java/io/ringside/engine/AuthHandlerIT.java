package io.ringside.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.StringValue;
import io.ringside.engine.room.Player;
import io.ringside.engine.room.Room;
import io.ringside.engine.room.RoomOptions;
import io.ringside.engine.transport.AuthDecision;
import io.ringside.engine.transport.AuthHandler;
import io.ringside.engine.transport.AuthRequest;
import io.ringside.protocol.envelope.ServerEnvelope.BodyCase;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The auth hook before the upgrade, over real sockets: accept with an identity the room sees, refuse
 * with 401/403, answer later from another thread, never answer (503 after the timeout), throw (500);
 * each bad outcome costs only its own connection.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AuthHandlerIT {
    private static final int WHO = 1;
    private static final String UPGRADE = "GET %s HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Version: 13\r\n%s\r\n";

    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    private final Queue<AuthRequest> seen = new ConcurrentLinkedQueue<>();
    /** The answer for token=held, completed by the test when it chooses. */
    private final CompletableFuture<AuthDecision> held = new CompletableFuture<>();
    private RingsideServer server;

    /** Tells each player who the auth hook said it is. */
    static final class WhoRoom extends Room {
        @Override
        protected void onJoin(Player player) {
            send(player, WHO, StringValue.of(String.valueOf(player.identity())));
        }
    }

    /**
     * token=alice accepts at once, token=bob accepts 100 ms later from another thread, token=mallory
     * is refused 403, token=throw throws, token=slow never answers, token=fail fails, token=held waits for
     * the test, no token is 401.
     */
    private final AuthHandler hook = request -> {
        seen.add(request);
        String token = request.queryParameter("token");
        if (token == null) {
            return CompletableFuture.completedFuture(AuthDecision.refuse(401, "token required"));
        }
        return switch (token) {
            case "alice" -> CompletableFuture.completedFuture(AuthDecision.accept("user:alice"));
            case "bob" -> {
                CompletableFuture<AuthDecision> answer = new CompletableFuture<>();
                later.schedule(() -> answer.complete(AuthDecision.accept("user:bob")), 100, TimeUnit.MILLISECONDS);
                yield answer;
            }
            case "throw" -> throw new IllegalStateException("identity service down");
            case "slow" -> new CompletableFuture<>();
            case "held" -> held;
            case "fail" -> CompletableFuture.failedFuture(new IllegalStateException("lookup failed"));
            default -> CompletableFuture.completedFuture(AuthDecision.refuse(403, "banned"));
        };
    };

    private void start() throws Exception {
        start(300);
    }

    private void start(long authTimeoutMs) throws Exception {
        server = RingsideServer.builder()
                .transport(t -> t.port(0).ioLoops(1).authHandler(hook).authTimeoutMs(authTimeoutMs))
                .game(g -> g.shards(1))
                .room("who", WhoRoom::new, RoomOptions.defaults()).build().start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        later.shutdownNow();
    }

    private String upgrade(String path, String extraHeaders) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(String.format(UPGRADE, path, extraHeaders)
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private String identityInRoom(String path) throws Exception {
        try (GameClient client = GameClient.connect(server.port(), path)) {
            client.join("who");
            client.expect(BodyCase.JOINED);
            return StringValue.parseFrom(client.expect(BodyCase.GAME).getGame().getPayload()).getValue();
        }
    }

    @Test
    void shouldGiveRoomsTheIdentityWhenTheHookAccepts() throws Exception {
        // given
        start();

        // when
        String identity = identityInRoom("/ws?token=alice");

        // then: the hook saw the request, the room sees the identity
        assertThat(identity).isEqualTo("user:alice");
        AuthRequest request = seen.peek();
        assertThat(request.path()).isEqualTo("/ws");
        assertThat(request.query()).isEqualTo("token=alice");
        assertThat(request.header("host")).startsWith("127.0.0.1:");
        assertThat(request.remoteAddress().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void shouldOpenWhenTheHookAcceptsLaterFromAnotherThread() throws Exception {
        // given
        start();

        // when
        String identity = identityInRoom("/ws?token=bob");

        // then
        assertThat(identity).isEqualTo("user:bob");
    }

    @Test
    void shouldServeOthersOnTheSameIoLoopWhileAnAnswerIsOutstanding() throws Exception {
        // given: one I/O loop, and an upgrade whose answer the test holds back
        start(20_000);
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return identityInRoom("/ws?token=held");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (seen.stream().noneMatch(r -> "token=held".equals(r.query()))) {
            assertThat(System.nanoTime()).as("the hook is asked within 20 s").isLessThan(deadline);
            Thread.sleep(5);
        }

        // when: another player connects, joins and plays meanwhile
        String other = identityInRoom("/ws?token=alice");

        // then: it was served while the first still waits; the first opens once answered
        assertThat(other).isEqualTo("user:alice");
        assertThat(waiting).isNotDone();
        held.complete(AuthDecision.accept("user:held"));
        assertThat(waiting.get(20, TimeUnit.SECONDS)).isEqualTo("user:held");
    }

    @Test
    void shouldAnswer401WithAChallengeWhenTheHookRefusesUnauthenticated() throws Exception {
        // given
        start();

        // when
        String response = upgrade("/ws", "Cookie: a=b\r\n");

        // then
        assertThat(response).startsWith("HTTP/1.1 401 Unauthorized\r\n").contains("WWW-Authenticate: Bearer\r\n")
                .endsWith("\r\n\r\ntoken required");
        assertThat(seen.peek().cookie("a")).isEqualTo("b");
    }

    @Test
    void shouldAnswer403WhenTheHookRefusesForbidden() throws Exception {
        // given
        start();

        // when
        String response = upgrade("/ws?token=mallory", "");

        // then
        assertThat(response).startsWith("HTTP/1.1 403 Forbidden\r\n").endsWith("\r\n\r\nbanned");
        assertThat(server.transportMetrics().refusedByReason()).containsEntry("auth", 1L);
    }

    @Test
    void shouldAnswer503AndStillServeOthersWhenTheHookNeverAnswers() throws Exception {
        // given
        start();

        // when
        String response = upgrade("/ws?token=slow", "");

        // then
        assertThat(response).startsWith("HTTP/1.1 503 Service Unavailable\r\n").endsWith("auth timed out");
        assertThat(identityInRoom("/ws?token=alice")).isEqualTo("user:alice");
        assertThat(server.transportMetrics().refusedByReason()).containsEntry("auth_timeout", 1L);
    }

    @Test
    void shouldAnswer500AndStillServeOthersWhenTheHookThrowsOrFails() throws Exception {
        // given
        start();

        // when
        String thrown = upgrade("/ws?token=throw", "");
        String failed = upgrade("/ws?token=fail", "");

        // then
        assertThat(thrown).startsWith("HTTP/1.1 500 Internal Server Error\r\n").endsWith("auth failed");
        assertThat(failed).startsWith("HTTP/1.1 500 Internal Server Error\r\n").endsWith("auth failed");
        assertThat(identityInRoom("/ws?token=alice")).isEqualTo("user:alice");
        assertThat(server.transportMetrics().refusedByReason()).containsEntry("auth_error", 2L);
    }
}
