package io.ringside.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.ringside.engine.room.RoomOptions;
import io.ringside.engine.room.TestRooms;
import io.ringside.engine.transport.AuthDecision;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.LeaveReason;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.envelope.ServerEnvelope.BodyCase;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The live monitor over real sockets: its token, its input checks, its state, live feed and actions. */
@Timeout(60)
class MonitorIT {
    private static final String TOKEN = "monitor-token-for-tests-0123456789";
    private static final long WAIT_SECONDS = 20;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Queue<String> log = new ConcurrentLinkedQueue<>();
    private RingsideServer server;

    @BeforeEach
    void start() throws Exception {
        server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(2)).game(g -> g.shards(2).tickRateHz(60))
                .room("chat", () -> new TestRooms.ChatRoom(log, new AtomicLong()), RoomOptions.builder().capacity(4)
                        .build())
                .room("lobby", () -> new TestRooms.ChatRoom(log, new AtomicLong()))
                .monitor(m -> m.enabled(true).token(TOKEN).refreshMs(100).maxViewers(2).rttProbeIntervalMs(100))
                .build().start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldRefuseEveryMonitorRouteWithoutTheRightToken() throws Exception {
        // when / then
        assertThat(request("GET", "/monitor/api/state", null).statusCode()).isEqualTo(401);
        assertThat(request("GET", "/monitor/api/state", "wrong-token-wrong-token").statusCode()).isEqualTo(403);
        assertThat(request("GET", "/monitor/api/state?token=wrong", null).statusCode()).isEqualTo(403);
        assertThat(request("GET", "/monitor/", null).statusCode()).isEqualTo(401);
        HttpResponse<String> lock = request("POST", "/monitor/api/lock?room=x&locked=true", null);
        assertThat(lock.statusCode()).isEqualTo(401);
        assertThat(lock.body()).contains("monitor token required");
        assertThat(request("POST", "/monitor/api/dispose?room=x", "wrong-token-wrong-token").statusCode())
                .isEqualTo(403);
        assertThat(upgradeStatus("/monitor/live")).isEqualTo(401);
        assertThat(upgradeStatus("/monitor/live?token=wrong")).isEqualTo(403);
        // the script and style hold no data
        assertThat(request("GET", "/monitor/monitor.js", null).statusCode()).isEqualTo(200);
        // and with the token
        assertThat(request("GET", "/monitor/api/state", TOKEN).statusCode()).isEqualTo(200);
        assertThat(request("GET", "/monitor/api/state?token=" + TOKEN, null).statusCode()).isEqualTo(200);
        HttpResponse<String> page = request("GET", "/monitor/?token=" + TOKEN, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/monitor/monitor.js");
    }

    @Test
    void shouldRejectBadInputWithAMessageAndTouchNoRoom() throws Exception {
        // given
        try (GameClient a = GameClient.connect(server.port())) {
            String room = a.expect(joined(a, "chat")).getJoined().getRoomId();

            // when / then
            assertBad("POST", "/monitor/api/lock?locked=true", 400, "missing query parameter 'room'");
            assertBad("POST", "/monitor/api/lock?room=" + room + "&locked=maybe", 400, "locked=maybe (true or false)");
            assertBad("POST", "/monitor/api/kick?room=" + room, 400, "missing query parameter 'player'");
            assertThat(rawRequest("POST /monitor/api/dispose?room=%zz HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + TOKEN + "\r\n\r\n")).startsWith("HTTP/1.1 400").contains("not URL-encoded");
            assertBad("POST", "/monitor/api/dispose?room=" + "r".repeat(65), 400, "room of 65 characters");
            assertBad("POST", "/monitor/api/kick?room=" + room + "&player=p&reason=" + "x".repeat(121), 400,
                    "reason of 121 characters");
            assertBad("GET", "/monitor/api/dispose?room=" + room, 405, "POST only");
            assertBad("POST", "/monitor/api/state", 405, "GET only");
            assertBad("POST", "/monitor/api/dispose?room=nosuchroom", 404, "no room nosuchroom");
            assertBad("POST", "/monitor/api/kick?room=" + room + "&player=nobody", 404, "no such player");
            assertThat(request("GET", "/monitor/api/nothing", TOKEN).statusCode()).isEqualTo(404);

            // the player is still in its room
            a.game(TestRooms.COUNT, com.google.protobuf.Int64Value.of(0));
            assertThat(expectSkipping(a, BodyCase.GAME).getGame().getType()).isEqualTo(TestRooms.COUNT);
        }
    }

    @Test
    void shouldShowRoomsPlayersAndShardsAndPushThemLive() throws Exception {
        // given
        try (GameClient a = GameClient.connect(server.port()); GameClient b = GameClient.connect(server.port());
             Viewer viewer = Viewer.open(server.port(), "/monitor/live?token=" + TOKEN)) {
            a.joinWith("chat", java.util.Map.of("label", "ranked"), "");
            String sessionA = a.expect(BodyCase.JOINED).getJoined().getSessionId();
            ServerEnvelope joinedB = b.expect(joined(b, "chat"));
            String room = joinedB.getJoined().getRoomId();

            // when: the feed pushes by itself until both players show, with an RTT measured
            Config state = viewer.until(s -> players(s, room).size() == 2
                    && players(s, room).stream().allMatch(p -> !p.getIsNull("rttMs")));

            // then
            Config view = room(state, room);
            assertThat(view.getString("roomType")).isEqualTo("chat");
            assertThat(view.getString("label")).isEqualTo("ranked");
            assertThat(view.getBoolean("locked")).isFalse();
            assertThat(view.getInt("capacity")).isEqualTo(4);
            assertThat(players(state, room)).extracting(p -> p.getString("id"))
                    .containsExactly(sessionA, joinedB.getJoined().getSessionId());
            assertThat(players(state, room).get(0).getDouble("rttMs")).isGreaterThanOrEqualTo(0);
            assertThat(state.getInt("connections")).isGreaterThanOrEqualTo(3);
            assertThat(state.getConfigList("shards")).hasSize(2);
            assertThat(state.getConfigList("shards").get(0).hasPath("tickP99Ms")).isTrue();
            assertThat(state.getConfigList("roomTypes")).extracting(t -> t.getString("roomType"))
                    .containsExactly("chat", "lobby");
            assertThat(state.getConfigList("roomTypes").get(0).getInt("rooms")).isEqualTo(1);
            assertThat(state.getConfigList("roomTypes").get(0).getInt("players")).isEqualTo(2);
            assertThat(state.getDouble("bytesOutPerSec")).isGreaterThanOrEqualTo(0);

            // and when one leaves, the feed shows it without being asked
            b.leave();
            viewer.until(s -> players(s, room).size() == 1);
        }
    }

    @Test
    void shouldShowTickTimesOverrunsAndTrafficRatesPerShardByThemselves() throws Exception {
        // given: a one-shard server whose room can spend 100 ms of CPU in one 16.7 ms tick
        server.close();
        server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1)).game(g -> g.shards(1).tickRateHz(60))
                .room("spin", SpinRoom::new)
                .monitor(m -> m.enabled(true).token(TOKEN).refreshMs(100).rttProbeIntervalMs(100))
                .build().start();
        try (GameClient a = GameClient.connect(server.port());
             Viewer viewer = Viewer.open(server.port(), "/monitor/live?token=" + TOKEN)) {
            a.join("spin");
            a.expect(BodyCase.JOINED);
            long before = server.metrics().get(0).tick().overruns();

            // when: the room overruns a tick, and the player keeps sending and receiving
            a.game(SpinRoom.SPIN, com.google.protobuf.Int32Value.of(100));
            Config state = viewer.until(s -> {
                a.game(SpinRoom.ECHO, com.google.protobuf.Int32Value.of(0));
                Config shard = s.getConfigList("shards").get(0);
                return shard.getLong("overruns") > before && s.getDouble("bytesInPerSec") > 0
                        && s.getDouble("bytesOutPerSec") > 0;
            });

            // then: the shard's tick percentiles and overruns, and bytes per second both ways
            Config shard = state.getConfigList("shards").get(0);
            assertThat(shard.getInt("shard")).isZero();
            assertThat(shard.getInt("rooms")).isEqualTo(1);
            assertThat(shard.getDouble("tickP50Ms")).isPositive();
            assertThat(shard.getDouble("tickP99Ms")).isGreaterThanOrEqualTo(shard.getDouble("tickP50Ms"));
            assertThat(shard.getLong("overruns")).isGreaterThan(before)
                    .isLessThanOrEqualTo(server.metrics().get(0).tick().overruns());
            assertThat(state.getDouble("bytesInPerSec")).isPositive();
            assertThat(state.getDouble("bytesOutPerSec")).isPositive();
        }
    }

    /** Spends the given milliseconds of CPU within one tick on SPIN; answers ECHO. */
    static final class SpinRoom extends io.ringside.engine.room.Room {
        static final int SPIN = 1;
        static final int ECHO = 2;

        @Override
        protected void onCreate(java.util.Map<String, String> options) {
            messages().on(SPIN, com.google.protobuf.Int32Value.parser(), (player, ms) -> {
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms.getValue());
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            });
            messages().on(ECHO, com.google.protobuf.Int32Value.parser(), (player, value) -> send(player, ECHO, value));
        }
    }

    @Test
    void shouldLockKickAndDisposeOnTheRoomsThreadWithoutTouchingOtherRooms() throws Exception {
        // given: two players in a chat room, one in a lobby room
        try (GameClient a = GameClient.connect(server.port()); GameClient b = GameClient.connect(server.port());
             GameClient other = GameClient.connect(server.port());
             GameClient late = GameClient.connect(server.port())) {
            String room = a.expect(joined(a, "chat")).getJoined().getRoomId();
            String sessionB = b.expect(joined(b, "chat")).getJoined().getSessionId();
            String otherRoom = other.expect(joined(other, "lobby")).getJoined().getRoomId();
            awaitState(s -> players(s, room).size() == 2);

            // when: locked
            assertThat(request("POST", "/monitor/api/lock?room=" + room + "&locked=true", TOKEN).statusCode())
                    .isEqualTo(202);
            awaitState(s -> room(s, room).getBoolean("locked"));

            // then a join by id is refused
            late.join(JoinRequest.newBuilder().setRoomId(room).build());
            assertThat(expectSkipping(late, BodyCase.ERROR).getError().getCode())
                    .isEqualTo(ErrorCode.ERROR_CODE_ROOM_LOCKED);

            // when: unlocked, then a join by id goes through
            assertThat(request("POST", "/monitor/api/lock?room=" + room + "&locked=false", TOKEN).statusCode())
                    .isEqualTo(202);
            awaitState(s -> !room(s, room).getBoolean("locked"));
            late.join(JoinRequest.newBuilder().setRoomId(room).build());
            expectSkipping(late, BodyCase.JOINED);

            // when: b kicked
            HttpResponse<String> kick = request("POST", "/monitor/api/kick?room=" + room + "&player=" + sessionB
                    + "&reason=cheating", TOKEN);
            assertThat(kick.statusCode()).isEqualTo(202);
            ServerEnvelope left = expectSkipping(b, BodyCase.LEFT);
            assertThat(left.getLeft().getReason()).isEqualTo(LeaveReason.LEAVE_REASON_KICKED);
            assertThat(left.getLeft().getMessage()).isEqualTo("cheating");

            // when: the room disposed
            assertThat(request("POST", "/monitor/api/dispose?room=" + room, TOKEN).statusCode()).isEqualTo(202);

            // then its players leave with ROOM_CLOSED and it is gone; the other room goes on
            assertThat(expectSkipping(a, BodyCase.LEFT).getLeft().getReason())
                    .isEqualTo(LeaveReason.LEAVE_REASON_ROOM_CLOSED);
            assertThat(expectSkipping(late, BodyCase.LEFT).getLeft().getReason())
                    .isEqualTo(LeaveReason.LEAVE_REASON_ROOM_CLOSED);
            Config after = awaitState(s -> !hasRoom(s, room));
            assertThat(players(after, otherRoom)).hasSize(1);
            other.game(TestRooms.COUNT, com.google.protobuf.Int64Value.of(0));
            assertThat(expectSkipping(other, BodyCase.GAME).getGame().getType()).isEqualTo(TestRooms.COUNT);
        }
    }

    @Test
    void shouldCloseAViewerOverTheLimitWithTryAgainLater() throws Exception {
        // given
        try (Viewer first = Viewer.open(server.port(), "/monitor/live?token=" + TOKEN);
             Viewer second = Viewer.open(server.port(), "/monitor/live?token=" + TOKEN)) {
            first.until(s -> s.getInt("viewers") >= 1);
            second.until(s -> s.getInt("viewers") == 2);

            // when
            try (Viewer third = Viewer.open(server.port(), "/monitor/live?token=" + TOKEN)) {
                // then
                assertThat(third.closeCode()).isEqualTo(1013);
            }
            first.until(s -> s.getInt("viewers") == 2);
        }
    }

    @Test
    void shouldAnswerOnlyThisMachineWithoutAToken() throws Exception {
        // given
        server.close();
        server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1).bindAddress("0.0.0.0"))
                .game(g -> g.shards(1)).room("chat", () -> new TestRooms.ChatRoom(log, new AtomicLong()))
                .monitor(m -> m.enabled(true)).build().start();
        InetAddress external = nonLoopbackAddress();

        // when / then
        assertThat(request("GET", "/monitor/api/state", null).statusCode()).isEqualTo(200);
        assertThat(upgradeStatus("/monitor/live")).isEqualTo(101);
        Assumptions.assumeTrue(external != null, "no non-loopback IPv4 address on this machine");
        HttpResponse<String> remote = HTTP.send(HttpRequest.newBuilder(URI.create("http://"
                + external.getHostAddress() + ":" + server.port() + "/monitor/api/state")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(remote.statusCode()).isEqualTo(403);
        assertThat(remote.body()).contains("answers this machine only");
    }

    @Test
    void shouldDecideMonitorUpgradesByItsTokenWhateverTheGamesAuthHandlerSays() throws Exception {
        // given: a game auth handler that refuses every upgrade
        server.close();
        server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1)
                        .authHandler(request -> CompletableFuture.completedFuture(AuthDecision.refuse(401, "no"))))
                .game(g -> g.shards(1)).room("chat", () -> new TestRooms.ChatRoom(log, new AtomicLong()))
                .monitor(m -> m.enabled(true).token(TOKEN)).build().start();

        // when / then
        assertThat(upgradeStatus("/ws")).isEqualTo(401);
        assertThat(upgradeStatus("/monitor/live?token=" + TOKEN)).isEqualTo(101);
        assertThat(upgradeStatus("/monitor/live?token=wrong")).isEqualTo(403);
    }

    @Test
    void shouldServeNoMonitorWhenOff() throws Exception {
        // given
        server.close();
        server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1)).game(g -> g.shards(1))
                .room("chat", () -> new TestRooms.ChatRoom(log, new AtomicLong())).build().start();

        // when / then
        assertThat(request("GET", "/monitor/api/state?token=" + TOKEN, null).statusCode()).isEqualTo(404);
        assertThat(request("GET", "/monitor/", null).statusCode()).isEqualTo(404);
    }

    // ---- helpers

    private static BodyCase joined(GameClient client, String roomType) {
        client.join(roomType);
        return BodyCase.JOINED;
    }

    private static ServerEnvelope expectSkipping(GameClient client, BodyCase body) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            ServerEnvelope next = client.next();
            if (next.getBodyCase() == body) {
                return next;
            }
        }
        throw new AssertionError("no " + body);
    }

    private void assertBad(String method, String path, int status, String message) throws Exception {
        HttpResponse<String> response = request(method, path, TOKEN);
        assertThat(response.statusCode()).as(method + " " + path).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(ConfigFactory.parseString(response.body()).getString("error")).contains(message);
    }

    private HttpResponse<String> request(String method, String path, String bearer) throws Exception {
        return BearerHttp.send(server.port(), method, path, bearer);
    }

    private String rawRequest(String head) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private int upgradeStatus(String path) {
        try {
            WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + server.port()
                    + path), new WebSocket.Listener() { }).join();
            socket.abort();
            return 101;
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }

    private Config awaitState(Predicate<Config> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            HttpResponse<String> response = request("GET", "/monitor/api/state", TOKEN);
            assertThat(response.statusCode()).isEqualTo(200);
            Config state = ConfigFactory.parseString(response.body());
            if (condition.test(state)) {
                return state;
            }
            assertThat(System.nanoTime()).as("state condition within %d s; last: %s", WAIT_SECONDS, response.body())
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static boolean hasRoom(Config state, String id) {
        return state.getConfigList("rooms").stream().anyMatch(r -> r.getString("id").equals(id));
    }

    private static Config room(Config state, String id) {
        return state.getConfigList("rooms").stream().<Config>map(r -> r).filter(r -> r.getString("id").equals(id))
                .findFirst().orElse(ConfigFactory.parseString("{id:\"" + id + "\",locked:false,players:[]}"));
    }

    private static List<? extends Config> players(Config state, String room) {
        return room(state, room).getConfigList("players");
    }

    private static InetAddress nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return address;
                }
            }
        }
        return null;
    }

    /** A live-feed client on the JDK's WebSocket: collects the state documents pushed. */
    private static final class Viewer implements WebSocket.Listener, AutoCloseable {
        private final BlockingQueue<String> states = new LinkedBlockingQueue<>();
        private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Viewer open(int port, String path) {
            Viewer viewer = new Viewer();
            viewer.socket = HTTP.newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + path), viewer).join();
            return viewer;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                states.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        /** Waits for a pushed state meeting {@code condition}. */
        Config until(Predicate<Config> condition) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            String last = null;
            while (System.nanoTime() < deadline) {
                String text = states.poll(1, TimeUnit.SECONDS);
                if (text == null) {
                    continue;
                }
                last = text;
                Config state = ConfigFactory.parseString(text);
                if (condition.test(state)) {
                    return state;
                }
            }
            throw new AssertionError("no pushed state met the condition; last: " + last);
        }

        int closeCode() throws Exception {
            return closeCode.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            socket.abort();
        }
    }
}
