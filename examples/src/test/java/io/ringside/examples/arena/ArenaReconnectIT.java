package io.ringside.examples.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.client.GameClient;
import io.ringside.engine.client.GameListener;
import io.ringside.engine.client.GameRequestException;
import io.ringside.engine.client.GameRoom;
import io.ringside.engine.client.WebSocketClient;
import io.ringside.examples.arena.wire.Input;
import io.ringside.examples.arena.wire.Fighter;
import io.ringside.examples.arena.wire.Projectile;
import io.ringside.examples.arena.wire.Welcome;
import io.ringside.protocol.envelope.ErrorCode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ArenaRoom}'s reconnect callbacks over real sockets, with the Java SDK as the client: a
 * watcher's state mirror sees a dropped player's ship stay (idle, away) and come back under control after
 * {@link GameClient#rejoin()}, or vanish when the grace runs out.
 */
@Timeout(30)
class ArenaReconnectIT {
    private static final long WAIT_SECONDS = 10;
    private static final String PLAYER_NAME = "runner";
    private static final ArenaSettings SETTINGS = ArenaSettings.defaults().withBots(0).withWalls(List.of());

    private final FighterWatch playerSees = new FighterWatch();
    private final FighterWatch watcherSees = new FighterWatch();
    private final BlockingQueue<Welcome> welcomes = new LinkedBlockingQueue<>();
    private RingsideServer server;
    private WebSocketClient webSocketClient;
    private GameClient player;
    private GameClient watcher;

    private void start(long graceMs) throws Exception {
        server = ArenaServer.builder(0, SETTINGS, 4, graceMs)
                .transport(t -> t.ioLoops(1)).game(g -> g.shards(1)).build().start();
        webSocketClient = WebSocketClient.start();
        player = client().on(ArenaMessages.WELCOME, Welcome.parser(), (c, welcome) -> welcomes.add(welcome));
        player.state().listener(playerSees);
        watcher = client();
        watcher.state().listener(watcherSees);
        player.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
        watcher.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        for (GameClient client : new GameClient[] {player, watcher}) {
            if (client != null && client.connection() != null) {
                client.close();
            }
        }
        if (webSocketClient != null) {
            webSocketClient.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldKeepTheShipIdleAndAwayThenHandItBackWhenThePlayerRejoinsWithinTheGrace() throws Exception {
        // given: the player has moved once, the watcher is in the same room
        start(10_000);
        GameRoom first = player.joinOrCreate(ArenaServer.ROOM_TYPE, Map.of("name", PLAYER_NAME), "")
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        watcher.join(first.roomId(), Map.of(), "").get(WAIT_SECONDS, TimeUnit.SECONDS);
        welcomes.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        player.sendInput(1, Input.newBuilder().setMoveX(1).build());
        Fighter before = playerSees.await(first.sessionId(), f -> player.state().inputAck() == 1, WAIT_SECONDS);

        // when
        player.close(4001, "drop");
        Fighter away = watcherSees.await(first.sessionId(), Fighter::getAway, WAIT_SECONDS);
        Fighter moved = watcherSees.nextWithin(first.sessionId(), 1000);

        // then: the ship stays where it stopped, idle (the watcher is sent no change of it)
        assertThat(away.getName()).isEqualTo(PLAYER_NAME);
        assertThat(moved).as("a change of the away ship").isNull();
        assertThat(away.getX()).isEqualTo(before.getX());
        assertThat(away.getY()).isEqualTo(before.getY());

        // when: back on a new connection, counting inputs from 1 again
        playerSees.skipUpdates();
        player.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameRoom again = player.rejoin().get(WAIT_SECONDS, TimeUnit.SECONDS);
        Welcome welcome = welcomes.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        player.sendInput(1, Input.newBuilder().setMoveX(1).build());
        Fighter back = playerSees.await(first.sessionId(), f -> !f.getAway() && player.state().inputAck() == 1,
                WAIT_SECONDS);

        // then: same seat, same ship, under control again
        assertThat(again.sessionId()).isEqualTo(first.sessionId());
        assertThat(again.reconnectToken()).isNotEmpty().isNotEqualTo(first.reconnectToken());
        assertThat(welcome).as("a Welcome after the rejoin").isNotNull();
        assertThat(welcome.getYourId()).isEqualTo(first.sessionId());
        assertThat(back.getX()).isGreaterThan(before.getX());
        assertThat(back.getName()).isEqualTo(PLAYER_NAME);
    }

    @Test
    void shouldRemoveTheShipAndRefuseTheTokenWhenTheGraceRunsOut() throws Exception {
        // given
        start(200);
        GameRoom first = player.joinOrCreate(ArenaServer.ROOM_TYPE, Map.of("name", PLAYER_NAME), "")
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        watcher.join(first.roomId(), Map.of(), "").get(WAIT_SECONDS, TimeUnit.SECONDS);
        watcherSees.await(first.sessionId(), f -> true, WAIT_SECONDS);

        // when
        player.close(4001, "drop");
        watcherSees.awaitGone(first.sessionId(), WAIT_SECONDS);
        player.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);

        // then
        assertThat(watcherSees.inView()).as("only the watcher is left").hasSize(1);
        assertThatThrownBy(() -> player.rejoin().get(WAIT_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(GameRequestException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.ERROR_CODE_RECONNECT_REJECTED));
    }

    private GameClient client() {
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + RingsideServer.DEFAULT_ENDPOINT_PATH);
        GameClient client = GameClient.create(webSocketClient, uri, new GameListener() { });
        client.state().register(Fighter.getDefaultInstance()).register(Projectile.getDefaultInstance());
        return client;
    }
}
