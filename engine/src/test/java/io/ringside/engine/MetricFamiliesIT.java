package io.ringside.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import com.google.protobuf.Int32Value;
import com.google.protobuf.Int64Value;
import com.google.protobuf.StringValue;
import io.ringside.engine.room.Player;
import io.ringside.engine.room.Room;
import io.ringside.engine.room.RoomOptions;
import io.ringside.engine.room.TestRooms;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.envelope.ServerEnvelope.BodyCase;
import io.ringside.protocol.websocket.CloseCode;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every metric family of {@code /metrics} against traffic whose numbers the test knows, scraped over
 * a raw socket and parsed by the Prometheus client library's own text parser: bytes and frames to the
 * byte, close codes, backlog overflows, backpressure pauses, tick overruns, frame-pool use,
 * reconnects, malformed messages and room failures.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MetricFamiliesIT {
    private static final long DEADLINE_NS = TimeUnit.SECONDS.toNanos(20);
    private static final String SCRAPE = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    /** FloodRoom: answers with the given number of 16 KiB messages. */
    private static final int FLOOD = 1;
    /** FloodRoom: spends the given milliseconds of CPU in the room's code, within one tick. */
    private static final int SPIN = 2;
    private static final int FLOOD_MESSAGE_BYTES = 16 * 1024;

    private RingsideServer server;
    /**
     * Bytes the server received from the scrapes so far (their requests, each counted as it is read,
     * so by the scrape it asks for) and sent to them before the last one (a response is counted once
     * written, after the figures in it were taken).
     */
    private long scrapeBytesIn;
    private long scrapeBytesOutBeforeLast;
    private long scrapeBytesOut;
    private int scrapes;

    /** Floods the sender on request, or overruns its tick. */
    static final class FloodRoom extends Room {
        @Override
        protected void onCreate(Map<String, String> options) {
            messages().on(FLOOD, Int32Value.parser(), this::flood);
            messages().on(SPIN, Int32Value.parser(), (player, ms) -> {
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms.getValue());
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            });
        }

        private void flood(Player player, Int32Value count) {
            BytesValue big = BytesValue.of(ByteString.copyFrom(new byte[FLOOD_MESSAGE_BYTES]));
            for (int i = 0; i < count.getValue(); i++) {
                send(player, FLOOD, big);
            }
        }
    }

    @BeforeEach
    void start() throws Exception {
        PrometheusText.assumeParserInstalled();
        server = RingsideServer.builder()
                .transport(t -> t.port(0).ioLoops(1).maxOutboundBacklogBytes(256 * 1024))
                .game(g -> g.shards(1).tickRateHz(60).slotsPerSessionPerTick(2))
                .room("chat", () -> new TestRooms.ChatRoom(new ConcurrentLinkedQueue<>(), new AtomicLong()),
                        RoomOptions.builder().reconnectGraceMs(10_000).build())
                .room("flood", FloodRoom::new)
                .build().start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldCountBytesFramesAndClosesToTheByteWhenTrafficIsKnown() throws Exception {
        // given: one raw client upgrades, joins, counts once, and closes with 1000
        long clientSent;
        long clientReceived;
        try (RawGameClient client = new RawGameClient(server.port())) {
            client.send(ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomType("chat")).build());
            client.readUntil(e -> e.getBodyCase() == BodyCase.JOINED);
            client.send(game(TestRooms.COUNT, Int64Value.of(0)));
            client.readUntil(e -> e.getBodyCase() == BodyCase.GAME);
            client.sendClose(CloseCode.NORMAL_CLOSURE);
            client.readToEnd();
            clientSent = client.bytesSent();
            clientReceived = client.bytesReceived();
            assertThat(client.closeCode()).isEqualTo(CloseCode.NORMAL_CLOSURE);
        }

        // when
        // (the player's leave waits in the ring until the next tick)
        PrometheusText m = scrapeUntil(s -> Double.valueOf(1).equals(s.value("ringside_websocket_closes_total"
                + "{code=\"1000\"}")) && Double.valueOf(0).equals(s.value("ringside_players{room_type=\"chat\"}")));

        // then: bytes as on the wire, the scrapes' own requests and earlier responses included
        assertThat(m.value("ringside_received_bytes_total{}")).isEqualTo(clientSent + scrapeBytesIn);
        assertThat(m.value("ringside_sent_bytes_total{}")).isEqualTo(clientReceived + scrapeBytesOutBeforeLast);
        assertThat(m.value("ringside_websocket_messages_received_total{}")).isEqualTo(2);
        // frames: the two messages and the close frame
        assertThat(m.value("ringside_websocket_frames_received_total{}")).isEqualTo(3);
        // data frames: Joined and the count's answer (the close frame is a control frame)
        assertThat(m.value("ringside_websocket_frames_sent_total{}")).isEqualTo(2);
        assertThat(m.value("ringside_handshakes_total{status=\"101\"}")).isEqualTo(1);
        // a scrape counts its own response after taking its figures
        assertThat(m.value("ringside_http_responses_total{status=\"200\"}")).isEqualTo(scrapes == 1 ? null
                : Double.valueOf(scrapes - 1));
        assertThat(m.value("ringside_connections_accepted_total{}")).isEqualTo(1 + scrapes);
        // upgraded connections only: the game connection is closed, the scrape's is plain HTTP
        assertThat(m.value("ringside_connections_open{}")).isZero();
        assertThat(m.value("ringside_websocket_closes_total{code=\"1000\"}")).isEqualTo(1);
        assertThat(m.value("ringside_websocket_closes_total{code=\"1006\"}")).isNull();
        assertThat(m.value("ringside_room_messages_total{room_type=\"chat\"}")).isEqualTo(1);
        assertThat(m.value("ringside_outbound_messages_total{shard=\"0\"}")).isEqualTo(2);
        assertThat(m.value("ringside_inbound_ring_depth{shard=\"0\"}")).isZero();
        assertThat(m.value("ringside_outbound_backlog_overflows_total{}")).isZero();
    }

    @Test
    void shouldCountABacklogOverflowAndItsCloseWhenAPlayerStopsReading() throws Exception {
        // given: a player that reads nothing
        try (RawGameClient stalled = new RawGameClient(server.port())) {
            stalled.send(ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomType("flood")).build());

            // when: the room sends it 4 MiB against a 256 KiB backlog limit
            stalled.send(game(FLOOD, Int32Value.of(256)));

            // then
            PrometheusText m = scrapeUntil(s -> Double.valueOf(1).equals(
                    s.value("ringside_outbound_backlog_overflows_total{}")));
            assertThat(m.value("ringside_outbound_backlog_overflows_total{}")).isEqualTo(1);
            assertThat(scrapeUntil(s -> Double.valueOf(1).equals(s.value("ringside_websocket_closes_total"
                    + "{code=\"1008\"}"))).value("ringside_websocket_closes_total{code=\"1008\"}")).isEqualTo(1);
        }
    }

    @Test
    void shouldCountOverrunsPausesFramePoolMalformedAndFailuresWhenProvoked() throws Exception {
        try (GameClient flooder = GameClient.connect(server.port());
             GameClient chat = GameClient.connect(server.port())) {
            flooder.join("flood");
            flooder.expect(BodyCase.JOINED);
            chat.join("chat");
            chat.expect(BodyCase.JOINED);
            PrometheusText before = scrape();

            // when: one tick spends 100 ms of a 16.7 ms budget
            flooder.game(SPIN, Int32Value.of(100));
            // and 20 messages arrive at once against 2 slots per tick (the client sends them in one go)
            for (int i = 0; i < 20; i++) {
                chat.game(TestRooms.COUNT, Int64Value.of(i));
            }
            for (int i = 1; i <= 20; i++) {
                assertThat(Int64Value.parseFrom(chat.expect(BodyCase.GAME).getGame().getPayload()).getValue())
                        .isEqualTo(i);
            }
            // and a message that is no envelope, a game message whose payload does not parse, then room
            // code that throws
            chat.sendRaw(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});
            assertThat(chat.expect(BodyCase.ERROR).getError().getCode())
                    .isEqualTo(ErrorCode.ERROR_CODE_MALFORMED_MESSAGE);
            chat.send(ClientEnvelope.newBuilder().setGame(GameMessage.newBuilder().setType(TestRooms.COUNT)
                    .setPayload(ByteString.copyFrom(new byte[] {(byte) 0xff}))).build());
            assertThat(chat.expect(BodyCase.ERROR).getError().getCode())
                    .isEqualTo(ErrorCode.ERROR_CODE_MALFORMED_MESSAGE);
            chat.game(TestRooms.BOOM, StringValue.of("now"));
            assertThat(chat.expect(BodyCase.ERROR).getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_INTERNAL);

            // then (the start-up ticks of a busy machine may have overrun already: counted from "before")
            PrometheusText m = scrapeUntil(s -> Double.valueOf(1).equals(s.value("ringside_room_failures_total"
                    + "{shard=\"0\"}")) && overruns(s) > overruns(before));
            assertThat(overruns(m) - overruns(before)).isGreaterThanOrEqualTo(1);
            assertThat(ticksOver50Ms(m) - ticksOver50Ms(before)).isGreaterThanOrEqualTo(1);
            String pauses = "ringside_inbound_backpressure_pauses_total{shard=\"0\"}";
            assertThat(m.value(pauses) - before.value(pauses)).isGreaterThanOrEqualTo(1);
            assertThat(m.value("ringside_malformed_envelopes_total{}")).isEqualTo(1);
            assertThat(m.value("ringside_malformed_messages_total{shard=\"0\"}")).isEqualTo(1);
            assertThat(m.value("ringside_room_failures_total{shard=\"0\"}")).isEqualTo(1);
            assertThat(m.value("ringside_room_messages_total{room_type=\"chat\"}")).isEqualTo(22);
            double created = m.value("ringside_frame_pool_created_total{shard=\"0\"}");
            double reused = m.value("ringside_frame_pool_reused_total{shard=\"0\"}");
            assertThat(created).isPositive();
            assertThat(reused).as("20 answers, one at a time, reuse pooled frames").isPositive();
            assertThat(created + reused).isGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void shouldCountReconnectsAcceptedAndRejected() throws Exception {
        // given: a player whose connection drops while its seat is held
        String room;
        String token;
        try (GameClient first = GameClient.connect(server.port())) {
            first.join("chat");
            ServerEnvelope joined = first.expect(BodyCase.JOINED);
            room = joined.getJoined().getRoomId();
            token = joined.getJoined().getReconnectToken();
            first.abort();
        }
        try (GameClient back = GameClient.connect(server.port());
             GameClient forger = GameClient.connect(server.port())) {
            // when
            back.join(JoinRequest.newBuilder().setRoomId(room).setReconnectToken(token).build());
            back.expect(BodyCase.JOINED);
            forger.join(JoinRequest.newBuilder().setRoomId(room).setReconnectToken(token).build());
            assertThat(forger.expect(BodyCase.ERROR).getError().getCode())
                    .isEqualTo(ErrorCode.ERROR_CODE_RECONNECT_REJECTED);

            // then
            PrometheusText m = scrape();
            assertThat(m.value("ringside_reconnects_total{outcome=\"accepted\"}")).isEqualTo(1);
            assertThat(m.value("ringside_reconnects_total{outcome=\"rejected\"}")).isEqualTo(1);
            assertThat(m.value("ringside_players{room_type=\"chat\"}")).isEqualTo(1);
            assertThat(m.value("ringside_websocket_closes_total{code=\"1006\"}")).isEqualTo(1);
        }
    }

    // ---- helpers

    private static double overruns(PrometheusText m) {
        return m.value("ringside_tick_overruns_total{shard=\"0\"}");
    }

    private static double ticksOver50Ms(PrometheusText m) {
        return m.value("ringside_tick_duration_seconds_bucket{le=\"+Inf\",shard=\"0\"}")
                - m.value("ringside_tick_duration_seconds_bucket{le=\"0.05\",shard=\"0\"}");
    }

    private static ClientEnvelope game(int type, com.google.protobuf.MessageLite payload) {
        return ClientEnvelope.newBuilder().setGame(GameMessage.newBuilder().setType(type)
                .setPayload(payload.toByteString())).build();
    }

    /** One scrape over a raw socket, whose request and response bytes are added to the totals. */
    private PrometheusText scrape() throws Exception {
        byte[] request = SCRAPE.getBytes(StandardCharsets.ISO_8859_1);
        byte[] response;
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(request);
            response = socket.getInputStream().readAllBytes();
        }
        scrapes++;
        scrapeBytesIn += request.length;
        String text = new String(response, StandardCharsets.UTF_8);
        assertThat(text).startsWith("HTTP/1.1 200 ").contains("Content-Type: text/plain; version=0.0.4");
        PrometheusText parsed = PrometheusText.parse(text.substring(text.indexOf("\r\n\r\n") + 4));
        scrapeBytesOutBeforeLast = scrapeBytesOut;
        scrapeBytesOut += response.length;
        return parsed;
    }

    /** Scrapes until {@code condition} holds (counters are read as the loops publish them). */
    private PrometheusText scrapeUntil(Predicate<PrometheusText> condition) throws Exception {
        long deadline = System.nanoTime() + DEADLINE_NS;
        PrometheusText m = scrape();
        while (!condition.test(m)) {
            assertThat(System.nanoTime()).as("metrics condition within 20 s").isLessThan(deadline);
            Thread.sleep(20);
            m = scrape();
        }
        return m;
    }
}
