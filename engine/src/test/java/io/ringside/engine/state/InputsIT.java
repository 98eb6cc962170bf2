package io.ringside.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Int32Value;
import io.ringside.engine.RingsideServer;
import io.ringside.engine.client.GameClient;
import io.ringside.engine.client.GameClientConfig;
import io.ringside.engine.client.GameListener;
import io.ringside.engine.client.GameRoom;
import io.ringside.engine.client.InputPredictor;
import io.ringside.engine.client.MirrorEntity;
import io.ringside.engine.client.WebSocketClient;
import io.ringside.engine.room.RoomOptions;
import io.ringside.engine.room.ShardMetrics;
import io.ringside.engine.state.vectors.Mover;
import io.ringside.protocol.envelope.ErrorCode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Inputs over real sockets: numbered inputs, one taken per tick, the acks back in the mirror. */
@Timeout(30)
class InputsIT {
    private static final long WAIT_SECONDS = 10;
    private static final int QUEUE = 4;
    private static RingsideServer server;
    private static WebSocketClient webSocketClient;
    private static URI uri;
    private final List<ErrorCode> errorsA = new CopyOnWriteArrayList<>();
    private GameClient a;
    private GameClient b;

    @BeforeAll
    static void start() throws Exception {
        server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1))
                .game(g -> g.shards(1).tickRateHz(20).inputQueueCapacity(QUEUE))
                .room("inputs", InputTestRoom::new, RoomOptions.builder().capacity(2).build())
                .build().start();
        uri = URI.create("ws://127.0.0.1:" + server.port() + RingsideServer.DEFAULT_ENDPOINT_PATH);
        webSocketClient = WebSocketClient.start();
    }

    @AfterAll
    static void stop() {
        webSocketClient.close();
        server.close();
    }

    @AfterEach
    void closeClients() {
        for (GameClient client : new GameClient[] {a, b}) {
            if (client != null && client.connection() != null) {
                client.close();
            }
        }
    }

    @Test
    void shouldAckEveryInputTakenInOrderSoThatPredictionAgreesWithTheServer() throws Exception {
        // given
        a = connect(new GameListener() { });
        GameRoom room = a.createPrivate("inputs", java.util.Map.of(), "").get(WAIT_SECONDS, TimeUnit.SECONDS);
        await(a, () -> own(a, room) != null);
        InputPredictor<Integer, Int32Value> predictor = new InputPredictor<>(InputTestRoom::step);
        predictor.reset(0);

        // when four inputs go out, one per poll, each predicted at once
        for (int value = 1; value <= QUEUE; value++) {
            assertThat(predictor.send(a, Int32Value.of(value))).isEqualTo(value);
        }
        int predicted = predictor.state();
        await(a, () -> a.state().inputAck() == QUEUE);

        // then
        Mover mine = own(a, room);
        assertThat(mine.getScore()).isEqualTo(1234);
        assertThat(mine.getHealth()).isEqualTo(QUEUE);
        assertThat(predicted).isEqualTo(1234);
        assertThat(predictor.reconcile(mine.getScore(), a.state().inputAck())).isEqualTo(1234);
        assertThat(predictor.pending()).isZero();
        assertThat(predictor.corrections()).isZero();
    }

    @Test
    void shouldDropTheOldestButTakeAndAckTheNewestWhenInputsFloodFasterThanTicks() throws Exception {
        // given
        a = connect(new GameListener() { });
        GameRoom room = a.createPrivate("inputs", java.util.Map.of(), "").get(WAIT_SECONDS, TimeUnit.SECONDS);
        await(a, () -> own(a, room) != null);
        int flood = 50;
        ShardMetrics before = server.metrics().get(0);

        // when fifty inputs are written back to back (the room takes one per 50 ms tick)
        for (int seq = 1; seq <= flood; seq++) {
            assertThat(a.sendInput(seq, Int32Value.of(seq % 10))).isTrue();
        }
        await(a, () -> a.state().inputAck() == flood && own(a, room).getHealth() + own(a, room).getAmmo() == flood);

        // then every input was either taken or dropped, and some were dropped
        Mover mine = own(a, room);
        assertThat(mine.getAmmo()).isPositive();
        assertThat(mine.getHealth()).isLessThan(flood);
        assertThat(mine.getScore() % 10).isEqualTo(flood % 10);
        ShardMetrics after = server.metrics().get(0);
        assertThat(after.inputsTaken() - before.inputsTaken()).isEqualTo(mine.getHealth());
        assertThat(after.inputsDropped() - before.inputsDropped()).isEqualTo(mine.getAmmo());
        assertThat(scrape()).contains(metricLine("dropped", after.inputsDropped()))
                .contains(metricLine("taken", after.inputsTaken()));
    }

    @Test
    void shouldAnswerMalformedInputToABadSeqAndKeepServingThatClientAndTheOther() throws Exception {
        // given
        a = connect(new GameListener() {
            @Override
            public void onError(GameClient client, ErrorCode code, String message) {
                errorsA.add(code);
            }
        });
        b = connect(new GameListener() { });
        GameRoom roomA = a.joinOrCreate("inputs").get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameRoom roomB = b.joinOrCreate("inputs").get(WAIT_SECONDS, TimeUnit.SECONDS);
        await(a, () -> own(a, roomA) != null);
        await(b, () -> own(b, roomB) != null);

        long refusedBefore = server.metrics().get(0).inputsRefused();

        // when a sends seq 0 and a duplicate around a good input, b a good one
        a.sendInput(0, Int32Value.of(9));
        a.sendInput(1, Int32Value.of(1));
        a.sendInput(1, Int32Value.of(9));
        a.sendInput(2, Int32Value.of(2));
        b.sendInput(1, Int32Value.of(7));
        await(a, () -> a.state().inputAck() == 2 && errorsA.size() == 2);
        await(b, () -> b.state().inputAck() == 1);

        // then
        assertThat(errorsA).containsOnly(ErrorCode.ERROR_CODE_MALFORMED_INPUT);
        assertThat(own(a, roomA).getScore()).isEqualTo(12);
        assertThat(own(b, roomB).getScore()).isEqualTo(7);
        assertThat(a.connection()).isNotNull();
        long refused = server.metrics().get(0).inputsRefused();
        assertThat(refused - refusedBefore).isEqualTo(2);
        assertThat(scrape()).contains(metricLine("refused", refused));
    }

    private static String metricLine(String outcome, long value) {
        return "ringside_inputs_total{outcome=\"" + outcome + "\",shard=\"0\"} " + value + ".0";
    }

    private static String scrape() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static GameClient connect(GameListener listener) throws Exception {
        GameClient client = GameClient.create(webSocketClient, uri,
                GameClientConfig.builder().delivery(GameClientConfig.Delivery.POLL).build(), listener);
        client.state().register(Mover.getDefaultInstance());
        client.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
        return client;
    }

    /** Polls {@code client}'s events on this thread (where its mirror is applied) until {@code condition}. */
    private static void await(GameClient client, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition before the deadline").isLessThan(deadline);
            client.poll();
            Thread.onSpinWait();
        }
    }

    private static Mover own(GameClient client, GameRoom room) {
        for (MirrorEntity entity : client.state().entities()) {
            Mover mover = (Mover) entity.toMessage();
            if (mover.getName().equals(room.sessionId())) {
                return mover;
            }
        }
        return null;
    }
}
