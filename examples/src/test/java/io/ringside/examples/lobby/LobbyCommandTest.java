package io.ringside.examples.lobby;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.examples.launch.Commands;
import io.ringside.examples.launch.Commands.Run;
import org.junit.jupiter.api.Test;

/** The lobby's command line: help and a bad monitor token, neither of which starts a server. */
class LobbyCommandTest {
    @Test
    void shouldListTheServerAndMonitorOptionsWhenHelpAsked() {
        // when
        Run run = Commands.run(new LobbyCommand(), "--help");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: lobby", "--port=PORT", "--redis=URI", "--tls-cert=FILE",
                "--monitor", "--monitor-token=");
    }

    @Test
    void shouldExitTwoNamingTheTokenWhenTheMonitorTokenIsTooShort() {
        // when
        Run run = Commands.run(new LobbyCommand(), "--port", "0", "--monitor", "--monitor-token", "tiny");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("monitor.token");
    }
}
