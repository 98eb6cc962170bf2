package io.ringside.examples.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ringside.engine.transport.WebSocketServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The echo server with {@code --deflate} against Node's {@code ws} client, an independent RFC 7692
 * implementation (it offers {@code permessage-deflate; client_max_window_bits} and keeps its context).
 * The client is installed with {@code npm ci} from {@code src/test/node/ws-client} into
 * {@code target/}; the test is skipped where {@code node}/{@code npm} are missing or the registry
 * cannot be reached.
 */
@Tag("slow")
@Timeout(180)
class EchoServerNodeIT {
    private static final Path FIXTURE = Path.of("src", "test", "node", "ws-client");
    private static final Path INSTALLED = Path.of("target", "node-ws-client");
    private static WebSocketServer server;

    @BeforeAll
    static void install() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/node")) && Files.isExecutable(Path.of("/usr/bin/npm")),
                "node and npm are not installed");
        Files.createDirectories(INSTALLED);
        for (String file : List.of("package.json", "package-lock.json", "echo-client.js")) {
            Files.copy(FIXTURE.resolve(file), INSTALLED.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(INSTALLED.resolve("node_modules").resolve("ws"))) {
            Run npm = run(120, "npm", "ci", "--no-audit", "--no-fund");
            assumeTrue(npm.exitCode == 0, "npm ci failed (offline?): " + npm.output);
        }
        server = EchoServer.builder(0, EchoServer.DEFLATE).ioLoops(1).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldEchoEveryMessageCompressedWhenClientIsNodeWs() throws Exception {
        // when
        Run client = run(60, "node", "echo-client.js", "ws://127.0.0.1:" + server.port() + "/");

        // then
        assertThat(client.output).contains("\"ok\":true").contains("\"echoes\":4").contains("permessage-deflate");
        assertThat(client.exitCode).isZero();
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(long timeoutSeconds, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(INSTALLED.toFile()).redirectErrorStream(true).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Run(-1, "timed out");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.exitValue(), output);
    }
}
