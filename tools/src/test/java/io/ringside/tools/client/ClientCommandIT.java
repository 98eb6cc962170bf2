package io.ringside.tools.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.transport.WebSocketServer;
import io.ringside.tools.EchoServers;
import io.ringside.tools.ToolRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The client tool in script mode against a real echo server on loopback. */
@Timeout(30)
class ClientCommandIT {
    private static WebSocketServer server;

    @BeforeAll
    static void start() throws Exception {
        server = EchoServers.start(1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldPrintHandshakeAndEchoesWhenScriptSendsTextHexPingAndClose(@TempDir Path dir) throws Exception {
        // given
        Path script = dir.resolve("session.txt");
        Files.writeString(script, "hello ringside\n/hex 01 02 ff\n/ping are you there\n//slash\n/close 4000 done\n");

        // when
        ToolRun run = ToolRun.run(new byte[0], "client", "--script", script.toString(),
                EchoServers.url(server).toString());

        // then
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).containsSubsequence(
                "> GET / HTTP/1.1", "> Sec-WebSocket-Version: 13",
                "< HTTP/1.1 101 Switching Protocols", "connected to ws://127.0.0.1:",
                ">> TEXT \"hello ringside\"", "<< TEXT \"hello ringside\"",
                ">> BINARY [01 02 ff]", "<< BINARY [01 02 ff]",
                ">> PING [61 72 65", "<< PONG [61 72 65",
                ">> TEXT \"/slash\"", "<< TEXT \"/slash\"",
                ">> CLOSE 4000 APPLICATION \"done\"", "<< CLOSE 4000 APPLICATION");
    }

    @Test
    void shouldSendEnvelopeAndCloseWithNormalClosureWhenInputIsPipedAndEnds() {
        // given
        String input = "/env ping { client_time: 7 }\n";

        // when
        ToolRun run = ToolRun.run(input.getBytes(StandardCharsets.UTF_8), "client", "--envelope",
                EchoServers.url(server).toString());

        // then: the echo server returns the bytes, which parse as a ServerEnvelope too (field 4 = pong)
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).containsSubsequence(".. ClientEnvelope { ping { client_time: 7 } }",
                ">> BINARY [22 02 08 07]", "<< BINARY ServerEnvelope { pong { client_time: 7 } }",
                ">> CLOSE 1000 NORMAL_CLOSURE", "<< CLOSE 1000 NORMAL_CLOSURE");
    }

    @Test
    void shouldExitWith1AndShowTheStatusWhenTheUpgradeIsRefused() {
        // when
        ToolRun run = ToolRun.run(new byte[0], "client", "ws://127.0.0.1:" + server.port() + "/no-such-endpoint");

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("!! handshake failed: upgrade refused: HTTP/1.1 404");
    }

    @Test
    void shouldSendNothingAndFailTheScriptWhenCommandIsUnknownOrLineComesAfterClose() {
        // given
        String input = "/bogus\n/close\nafter close\n";

        // when
        ToolRun run = ToolRun.run(input.getBytes(StandardCharsets.UTF_8), "client",
                EchoServers.url(server).toString());

        // then
        assertThat(run.out()).contains("!! unknown command /bogus", "(line skipped; the script fails)",
                ">> CLOSE 1000 NORMAL_CLOSURE");
        assertThat(run.out()).doesNotContain("after close");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void shouldRunTheRestOfTheScriptButExitWith1WhenALineCannotBeSent(@TempDir Path dir) throws Exception {
        // given
        Path script = dir.resolve("typo.txt");
        Files.writeString(script, "/hex 0g\n/env nonsense {\nstill sent\n");

        // when
        ToolRun run = ToolRun.run(new byte[0], "client", "--script", script.toString(),
                EchoServers.url(server).toString());

        // then
        assertThat(run.out()).contains("!! bad /hex", "!! bad /env", "<< TEXT \"still sent\"",
                ">> CLOSE 1000 NORMAL_CLOSURE");
        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
    }
}
