package io.ringside.tools.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.RingsideServer;
import io.ringside.examples.arena.ArenaServer;
import io.ringside.examples.arena.ArenaSettings;
import io.ringside.tools.ToolRun;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Game mode with {@code --check-mirrors} against the real arena server: server bots move and shoot,
 * the load generator's bots keep mirrors of the arena's replicated state, and those of one room must
 * agree at every tick they share.
 */
@Timeout(90)
class GameModeMirrorsIT {
    private static final String TYPES = "io.ringside.examples.arena.wire.Fighter,"
            + "io.ringside.examples.arena.wire.Projectile";
    private static RingsideServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ArenaServer.builder(0, ArenaSettings.defaults().withBots(4), 8)
                .transport(t -> t.ioLoops(1)).game(g -> g.shards(1)).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String url() {
        return "ws://127.0.0.1:" + server.port() + RingsideServer.DEFAULT_ENDPOINT_PATH;
    }

    @Test
    void shouldPassWhenTheBotsOfEachRoomSeeTheSameArena(@TempDir Path dir) {
        // given: 8 bots join arena rooms where 4 server bots play; empty inputs keep ours standing

        // when
        ToolRun run = ToolRun.run(new byte[0], "loadgen", url(), "--mode", "game", "--room-type",
                ArenaServer.ROOM_TYPE, "--bots", "8", "--ramp-rate", "0", "--rate", "10", "--size", "0",
                "--check-mirrors", TYPES, "--duration", "3s", "--report-dir", dir.toString());

        // then
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("bots joined\\s+8 / 8").contains("thresholds met")
                .containsPattern("snapshot jitter ms\\s+p50 \\d+\\.\\d+")
                .doesNotContain("mismatch:");
        Matcher check = Pattern.compile("mirror check\\s+(\\d+) views reported, (\\d+) entities compared across"
                + " bots, 0 mismatches").matcher(run.out());
        assertThat(check.find()).as(run.out()).isTrue();
        assertThat(Long.parseLong(check.group(2))).as("entities compared").isGreaterThan(100);
    }

    @Test
    void shouldTimeTheArenasStatePatchesAsSnapshotsWithoutAMirrorCheck(@TempDir Path dir) {
        // given: the default game mode (no --check-mirrors, --snapshot-type -1): the bots' mirrors
        // register no entity type and keep only tick and ack

        // when
        ToolRun run = ToolRun.run(new byte[0], "loadgen", url(), "--mode", "game", "--room-type",
                ArenaServer.ROOM_TYPE, "--bots", "8", "--ramp-rate", "0", "--rate", "20", "--size", "0",
                "--duration", "3s", "--report-dir", dir.toString(), "--max-error-rate", "0");

        // then
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("bots joined\\s+8 / 8").contains("thresholds met")
                .containsPattern("snapshots received\\s+[1-9]\\d+")
                .containsPattern("snapshot jitter ms\\s+p50 \\d+\\.\\d+");
    }

    @Test
    void shouldFailWhenNoTwoBotsShareARoom(@TempDir Path dir) {
        // given: one bot, so nothing to compare its mirror with

        // when
        ToolRun run = ToolRun.run(new byte[0], "loadgen", url(), "--mode", "game", "--room-type",
                ArenaServer.ROOM_TYPE, "--bots", "1", "--rate", "10", "--size", "0",
                "--check-mirrors", TYPES, "--duration", "1s", "--report-dir", dir.toString());

        // then
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("THRESHOLD EXCEEDED: mirror check compared nothing");
    }

    @Test
    void shouldRefuseAClassThatIsNoProtobufMessage(@TempDir Path dir) {
        // when
        ToolRun run = ToolRun.run(new byte[0], "loadgen", url(), "--mode", "game",
                "--check-mirrors", "java.lang.String", "--duration", "1s", "--report-dir", dir.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--check-mirrors=java.lang.String (not a protobuf message class");
    }
}
