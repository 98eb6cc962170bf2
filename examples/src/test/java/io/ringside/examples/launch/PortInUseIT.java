package io.ringside.examples.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.examples.arena.ArenaCommand;
import io.ringside.examples.echo.EchoCommand;
import io.ringside.examples.launch.Commands.Run;
import io.ringside.examples.lobby.LobbyCommand;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example, started on a port another socket holds, says so in one line and exits 1. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PortInUseIT {
    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("arena", (Supplier<Object>) ArenaCommand::new),
                Arguments.of("lobby", (Supplier<Object>) LobbyCommand::new),
                Arguments.of("echo", (Supplier<Object>) EchoCommand::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void shouldExitOneWithOneLineNamingThePortWhenPortTaken(String name, Supplier<Object> command) throws Exception {
        // given
        try (ServerSocket holder = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = holder.getLocalPort();

            // when
            Run run = Commands.run(command.get(), "--port", String.valueOf(port), "--bind", "127.0.0.1");

            // then
            assertThat(run.exitCode()).isEqualTo(Launcher.EXIT_CANNOT_LISTEN);
            assertThat(run.err()).startsWith(name + ": cannot listen on 127.0.0.1, port " + port + ": ")
                    .contains("in use").hasLineCount(1).doesNotContain("Exception", "\tat ");
        }
    }
}
