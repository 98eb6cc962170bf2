package io.ringside.examples.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ringside.examples.arena.wire.PlayerState;
import io.ringside.examples.arena.wire.Snapshot;
import io.ringside.examples.arena.wire.Welcome;
import java.util.List;
import java.util.Random;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** What goes on the wire: one snapshot with every player's own ack, and the welcome's rules. */
class SnapshotWriterTest {
    private static final ArenaSettings OPEN = ArenaSettings.defaults().withBots(0).withWalls(List.of());

    @Test
    void shouldAckEachPlayersOwnLastInputWhenOneSnapshotServesEveryone() {
        // given
        World world = new World(OPEN, new Random(5));
        Fighter a = world.add("a", "alice", false);
        Fighter b = world.add("b", "bob", false);
        world.submit(a, 7, 0, 0, 0, true);
        world.submit(b, 3, 1, 0, 0, false);
        world.step();

        // when
        Snapshot snapshot = new SnapshotWriter().snapshot(world);

        // then
        assertThat(snapshot.getTick()).isEqualTo(1);
        assertThat(snapshot.getPlayersList()).extracting(PlayerState::getId, PlayerState::getLastInputSeq)
                .containsExactly(Tuple.tuple("a", 7), Tuple.tuple("b", 3));
        assertThat(snapshot.getProjectilesCount()).isEqualTo(1);
        assertThat(snapshot.getProjectiles(0).getOwnerId()).isEqualTo("a");
        assertThat(snapshot.getProjectiles(0).getVx()).as("units per second").isCloseTo(OPEN.projectileSpeed(),
                within(1e-2f));
    }

    @Test
    void shouldCarryTheRulesPredictionNeedsWhenWelcoming() {
        // given
        ArenaSettings settings = ArenaSettings.defaults().withTickRateHz(60);

        // when
        Welcome welcome = SnapshotWriter.welcome(settings, "me");

        // then
        assertThat(welcome.getYourId()).isEqualTo("me");
        assertThat(welcome.getTickRateHz()).isEqualTo(60);
        assertThat(welcome.getPlayerSpeed()).isEqualTo(settings.playerSpeed());
        assertThat(welcome.getPlayerRadius()).isEqualTo(settings.playerRadius());
        assertThat(welcome.getWallsCount()).isEqualTo(settings.walls().size());
    }

    @Test
    void shouldMarkAFighterAwayWhenItsPlayerIsDisconnected() {
        // given
        World world = new World(OPEN, new Random(5));
        Fighter a = world.add("a", "alice", false);
        world.add("b", "bob", false);
        world.markAway(a);

        // when
        Snapshot snapshot = new SnapshotWriter().snapshot(world);

        // then
        assertThat(snapshot.getPlayersList()).extracting(PlayerState::getId, PlayerState::getAway)
                .containsExactly(Tuple.tuple("a", true), Tuple.tuple("b", false));
    }
}
