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
import io.ringside.examples.arena.wire.PlayerState;
import io.ringside.examples.arena.wire.Snapshot;
import io.ringside.examples.arena.wire.Welcome;
import io.ringside.protocol.envelope.ErrorCode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ArenaRoom}'s reconnect callbacks over real sockets, with the Java SDK as the client: a
 * watcher sees a dropped player's ship stay (idle, away) and come back under control after
 * {@link GameClient#rejoin()}, or vanish when the grace runs out.
 */
@Timeout(30)
class ArenaReconnectIT {
    private static final long WAIT_SECONDS = 10;
    private static final String PLAYER_NAME = "runner";
    private static final ArenaSettings SETTINGS = ArenaSettings.defaults().withBots(0).withWalls(List.of());

    private final BlockingQueue<Snapshot> watched = new LinkedBlockingQueue<>();
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
        watcher = client().on(ArenaMessages.SNAPSHOT, Snapshot.parser(), (c, snapshot) -> watched.add(snapshot));
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
        player.send(ArenaMessages.INPUT, Input.newBuilder().setSeq(1).setMoveX(1).build());
        PlayerState before = await(first.sessionId(), p -> p.getLastInputSeq() == 1);

        // when
        player.close(4001, "drop");
        PlayerState away = await(first.sessionId(), PlayerState::getAway);
        PlayerState stillAway = awaitOneSecondLater(first.sessionId());

        // then: the ship stays where it stopped, idle
        assertThat(away.getName()).isEqualTo(PLAYER_NAME);
        assertThat(stillAway.getAway()).isTrue();
        assertThat(stillAway.getX()).isEqualTo(before.getX());
        assertThat(stillAway.getY()).isEqualTo(before.getY());

        // when: back on a new connection, counting inputs from 1 again
        player.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameRoom again = player.rejoin().get(WAIT_SECONDS, TimeUnit.SECONDS);
        Welcome welcome = welcomes.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        player.send(ArenaMessages.INPUT, Input.newBuilder().setSeq(1).setMoveX(1).build());
        PlayerState back = await(first.sessionId(), p -> !p.getAway() && p.getLastInputSeq() == 1);

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
        await(first.sessionId(), p -> true);

        // when
        player.close(4001, "drop");
        Snapshot gone = awaitSnapshot(s -> s.getPlayersList().stream()
                .noneMatch(p -> p.getId().equals(first.sessionId())));
        player.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);

        // then
        assertThat(gone.getPlayersCount()).as("only the watcher is left").isEqualTo(1);
        assertThatThrownBy(() -> player.rejoin().get(WAIT_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(GameRequestException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.ERROR_CODE_RECONNECT_REJECTED));
    }

    private GameClient client() {
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + RingsideServer.DEFAULT_ENDPOINT_PATH);
        return GameClient.create(webSocketClient, uri, new GameListener() { });
    }

    /** The player {@code id} in the next snapshot the watcher gets where it matches {@code wanted}. */
    private PlayerState await(String id, Predicate<PlayerState> wanted) throws InterruptedException {
        return playerIn(awaitSnapshot(s -> s.getPlayersList().stream()
                .anyMatch(p -> p.getId().equals(id) && wanted.test(p))), id);
    }

    /** The player {@code id} a second's worth of ticks after the next snapshot. */
    private PlayerState awaitOneSecondLater(String id) throws InterruptedException {
        long later = awaitSnapshot(s -> true).getTick() + SETTINGS.tickRateHz();
        return playerIn(awaitSnapshot(s -> s.getTick() >= later), id);
    }

    private static PlayerState playerIn(Snapshot snapshot, String id) {
        return snapshot.getPlayersList().stream().filter(p -> p.getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no player " + id + " at tick " + snapshot.getTick()));
    }

    private Snapshot awaitSnapshot(Predicate<Snapshot> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            Snapshot next = watched.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next != null && wanted.test(next)) {
                return next;
            }
        }
        throw new AssertionError("the watcher never saw the snapshot wanted");
    }
}
