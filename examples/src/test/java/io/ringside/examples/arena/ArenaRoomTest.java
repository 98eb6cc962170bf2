package io.ringside.examples.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ringside.engine.room.RoomOptions;
import io.ringside.examples.arena.wire.Input;
import io.ringside.engine.client.MirrorEntity;
import io.ringside.engine.client.StateMirror;
import io.ringside.examples.arena.wire.Fighter;
import io.ringside.examples.arena.wire.Projectile;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.examples.arena.wire.Welcome;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.testkit.JoinOptions;
import io.ringside.testkit.RoomTestKit;
import io.ringside.testkit.TestPlayer;
import io.ringside.testkit.TestRoom;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The arena room through the room test kit: joins, movement, hits, kills and respawns, tick by tick. */
class ArenaRoomTest {
    private static final int HZ = 30;
    /** A small open arena without bots: every spawn is in range of every other, nothing in between. */
    private static final ArenaSettings SMALL = new ArenaSettings(HZ, 0, 400, 300, 18, 260, 720, 5, 900,
            100, 20, 250, 1000, List.of());
    /** The same, where one hit kills. */
    private static final ArenaSettings ONE_SHOT = new ArenaSettings(HZ, 0, 400, 300, 18, 260, 720, 5, 900,
            100, 100, 250, 1000, List.of());

    private RoomTestKit kit;

    private TestRoom<ArenaRoom> arena(ArenaSettings settings) {
        kit = RoomTestKit.builder().tickRateHz(HZ)
                .room("arena", () -> new ArenaRoom(settings), RoomOptions.builder().capacity(4).build())
                .build();
        return kit.createRoom("arena");
    }

    @AfterEach
    void closeKit() {
        kit.close();
    }

    private static Fighter stateOf(TestPlayer player) {
        return seenBy(player, player);
    }

    /** {@code player}'s fighter in a state mirror fed every state patch {@code viewer} received so far. */
    private static Fighter seenBy(TestPlayer viewer, TestPlayer player) {
        StateMirror mirror = mirrorOf(viewer);
        for (MirrorEntity entity : mirror.entitiesOf(Fighter.getDescriptor().getFullName()).values()) {
            Fighter fighter = (Fighter) entity.toMessage();
            if (fighter.getPlayerId().equals(player.sessionId())) {
                return fighter;
            }
        }
        throw new AssertionError(player.sessionId() + " not in " + mirror.entities());
    }

    private static StateMirror mirrorOf(TestPlayer viewer) {
        StateMirror mirror = new StateMirror().register(Fighter.getDefaultInstance())
                .register(Projectile.getDefaultInstance());
        for (ServerEnvelope envelope : viewer.received()) {
            if (envelope.hasState()) {
                mirror.apply(envelope.getState());
            }
        }
        return mirror;
    }

    private static long patches(TestPlayer viewer) {
        return viewer.received().stream().filter(ServerEnvelope::hasState).count();
    }

    private static Input.Builder input() {
        return Input.newBuilder();
    }

    /** Sends one input aimed from {@code shooter} at {@code target}, firing, and runs the tick it lands in. */
    private void shoot(TestPlayer shooter, TestPlayer target, int seq) {
        Fighter from = stateOf(shooter);
        Fighter to = stateOf(target);
        float aim = (float) Math.atan2(to.getY() - from.getY(), to.getX() - from.getX());
        shooter.sendInput(seq, input().setAim(aim).setFire(true).build());
        kit.tick();
    }

    private void tickUntil(int maxTicks, java.util.function.BooleanSupplier done) {
        for (int i = 0; i < maxTicks && !done.getAsBoolean(); i++) {
            kit.tick();
        }
    }

    @Test
    void shouldWelcomeAJoinedPlayerAndShowItByNameInTheState() {
        // given
        TestRoom<ArenaRoom> room = arena(SMALL);
        TestPlayer ada = kit.connect().join(room, JoinOptions.of("name", "ada"));

        // when
        kit.ticks(3);

        // then
        Welcome welcome = ada.lastMessage(ArenaMessages.WELCOME, Welcome.parser());
        assertThat(welcome.getYourId()).isEqualTo(ada.sessionId());
        assertThat(welcome.getTickRateHz()).isEqualTo(HZ);
        assertThat(patches(ada)).as("state patches").isPositive();
        assertThat(stateOf(ada).getName()).isEqualTo("ada");
        assertThat(stateOf(ada).getHealth()).isEqualTo(100);
        assertThat(room.label()).isEqualTo("1 people, 0 bots");
    }

    @Test
    void shouldRejectAJoinWhoseNameIsTooLong() {
        // given
        TestRoom<ArenaRoom> room = arena(SMALL);
        TestPlayer longName = kit.connect().join(room, JoinOptions.of("name", "a".repeat(17)));

        // when
        kit.tick();

        // then
        assertThat(longName.lastErrorCode()).isEqualTo(ErrorCode.ERROR_CODE_JOIN_REJECTED);
        assertThat(longName.errors().get(0).getMessage()).isEqualTo("name is longer than 16 characters");
        assertThat(room.playerCount()).isZero();
    }

    @Test
    void shouldMoveAPlayerOneStepPerInputAndAckTheLastInput() {
        // given
        TestRoom<ArenaRoom> room = arena(SMALL);
        TestPlayer ada = kit.connect().join(room);
        kit.tick();
        Fighter start = stateOf(ada);
        float towardCentre = start.getX() < 200 ? 1 : -1;

        // when
        for (int seq = 1; seq <= 3; seq++) {
            ada.sendInput(seq, input().setMoveX(towardCentre).build());
            kit.tick();
        }

        // then
        Fighter moved = stateOf(ada);
        assertThat(moved.getX() - start.getX()).isCloseTo(towardCentre * 3 * 260f / HZ, within(0.03f));
        assertThat(moved.getY()).isEqualTo(start.getY());
        assertThat(ada.inputAck()).isEqualTo(3);
    }

    @Test
    void shouldTakeDamageFromAShotThatHits() {
        // given
        TestRoom<ArenaRoom> room = arena(SMALL);
        TestPlayer shooter = kit.connect().join(room);
        TestPlayer target = kit.connect().join(room);
        kit.tick();

        // when
        shoot(shooter, target, 1);
        tickUntil(30, () -> stateOf(target).getHealth() < 100);

        // then
        assertThat(stateOf(target).getHealth()).isEqualTo(80);
        assertThat(stateOf(target).getAlive()).isTrue();
        assertThat(stateOf(shooter).getHealth()).isEqualTo(100);
        assertThat(stateOf(shooter).getScore()).isZero();
    }

    @Test
    void shouldScoreAKillAndRespawnTheDeadAtFullHealthAfterTheDelay() {
        // given
        TestRoom<ArenaRoom> room = arena(ONE_SHOT);
        TestPlayer shooter = kit.connect().join(room);
        TestPlayer target = kit.connect().join(room);
        kit.tick();
        shoot(shooter, target, 1);
        tickUntil(30, () -> !stateOf(target).getAlive());
        long diedAt = kit.currentTick();

        // when
        tickUntil(60, () -> stateOf(target).getAlive());

        // then
        assertThat(kit.currentTick() - diedAt).isEqualTo(HZ); // respawnDelayMs 1000
        assertThat(stateOf(target).getHealth()).isEqualTo(100);
        assertThat(stateOf(target).getDeaths()).isEqualTo(1);
        assertThat(stateOf(shooter).getScore()).isEqualTo(1);
    }

    @Test
    void shouldKeepTheShipAwayWhileDroppedAndWelcomeItBackOnReconnect() {
        // given
        kit = RoomTestKit.builder().tickRateHz(HZ).room("arena", () -> new ArenaRoom(SMALL),
                RoomOptions.builder().capacity(4).reconnectGraceMs(2000).build()).build();
        TestRoom<ArenaRoom> room = kit.createRoom("arena");
        TestPlayer ada = kit.connect().join(room, JoinOptions.of("name", "ada"));
        TestPlayer watcher = kit.connect().join(room);
        kit.tick();

        // when
        ada.drop();
        kit.tick();
        boolean awayWhileDropped = seenBy(watcher, ada).getAway();
        ada.reconnect();
        kit.tick();

        // then
        assertThat(awayWhileDropped).isTrue();
        assertThat(seenBy(watcher, ada).getAway()).isFalse();
        assertThat(ada.messages(ArenaMessages.WELCOME, Welcome.parser())).hasSize(2);
        assertThat(room.playerCount()).isEqualTo(2);
    }
}
