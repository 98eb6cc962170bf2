package io.ringside.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.UInt64Value;
import io.ringside.engine.room.Room;
import io.ringside.engine.transport.TestCertificates;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads tied to the tick ({@code transport.read-before-tick-us}) over real sockets, plain and TLS.
 * The room answers each input and sends nothing else, so between ticks nothing but the I/O loop's
 * own timed wake-ups makes it read: a loop that stopped reading while it waits for the tick answers
 * nothing, and one that read only when the tick hands it sends would take each input a tick late.
 */
@Timeout(60)
class ReadBeforeTickIT {
    private static final int TICK_HZ = 10;
    private static final long READ_BEFORE_TICK_US = 5_000;
    private static final int ROUNDS = 20;
    private static final int INPUT = 1;
    private static final int STAMP = 2;

    @TempDir
    static Path dir;
    private static TestCertificates certificates;

    private RingsideServer server;
    private GameClient client;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certificates = TestCertificates.create(dir, "read-before-tick-it");
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "tls={0}")
    @ValueSource(booleans = {false, true})
    void shouldTakeEachInputAtTheNextTickWhenReadsWaitForTheTick(boolean tls) throws Exception {
        // given: one I/O loop that waits for the tick after each read, one shard at 10 Hz
        joinQuietRoom(tls);

        // when: each input is sent as soon as the answer to the one before arrives, just after a tick
        long[] ticks = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            client.game(INPUT, UInt64Value.of(i));
            ticks[i] = stampedTick();
        }

        // then: each one is taken, nearly always by the very next tick (a slow machine may miss one)
        int nextTick = 0;
        for (int i = 1; i < ROUNDS; i++) {
            assertThat(ticks[i]).isGreaterThan(ticks[i - 1]);
            if (ticks[i] == ticks[i - 1] + 1) {
                nextTick++;
            }
        }
        assertThat(nextTick).as("inputs taken by the tick after the answer before, of %d", ROUNDS - 1)
                .isGreaterThanOrEqualTo(ROUNDS / 2);
    }

    @ParameterizedTest(name = "tls={0}")
    @ValueSource(booleans = {false, true})
    void shouldAnswerPingsAndTheClosingHandshakeWhileTheRoomSendsNothing(boolean tls) throws Exception {
        // given
        joinQuietRoom(tls);

        // when / then: the loop answers each ping itself, with no send from the tick to wake it
        for (int i = 0; i < ROUNDS; i++) {
            byte[] payload = ("ping " + i).getBytes(StandardCharsets.US_ASCII);
            client.sendPing(payload);
            assertThat(client.nextPong()).isEqualTo(payload);
        }
        client.sendClose(1000);
        assertThat(client.closeCode()).isEqualTo(1000);
    }

    private void joinQuietRoom(boolean tls) throws Exception {
        server = RingsideServer.builder()
                .transport(t -> {
                    t.port(0).ioLoops(1).readBeforeTickUs(READ_BEFORE_TICK_US);
                    if (tls) {
                        t.tls(x -> x.certificateChain(certificates.certificatePem()).privateKey(certificates.keyPem()));
                    }
                })
                .game(g -> g.shards(1).tickRateHz(TICK_HZ))
                .room("stamp", TickStampRoom::new)
                .build().start();
        String uri = (tls ? "wss" : "ws") + "://localhost:" + server.port() + RingsideServer.DEFAULT_ENDPOINT_PATH;
        HttpClient http = tls ? HttpClient.newBuilder().sslContext(certificates.clientContext()).build()
                : HttpClient.newHttpClient();
        client = GameClient.connect(http, URI.create(uri));
        client.expectJoinedSession("stamp");
    }

    /** The tick number of the next answer, skipping anything else the server sends. */
    private long stampedTick() throws Exception {
        while (true) {
            ServerEnvelope envelope = client.next();
            if (envelope.hasGame() && envelope.getGame().getType() == STAMP) {
                return UInt64Value.parseFrom(envelope.getGame().getPayload()).getValue();
            }
        }
    }

    /** Answers each input, in the tick that takes it, with that tick's number; sends nothing else. */
    static final class TickStampRoom extends Room {
        @Override
        protected void onCreate(Map<String, String> options) {
            messages().onRaw(INPUT, (player, bytes, offset, length) ->
                    send(player, STAMP, UInt64Value.of(currentTick())));
        }
    }
}
