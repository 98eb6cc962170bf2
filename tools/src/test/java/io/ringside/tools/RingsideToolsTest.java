package io.ringside.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The tools' command line: {@code --help} on the top command and on each tool, and a missing tool. */
class RingsideToolsTest {
    private static final byte[] NO_INPUT = "".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldPrintUsageListingEveryToolWhenHelpAsked() {
        // when
        ToolRun run = ToolRun.run(NO_INPUT, "--help");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: ringside-tools", "inspect", "client", "loadgen");
    }

    @Test
    void shouldPrintEachToolsUsageWhenHelpAsked() {
        for (String tool : new String[] {"inspect", "client", "loadgen"}) {
            // when
            ToolRun run = ToolRun.run(NO_INPUT, tool, "--help");

            // then
            assertThat(run.exitCode()).as(tool).isZero();
            assertThat(run.out()).as(tool).contains("Usage: ringside-tools " + tool, "-h, --help");
        }
    }

    @Test
    void shouldExitTwoNamingTheToolsWhenNoneGiven() {
        // when
        ToolRun run = ToolRun.run(NO_INPUT);

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing subcommand: inspect, client or loadgen");
    }
}
