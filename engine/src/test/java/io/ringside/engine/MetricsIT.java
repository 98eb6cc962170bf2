package io.ringside.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.StringValue;
import io.ringside.engine.config.RingsideConfig;
import io.ringside.engine.room.JoinDecision;
import io.ringside.engine.room.JoinRequest;
import io.ringside.engine.room.Room;
import io.ringside.engine.room.RoomOptions;
import io.ringside.engine.room.RoomRegistry;
import io.ringside.engine.room.RoomSnapshot;
import io.ringside.engine.room.TestRooms;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.RoomList;
import io.ringside.protocol.envelope.ServerEnvelope.BodyCase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code /metrics}, {@code /healthz} and {@code /readyz} over real sockets: known traffic, then a
 * scrape parsed by the Prometheus client library's own text parser, its values checked.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MetricsIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long DEADLINE_NS = TimeUnit.SECONDS.toNanos(20);

    private final Queue<String> log = new ConcurrentLinkedQueue<>();
    private RingsideServer server;

    @BeforeEach
    void start() throws Exception {
        PrometheusText.assumeParserInstalled();
        server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(2)).game(g -> g.shards(2).tickRateHz(60))
                .room("chat", () -> new TestRooms.ChatRoom(log, new AtomicLong()),
                        RoomOptions.builder().capacity(2).build())
                .room("lobby", () -> new TestRooms.ChatRoom(log, new AtomicLong()), RoomOptions.defaults())
                .build().start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private PrometheusText scrape() throws Exception {
        HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        return PrometheusText.parse(response.body());
    }

    /** Scrapes until {@code condition} holds (counters are read as the loops publish them). */
    private PrometheusText scrapeUntil(Predicate<PrometheusText> condition) throws Exception {
        long deadline = System.nanoTime() + DEADLINE_NS;
        PrometheusText scrape = scrape();
        while (!condition.test(scrape) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            scrape = scrape();
        }
        return scrape;
    }

    private String rawRequest(String head) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void shouldCountKnownTrafficWhenScraped() throws Exception {
        // given: two players chat in one room, one tries an unknown room type, a bad upgrade, a drop
        try (GameClient a = GameClient.connect(server.port()); GameClient b = GameClient.connect(server.port())) {
            a.join("chat");
            a.expect(BodyCase.JOINED);
            b.join("chat");
            b.expect(BodyCase.JOINED);
            for (int i = 0; i < 3; i++) {
                a.game(TestRooms.CHAT, StringValue.of("hello " + i));
                b.expect(BodyCase.GAME);
            }
            b.join("nope");
            assertThat(b.expect(BodyCase.ERROR).getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_ALREADY_IN_ROOM);
            try (GameClient c = GameClient.connect(server.port())) {
                c.join("nope");
                assertThat(c.expect(BodyCase.ERROR).getError().getCode())
                        .isEqualTo(ErrorCode.ERROR_CODE_UNKNOWN_ROOM_TYPE);
            }
            assertThat(rawRequest("GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"))
                    .startsWith("HTTP/1.1 400");

            // when
            PrometheusText m = scrapeUntil(s -> Double.valueOf(1).equals(s.value("ringside_websocket_closes_total"
                    + "{code=\"1006\"}")) && Double.valueOf(3).equals(s.value("ringside_room_messages_total"
                    + "{room_type=\"chat\"}")));

            // then
            assertThat(m.value("ringside_handshakes_total{status=\"101\"}")).isEqualTo(3);
            assertThat(m.value("ringside_handshakes_total{status=\"400\"}")).isEqualTo(1);
            assertThat(m.value("ringside_connections_refused_total{reason=\"bad_request\"}")).isEqualTo(1);
            assertThat(m.value("ringside_connections_refused_total{reason=\"origin\"}")).isZero();
            assertThat(m.value("ringside_connections_accepted_total{}")).isGreaterThanOrEqualTo(4);
            assertThat(m.value("ringside_connections_open{}")).isGreaterThanOrEqualTo(2);
            assertThat(m.value("ringside_websocket_closes_total{code=\"1006\"}")).isEqualTo(1);
            assertThat(m.value("ringside_rooms{room_type=\"chat\"}")).isEqualTo(1);
            assertThat(m.value("ringside_players{room_type=\"chat\"}")).isEqualTo(2);
            assertThat(m.value("ringside_rooms{room_type=\"lobby\"}")).isZero();
            assertThat(m.value("ringside_room_messages_total{room_type=\"chat\"}")).isEqualTo(3);
            assertThat(m.value("ringside_joins_total{outcome=\"accepted\",room_type=\"chat\"}")).isEqualTo(2);
            assertThat(m.value("ringside_joins_total{outcome=\"accepted\",room_type=\"lobby\"}")).isZero();
            assertThat(m.value("ringside_joins_total{outcome=\"unknown_type\",room_type=\"\"}")).isEqualTo(1);
            assertThat(m.value("ringside_reconnects_total{outcome=\"accepted\"}")).isZero();
            // a: join and 3 chats; b: 2 joins; c: 1 join
            assertThat(m.value("ringside_websocket_messages_received_total{}")).isEqualTo(7);
            assertThat(m.value("ringside_received_bytes_total{}")).isPositive();
            assertThat(m.value("ringside_sent_bytes_total{}")).isPositive();
            assertThat(m.value("ringside_websocket_frames_sent_total{}")).isGreaterThanOrEqualTo(7);
            assertThat(m.value("ringside_inbound_ring_capacity{shard=\"0\"}")).isEqualTo(16_384);
            assertThat(m.types).containsEntry("ringside_tick_duration_seconds", "histogram")
                    .containsEntry("ringside_joins", "counter").containsEntry("ringside_players", "gauge");
            for (String shard : new String[] {"0", "1"}) {
                double count = m.value("ringside_tick_duration_seconds_count{shard=\"" + shard + "\"}");
                assertThat(count).isPositive();
                assertThat(m.value("ringside_tick_duration_seconds_bucket{le=\"+Inf\",shard=\"" + shard + "\"}"))
                        .isEqualTo(count);
                assertThat(m.value("ringside_tick_duration_seconds_sum{shard=\"" + shard + "\"}")).isPositive();
                assertThat(m.value("ringside_tick_overruns_total{shard=\"" + shard + "\"}")).isNotNull();
            }
        }
    }

    @Test
    void shouldCountJoinOutcomesPerRoomTypeWhenScraped() throws Exception {
        // given: chat rooms of one seat that reject on request, and rooms that never decide in time
        server.close();
        server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1)).game(g -> g.shards(1).tickRateHz(60))
                .room("chat", () -> new TestRooms.ChatRoom(log, new AtomicLong()),
                        RoomOptions.builder().capacity(1).build())
                .room("slow", SilentRoom::new, RoomOptions.builder().joinDecisionTimeoutMs(100).build())
                .build().start();
        try (GameClient accepted = GameClient.connect(server.port());
             GameClient rejected = GameClient.connect(server.port());
             GameClient full = GameClient.connect(server.port());
             GameClient late = GameClient.connect(server.port());
             GameClient lost = GameClient.connect(server.port())) {
            String room = accepted.expect(joinedAs(accepted, "chat")).getJoined().getRoomId();
            rejected.joinWith("chat", Map.of("reject", "no"), "");
            assertThat(rejected.expect(BodyCase.ERROR).getError().getCode())
                    .isEqualTo(ErrorCode.ERROR_CODE_JOIN_REJECTED);
            full.join(io.ringside.protocol.envelope.JoinRequest.newBuilder().setRoomId(room).build());
            assertThat(full.expect(BodyCase.ERROR).getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_ROOM_FULL);
            late.join("slow");
            assertThat(late.expect(BodyCase.ERROR).getError().getMessage()).contains("timed out");
            lost.join("nope");
            assertThat(lost.expect(BodyCase.ERROR).getError().getCode())
                    .isEqualTo(ErrorCode.ERROR_CODE_UNKNOWN_ROOM_TYPE);

            // when
            PrometheusText m = scrape();

            // then
            assertThat(m.value(joins("chat", "accepted"))).isEqualTo(1);
            assertThat(m.value(joins("chat", "rejected"))).isEqualTo(1);
            assertThat(m.value(joins("chat", "full"))).isEqualTo(1);
            assertThat(m.value(joins("chat", "timeout"))).isZero();
            assertThat(m.value(joins("slow", "timeout"))).isEqualTo(1);
            assertThat(m.value(joins("slow", "accepted"))).isZero();
            assertThat(m.value(joins("", "unknown_type"))).isEqualTo(1);
            assertThat(m.types).containsEntry("ringside_joins", "counter");
        }
    }

    private static String joins(String roomType, String outcome) {
        return "ringside_joins_total{outcome=\"" + outcome + "\",room_type=\"" + roomType + "\"}";
    }

    private static BodyCase joinedAs(GameClient client, String roomType) {
        client.join(roomType);
        return BodyCase.JOINED;
    }

    /** A room that never answers a join attempt: its decision stays pending until the timeout. */
    private static final class SilentRoom extends Room {
        @Override
        protected JoinDecision onJoinAttempt(JoinRequest request) {
            return JoinDecision.later(new CompletableFuture<>());
        }
    }

    @Test
    void shouldMoveOrTurnOffTheMetricsRouteWhenConfiguredFromTheEnvironment() throws Exception {
        // given
        server.close();
        server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1)).game(g -> g.shards(1))
                .room("chat", () -> new TestRooms.ChatRoom(log, new AtomicLong()))
                .configure(RingsideConfig.load(null, Map.of("RINGSIDE_METRICS_PATH", "/internal/metrics")))
                .build().start();

        // when
        HttpResponse<String> moved = get("/internal/metrics");
        HttpResponse<String> old = get("/metrics");
        server.close();
        server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1)).game(g -> g.shards(1))
                .room("chat", () -> new TestRooms.ChatRoom(log, new AtomicLong()))
                .configure(RingsideConfig.load(null, Map.of("RINGSIDE_METRICS_ENABLED", "false")))
                .build().start();
        HttpResponse<String> off = get("/metrics");

        // then
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(PrometheusText.parse(moved.body()).types).containsKey("ringside_joins");
        assertThat(old.statusCode()).isEqualTo(404);
        assertThat(off.statusCode()).isEqualTo(404);
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswerHealthyAndReadyWhenRunningAndNotReadyOnceDraining() throws Exception {
        // given
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
        assertThat(server.isReady()).isTrue();

        // when
        server.drain();

        // then: still alive, no longer ready, new joins refused
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = get("/readyz");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).isEqualTo("not ready\n");
        assertThat(server.isReady()).isFalse();
        try (GameClient late = GameClient.connect(server.port())) {
            late.join("chat");
            assertThat(late.expect(BodyCase.ERROR).getError().getCode())
                    .isEqualTo(ErrorCode.ERROR_CODE_SERVER_DRAINING);
        }
        PrometheusText m = scrape();
        assertThat(m.value("ringside_joins_total{outcome=\"draining\",room_type=\"chat\"}")).isEqualTo(1);
    }

    @Test
    void shouldAnswerNotReadyWhileStartingAndReadyOnceStarted() throws Exception {
        // given: a room registry whose start (a cluster's Redis connect) waits for the test
        server.close();
        CompletableFuture<Integer> bound = new CompletableFuture<>();
        CountDownLatch release = new CountDownLatch(1);
        RingsideServer starting = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1)).game(g -> g.shards(1))
                .room("chat", () -> new TestRooms.ChatRoom(log, new AtomicLong()))
                .registry(new RoomRegistry() {
                    @Override
                    public void start(int port, Supplier<List<RoomSnapshot>> rooms) {
                        bound.complete(port);
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }

                    @Override
                    public void roomsChanged() {
                    }

                    @Override
                    public RoomList list(String type) {
                        return RoomList.getDefaultInstance();
                    }

                    @Override
                    public void close() {
                    }
                }).build();
        server = starting;
        CompletableFuture<RingsideServer> started = CompletableFuture.supplyAsync(() -> {
            try {
                return starting.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        int port = bound.get(20, TimeUnit.SECONDS);

        // when: the port answers while start() has not returned
        HttpResponse<String> whileStarting = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/readyz")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> aliveWhileStarting = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + port + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
        release.countDown();
        started.get(20, TimeUnit.SECONDS);

        // then
        assertThat(whileStarting.statusCode()).isEqualTo(503);
        assertThat(aliveWhileStarting.statusCode()).isEqualTo(200);
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldKeepPlayersInTheirRoomsWhenDraining() throws Exception {
        // given
        try (GameClient a = GameClient.connect(server.port()); GameClient b = GameClient.connect(server.port())) {
            a.join("chat");
            a.expect(BodyCase.JOINED);
            b.join("chat");
            b.expect(BodyCase.JOINED);

            // when
            server.drain();
            a.game(TestRooms.CHAT, StringValue.of("still here"));

            // then
            assertThat(StringValue.parseFrom(b.expect(BodyCase.GAME).getGame().getPayload()).getValue())
                    .isEqualTo("still here");
        }
    }
}
