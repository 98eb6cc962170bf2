package io.ringside.examples.arena;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.examples.launch.Commands;
import io.ringside.examples.launch.Commands.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The arena's command line: help, bad options and bad configuration, none of which start a server. */
class ArenaCommandTest {
    @TempDir
    Path dir;

    @Test
    void shouldPrintUsageAndExitZeroWhenHelpAsked() {
        // when
        Run run = Commands.run(new ArenaCommand(), "--help");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: arena", "--config=FILE", "--port=PORT", "--bind=ADDRESS",
                "--tick-rate=HZ", "--bots=N", "--view-radius=UNITS", "Exit codes:");
    }

    @Test
    void shouldExitTwoNamingTheOptionWhenOptionUnknownOrMalformed() {
        // when
        Run unknown = Commands.run(new ArenaCommand(), "--nope");
        Run malformed = Commands.run(new ArenaCommand(), "--port", "eighty");

        // then
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option: '--nope'");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("--port", "eighty");
    }

    @Test
    void shouldExitTwoNamingTheValueWhenViewRadiusNegativeOrInfinite() {
        // when
        Run negative = Commands.run(new ArenaCommand(), "--view-radius", "-5");
        Run infinite = Commands.run(new ArenaCommand(), "--view-radius", "Infinity");

        // then
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).contains("--view-radius=-5.0 (0 or a finite positive number of world units)");
        assertThat(infinite.exitCode()).isEqualTo(2);
        assertThat(infinite.err()).contains("--view-radius=Infinity");
    }

    @Test
    void shouldExitTwoWithOneLineWhenConfigFileMissingOrKeyUnknown() throws Exception {
        // given
        Path typo = Files.writeString(dir.resolve("typo.conf"), "ringside.game.tick-rate = 60\n");

        // when
        Run missing = Commands.run(new ArenaCommand(), "--config", dir.resolve("none.conf").toString());
        Run unknown = Commands.run(new ArenaCommand(), "--config", typo.toString());

        // then
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("arena: config file " + dir.resolve("none.conf") + " not found\n");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("arena: unknown configuration key ringside.game.tick-rate"
                + " (did you mean ringside.game.tick-rate-hz?)\n");
    }

    @Test
    void shouldExitTwoNamingTheValueWhenBuilderRefusesIt() {
        // when
        Run run = Commands.run(new ArenaCommand(), "--port", "0", "--bind", "no-such-host.invalid");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("arena: transport.bindAddress=no-such-host.invalid (unknown host)\n");
    }
}
