package io.ringside.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.client.GameClient;
import io.ringside.engine.client.GameClientConfig;
import io.ringside.engine.client.GameListener;
import io.ringside.engine.client.GameRoom;
import io.ringside.engine.client.MirrorEntity;
import io.ringside.engine.client.WebSocketClient;
import io.ringside.engine.room.RoomOptions;
import io.ringside.engine.state.vectors.Mover;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Replicated state over real sockets: a room on state, GameClients with mirrors. */
@Timeout(30)
class StateRoomIT {
    private static final long WAIT_SECONDS = 10;
    private static RingsideServer server;
    private static WebSocketClient webSocketClient;
    private static URI uri;
    private GameClient a;
    private GameClient b;

    @BeforeAll
    static void start() throws Exception {
        server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1)).game(g -> g.shards(1).tickRateHz(60))
                .room("state", StateTestRoom::new, RoomOptions.builder().capacity(4).stateSendRateHz(20).build())
                .room("filtered", FieldFilterTestRoom::new,
                        RoomOptions.builder().capacity(4).stateSendRateHz(20).build())
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
    void shouldMirrorEachOthersMoversAndOnlyTheirOwnSecretsWhenTwoPlayersJoin() throws Exception {
        // given two players in one room on replicated state
        a = connect();
        b = connect();
        GameRoom roomA = a.joinOrCreate("state").get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameRoom roomB = b.joinOrCreate("state").get(WAIT_SECONDS, TimeUnit.SECONDS);

        // when both mirrors hold both movers and they have moved
        await(a, () -> moverOf(a, roomB.sessionId()) != null && x(a, roomB.sessionId()) > 5);
        await(b, () -> moverOf(b, roomA.sessionId()) != null && x(b, roomA.sessionId()) > 5);

        // then each sees its own ammo and not the other's, names, and steady motion
        assertThat(moverOf(a, roomA.sessionId()).getAmmo()).isEqualTo(7);
        assertThat(moverOf(a, roomB.sessionId()).getAmmo()).isZero();
        assertThat(moverOf(b, roomB.sessionId()).getAmmo()).isEqualTo(7);
        assertThat(moverOf(b, roomA.sessionId()).getHealth()).isEqualTo(100);
        float before = x(a, roomA.sessionId());
        await(a, () -> x(a, roomA.sessionId()) >= before + 10);
        assertThat(a.state().entitiesOf(Mover.getDescriptor().getFullName())).hasSize(2);
    }

    @Test
    void shouldRemoveAPlayersMoverFromTheOthersMirrorWhenItLeaves() throws Exception {
        // given
        a = connect();
        b = connect();
        a.joinOrCreate("state").get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameRoom roomB = b.joinOrCreate("state").get(WAIT_SECONDS, TimeUnit.SECONDS);
        await(a, () -> moverOf(a, roomB.sessionId()) != null);

        // when
        b.leave().get(WAIT_SECONDS, TimeUnit.SECONDS);

        // then
        await(a, () -> moverOf(a, roomB.sessionId()) == null);
        assertThat(a.state().entities()).hasSize(1);
    }

    @Test
    void shouldSendTwoPlayersDifferentValuesOfAFieldWhenTheRoomsFieldFilterHidesItFromOne() throws Exception {
        // given a room whose field filter shows the beacon's health to the first player only
        a = connect();
        b = connect();
        a.joinOrCreate("filtered").get(WAIT_SECONDS, TimeUnit.SECONDS);
        b.joinOrCreate("filtered").get(WAIT_SECONDS, TimeUnit.SECONDS);

        // when both mirrors hold the beacon and have seen it move
        await(a, () -> moverOf(a, "beacon") != null && x(a, "beacon") > 5);
        await(b, () -> moverOf(b, "beacon") != null && x(b, "beacon") > 5);

        // then the first sees its health, the second its default; both the rest
        assertThat(moverOf(a, "beacon").getHealth()).isEqualTo(55);
        assertThat(moverOf(b, "beacon").getHealth()).isZero();
        assertThat(moverOf(b, "beacon").getName()).isEqualTo("beacon");
    }

    private static GameClient connect() throws Exception {
        GameClient client = GameClient.create(webSocketClient, uri,
                GameClientConfig.builder().delivery(GameClientConfig.Delivery.POLL).build(), new GameListener() { });
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

    private static Mover moverOf(GameClient client, String sessionId) {
        for (MirrorEntity entity : client.state().entities()) {
            Mover mover = (Mover) entity.toMessage();
            if (mover.getName().equals(sessionId)) {
                return mover;
            }
        }
        return null;
    }

    private static float x(GameClient client, String sessionId) {
        return moverOf(client, sessionId).getX();
    }
}
