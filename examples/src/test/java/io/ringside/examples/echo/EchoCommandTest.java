package io.ringside.examples.echo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.examples.launch.Commands;
import io.ringside.examples.launch.Commands.Run;
import org.junit.jupiter.api.Test;

/** The echo server's command line: help and an unknown option, neither of which starts a server. */
class EchoCommandTest {
    @Test
    void shouldPrintUsageAndExitZeroWhenHelpAsked() {
        // when
        Run run = Commands.run(new EchoCommand(), "--help");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: echo", "--port=PORT", "--bind=ADDRESS", "--deflate", "Exit codes:");
    }

    @Test
    void shouldExitTwoNamingTheOptionWhenOptionUnknown() {
        // when
        Run run = Commands.run(new EchoCommand(), "--nope");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--nope'");
    }
}
