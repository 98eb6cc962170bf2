package io.ringside.examples.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The arena's rules stepped tick by tick, no sockets: movement, walls, bounds, players and input acks. */
class WorldTest {
    private static final ArenaSettings OPEN = ArenaSettings.defaults().withBots(0).withWalls(List.of());
    private static final float STEP = OPEN.playerSpeed() / OPEN.tickRateHz();
    /** Positions are kept to the grid the state is sent in: each move lands within a grid step of exact. */
    private static final float GRID = 2 * World.POSITION_STEP;
    private static final float R = OPEN.playerRadius();

    private final World world = new World(OPEN, new Random(7));

    private Fighter fighterAt(String id, float x, float y) {
        Fighter fighter = world.add(id, id, false);
        fighter.x = x;
        fighter.y = y;
        return fighter;
    }

    @Test
    void shouldMoveOneStepWhenGivenAnInput() {
        // given
        Fighter f = fighterAt("a", 100, 100);
        world.control(f, 1, 0, 0.5f, false);

        // when
        world.step();

        // then
        assertThat(f.x).isCloseTo(100 + STEP, within(GRID));
        assertThat(f.y).isEqualTo(100);
        assertThat(f.aim).isEqualTo(0.5f);
    }

    @Test
    void shouldMoveTheSameWholeNumberOfGridStepsEveryTickWhenRunningStraight() {
        // given
        Fighter f = fighterAt("a", 100.123f, 300);
        long[] q = new long[6];

        // when
        for (int i = 0; i < q.length; i++) {
            world.control(f, 0.6f, 0.8f, 0, false);
            world.step();
            q[i] = Math.round(f.x / (double) World.POSITION_STEP);
        }

        // then: steady steps, which linear prediction sends for nothing
        for (int i = 2; i < q.length; i++) {
            assertThat(q[i] - q[i - 1]).isEqualTo(q[1] - q[0]);
        }
        assertThat(f.x * 100).isCloseTo(Math.round(f.x * 100), within(1e-2f));
    }

    @Test
    void shouldStandStillWhenNoInputArrived() {
        // given
        Fighter f = fighterAt("a", 100, 100);

        // when
        world.step();

        // then
        assertThat(f.x).isEqualTo(100);
    }

    @Test
    void shouldMoveAtFullSpeedOnlyWhenGoingDiagonally() {
        // given
        Fighter f = fighterAt("a", 300, 300);
        world.control(f, 1, 1, 0, false);

        // when
        world.step();

        // then
        assertThat(Math.hypot(f.x - 300, f.y - 300)).isCloseTo(STEP, within((double) GRID));
    }

    @Test
    void shouldApplyAnInputForOneStepOnly() {
        // given
        Fighter f = fighterAt("a", 100, 100);
        world.control(f, 1, 0, 0, false);

        // when
        world.step();
        world.step();

        // then
        assertThat(f.x).isCloseTo(100 + STEP, within(GRID));
    }

    @Test
    void shouldClampDirectionsAndIgnoreNonFiniteNumbers() {
        // given
        Fighter f = fighterAt("a", 300, 300);
        world.control(f, Float.NaN, 5, Float.POSITIVE_INFINITY, false);

        // when
        world.step();

        // then
        assertThat(f.x).isEqualTo(300);
        assertThat(f.y).isCloseTo(300 + STEP, within(GRID));
        assertThat(f.aim).isZero();
    }

    @Test
    void shouldStopAtAWallWhenWalkingIntoIt() {
        // given
        World walled = new World(OPEN.withWalls(List.of(new Wall(200, 0, 60, 400))), new Random(1));
        Fighter f = walled.add("a", "a", false);
        f.x = 150;
        f.y = 200;

        // when
        for (int seq = 1; seq <= 20; seq++) {
            walled.control(f, 1, 0, 0, false);
            walled.step();
        }

        // then
        assertThat(f.x).isCloseTo(200 - R, within(GRID));
        assertThat(f.y).isEqualTo(200);
    }

    @Test
    void shouldSlideAlongAWallWhenWalkingDiagonallyIntoIt() {
        // given
        World walled = new World(OPEN.withWalls(List.of(new Wall(200, 0, 60, 800))), new Random(1));
        Fighter f = walled.add("a", "a", false);
        f.x = 200 - R;
        f.y = 300;

        // when
        walled.control(f, 1, 1, 0, false);
        walled.step();

        // then
        assertThat(f.x).isCloseTo(200 - R, within(GRID));
        assertThat(f.y).isGreaterThan(300);
    }

    @Test
    void shouldStayInsideTheArenaWhenWalkingIntoItsEdge() {
        // given
        Fighter f = fighterAt("a", R + 2, 100);

        // when
        world.control(f, -1, 0, 0, false);
        world.step();

        // then
        assertThat(f.x).isEqualTo(R);
    }

    @Test
    void shouldNotOverlapAnotherPlayerWhenWalkingIntoThem() {
        // given
        Fighter mover = fighterAt("a", 100, 300);
        Fighter other = fighterAt("b", 100 + 2 * R + 2, 300);

        // when
        for (int seq = 1; seq <= 10; seq++) {
            world.control(mover, 1, 0, 0, false);
            world.step();
        }

        // then
        assertThat(other.x - mover.x).isCloseTo(2 * R, within(GRID));
        assertThat(other.x).isEqualTo(100 + 2 * R + 2);
    }

    @Test
    void shouldKeepAnAwayFighterIdleWhereItStoodWhenItsPlayerDropped() {
        // given
        Fighter f = fighterAt("a", 100, 100);
        world.control(f, 1, 0, 0, false);

        // when
        world.markAway(f);
        world.step();
        world.step();

        // then
        assertThat(world.fighters()).containsExactly(f);
        assertThat(f.away).isTrue();
        assertThat(f.x).as("the input given before the drop was dropped").isEqualTo(100);
        assertThat(f.y).isEqualTo(100);
    }

    @Test
    void shouldMoveAgainWhenTheAwayPlayerIsBack() {
        // given
        Fighter f = fighterAt("a", 100, 100);
        world.markAway(f);

        // when
        world.markBack(f);
        world.control(f, 1, 0, 0, false);
        world.step();

        // then
        assertThat(f.away).isFalse();
        assertThat(f.x).isCloseTo(100 + STEP, within(GRID));
    }
}
