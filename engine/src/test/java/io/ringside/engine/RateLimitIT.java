package io.ringside.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Int64Value;
import io.ringside.engine.room.RateLimit;
import io.ringside.engine.room.Room;
import io.ringside.engine.room.ShardMetrics;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.LeaveReason;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Rate limits per message type over real sockets: a room limits three types to a burst of 3 (and
 * one message per 1 000 s after it), one per action. A flooder sends 10 of a type; another player in
 * the same room sends 3 of the same type and a probe. The flooder gets the declared action, the
 * other player has all of its messages handled, and the shard metrics and {@code /metrics} count it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RateLimitIT {
    private static final int DROPPED = 1;
    private static final int ERRORED = 2;
    private static final int KICKED = 3;
    /** Unlimited: answered with how many limited messages of the sender the room handled. */
    private static final int PROBE = 9;
    private static final int BURST = 3;
    private static final int FLOOD = 10;
    private static final int KICK_CODE = 4008;

    private RingsideServer server;
    private RawGameClient flooder;
    private RawGameClient other;

    @BeforeEach
    void start() throws Exception {
        server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1).shutdownTimeoutMs(500))
                .game(g -> g.shards(1).tickRateHz(20))
                .room("limited", LimitedRoom::new)
                .build().start();
        flooder = new RawGameClient(server.port());
        other = new RawGameClient(server.port());
        flooder.send(join());
        flooder.readUntil(ServerEnvelope::hasJoined);
        other.send(join());
        other.readUntil(ServerEnvelope::hasJoined);
    }

    @AfterEach
    void stop() throws Exception {
        flooder.close();
        other.close();
        server.close();
    }

    @Test
    void shouldDropTheFloodersMessagesOverTheLimitWithoutAWordAndHandleTheOtherPlayers() throws Exception {
        // given / when
        List<ServerEnvelope> flooderGot = flood(DROPPED);
        List<ServerEnvelope> otherGot = sendWithinLimitAndProbe(DROPPED);

        // then
        assertThat(flooderGot.stream().filter(ServerEnvelope::hasError)).isEmpty();
        assertThat(handled(last(flooderGot))).isEqualTo(BURST);
        assertThat(handled(last(otherGot))).isEqualTo(BURST);
        assertThat(metrics().rateLimitedDropped()).isEqualTo(FLOOD - BURST);
        assertThat(scrape()).contains("ringside_rate_limited_messages_total{action=\"dropped\",shard=\"0\"} "
                + (FLOOD - BURST) + ".0");
    }

    @Test
    void shouldAnswerRateLimitedToTheFlooderOnlyWhenTheLimitSaysError() throws Exception {
        // given / when
        List<ServerEnvelope> flooderGot = flood(ERRORED);
        List<ServerEnvelope> otherGot = sendWithinLimitAndProbe(ERRORED);

        // then
        assertThat(flooderGot.stream().filter(ServerEnvelope::hasError)).hasSize(FLOOD - BURST)
                .allMatch(e -> e.getError().getCode() == ErrorCode.ERROR_CODE_RATE_LIMITED);
        assertThat(handled(last(flooderGot))).isEqualTo(BURST);
        assertThat(otherGot.stream().filter(ServerEnvelope::hasError)).isEmpty();
        assertThat(handled(last(otherGot))).isEqualTo(BURST);
        assertThat(metrics().rateLimitedErrored()).isEqualTo(FLOOD - BURST);
    }

    @Test
    void shouldKickAndCloseTheFlooderWithTheDeclaredCodeWhileTheOtherPlayerStays() throws Exception {
        // given
        for (int i = 0; i < FLOOD; i++) {
            flooder.send(game(KICKED));
        }

        // when
        List<ServerEnvelope> flooderGot = flooder.readUntil(e -> false);
        List<ServerEnvelope> otherGot = sendWithinLimitAndProbe(KICKED);

        // then
        assertThat(flooderGot.stream().filter(ServerEnvelope::hasLeft)).singleElement()
                .satisfies(e -> assertThat(e.getLeft().getReason()).isEqualTo(LeaveReason.LEAVE_REASON_KICKED))
                .satisfies(e -> assertThat(e.getLeft().getMessage()).isEqualTo("too fast"));
        assertThat(flooder.closeCode()).isEqualTo(KICK_CODE);
        assertThat(handled(last(otherGot))).isEqualTo(BURST);
        assertThat(metrics().rateLimitedKicked()).isEqualTo(1);
        assertThat(scrape()).contains("ringside_rate_limited_messages_total{action=\"kick\",shard=\"0\"} 1.0");
    }

    private List<ServerEnvelope> flood(int type) throws Exception {
        for (int i = 0; i < FLOOD; i++) {
            flooder.send(game(type));
        }
        flooder.send(game(PROBE));
        return flooder.readUntil(RateLimitIT::isProbeAnswer);
    }

    private List<ServerEnvelope> sendWithinLimitAndProbe(int type) throws Exception {
        for (int i = 0; i < BURST; i++) {
            other.send(game(type));
        }
        other.send(game(PROBE));
        return other.readUntil(RateLimitIT::isProbeAnswer);
    }

    private ShardMetrics metrics() {
        return server.metrics().get(0);
    }

    private String scrape() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static ServerEnvelope last(List<ServerEnvelope> envelopes) {
        return envelopes.get(envelopes.size() - 1);
    }

    private static boolean isProbeAnswer(ServerEnvelope envelope) {
        return envelope.hasGame() && envelope.getGame().getType() == PROBE;
    }

    private static long handled(ServerEnvelope probeAnswer) throws InvalidProtocolBufferException {
        assertThat(isProbeAnswer(probeAnswer)).as("probe answer: %s", probeAnswer).isTrue();
        return Int64Value.parseFrom(probeAnswer.getGame().getPayload()).getValue();
    }

    private static ClientEnvelope join() {
        return ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomType("limited")).build();
    }

    private static ClientEnvelope game(int type) {
        return ClientEnvelope.newBuilder().setGame(GameMessage.newBuilder().setType(type)
                .setPayload(ByteString.copyFromUtf8("x"))).build();
    }

    /** Three limited types, one per action, and a probe answering how many of them the sender got handled. */
    public static final class LimitedRoom extends Room {
        private final Map<String, Long> handled = new java.util.HashMap<>();

        @Override
        protected void onCreate(Map<String, String> options) {
            RateLimit.Builder limit = RateLimit.builder().ratePerSecond(RateLimit.MIN_RATE_PER_SECOND).burst(BURST);
            messages().onRaw(DROPPED, this::count).limit(DROPPED, limit.drop().build())
                    .onRaw(ERRORED, this::count).limit(ERRORED, limit.error().build())
                    .onRaw(KICKED, this::count).limit(KICKED, limit.kick(KICK_CODE, "too fast").build())
                    .onRaw(PROBE, (player, bytes, offset, length) ->
                            send(player, PROBE, Int64Value.of(handled.getOrDefault(player.sessionId(), 0L))));
        }

        private void count(io.ringside.engine.room.Player player, byte[] bytes, int offset, int length) {
            handled.merge(player.sessionId(), 1L, Long::sum);
        }
    }
}
