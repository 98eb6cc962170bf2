package io.ringside.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.room.Room;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RingsideConfigTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static RingsideServer.Builder server() {
        return RingsideServer.builder().room("a", () -> new Room() { });
    }

    @Test
    void shouldReadHoconWithUnitsWhenFileGiven() throws Exception {
        // given
        Path conf = file("server.conf", """
                ringside {
                  transport { port = 9000, heartbeat-interval = 30s, decoder.max-message-bytes = 1MiB }
                  game.tick-rate-hz = 60
                  endpoint.allowed-origins = ["https://game.example"]
                }
                """);

        // when
        RingsideConfig config = RingsideConfig.load(conf, Map.of());

        // then
        assertThat(config.describe()).containsExactly(
                "ringside.transport.port=9000 (" + conf + ": 2)",
                "ringside.transport.heartbeat-interval=30000 (" + conf + ": 2)",
                "ringside.transport.decoder.max-message-bytes=1048576 (" + conf + ": 2)",
                "ringside.game.tick-rate-hz=60 (" + conf + ": 3)",
                "ringside.endpoint.allowed-origins=[https://game.example] (" + conf + ": 4)");
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void shouldAcceptPermessageDeflateOnGameEndpointWhenConfigured() throws Exception {
        // given
        Path conf = file("server.conf", """
                ringside.transport.port = 0
                ringside.endpoint.deflate { enabled = true, level = 1, min-message-bytes = 1KiB
                  client-context-takeover = true, max-context-bytes-per-connection = 64KiB }
                """);
        RingsideServer server = server().configure(RingsideConfig.load(conf, Map.of())).build().start();

        // when
        String head;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Extensions: permessage-deflate\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.setSoTimeout(10_000);
            StringBuilder response = new StringBuilder();
            int b;
            while (response.indexOf("\r\n\r\n") < 0 && (b = socket.getInputStream().read()) >= 0) {
                response.append((char) b);
            }
            head = response.toString();
        } finally {
            server.close();
        }

        // then: the client keeps its context (granted), the server does not (its default)
        assertThat(head).startsWith("HTTP/1.1 101")
                .contains("Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover\r\n");
    }

    @Test
    void shouldNameTheKeyWhenDeflatePolicyIsInvalid() throws Exception {
        // given: context takeover over the memory bound
        Path conf = file("server.conf", "ringside.endpoint.deflate { enabled = true, server-context-takeover = true }");

        // when / then
        assertThatThrownBy(() -> server().configure(RingsideConfig.load(conf, Map.of())).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deflate.maxContextBytesPerConnection=0");
    }

    @Test
    void shouldReadPropertiesAndJsonByExtension() throws Exception {
        // given
        Path properties = file("server.properties", "ringside.game.shards=3\n");
        Path json = file("server.json", "{\"ringside\": {\"game\": {\"shards\": 4}}}");

        // when / then
        assertThat(RingsideConfig.load(properties, Map.of()).describe()).singleElement().asString()
                .startsWith("ringside.game.shards=3 ");
        assertThat(RingsideConfig.load(json, Map.of()).describe()).singleElement().asString()
                .startsWith("ringside.game.shards=4 ");
    }

    @Test
    void shouldLetEnvironmentWinOverFileAndFullNameWinOverAlias() throws Exception {
        // given
        Path conf = file("server.conf", "ringside.transport.port = 9000\nringside.game.tick-rate-hz = 20\n");
        Map<String, String> env = Map.of("RINGSIDE_PORT", "7000", "RINGSIDE_TRANSPORT_PORT", "7001",
                "RINGSIDE_ENDPOINT_ALLOWED_ORIGINS", "https://a.example, https://b.example");

        // when
        RingsideConfig config = RingsideConfig.load(conf, env);

        // then
        assertThat(config.describe()).containsExactly(
                "ringside.transport.port=7001 (environment variable RINGSIDE_TRANSPORT_PORT)",
                "ringside.game.tick-rate-hz=20 (" + conf + ": 2)",
                "ringside.endpoint.allowed-origins=[https://a.example, https://b.example]"
                        + " (environment variable RINGSIDE_ENDPOINT_ALLOWED_ORIGINS)");
    }

    @Test
    void shouldLetCallsAfterConfigureWinAndConfigureWinOverCallsBefore() throws Exception {
        // given a file whose tick rate the builder refuses
        RingsideConfig config = RingsideConfig.load(file("bad.conf", "ringside.game.tick-rate-hz = 0"), Map.of());

        // when / then: the file overrides an earlier call, a later call overrides the file
        assertThatThrownBy(() -> server().game(g -> g.tickRateHz(30)).configure(config).build())
                .hasMessageStartingWith("game.tickRateHz=0");
        try (RingsideServer built = server().transport(t -> t.port(0)).configure(config)
                .game(g -> g.tickRateHz(30)).build()) {
            assertThat(built).isNotNull();
        }
    }

    @Test
    void shouldApplyEachInputLimitKeySoThatABadValueIsNamed() {
        for (Map.Entry<String, String> key : Map.of(
                "RINGSIDE_GAME_INPUT_QUEUE_CAPACITY", "game.inputQueueCapacity=0",
                "RINGSIDE_GAME_MAX_INPUT_BYTES", "game.maxInputBytes=0",
                "RINGSIDE_GAME_MAX_INPUT_SEQ_GAP", "game.maxInputSeqGap=0").entrySet()) {
            // given
            RingsideConfig config = RingsideConfig.load(null, Map.of(key.getKey(), "0"));

            // when / then
            assertThatThrownBy(() -> server().configure(config).build()).hasMessageStartingWith(key.getValue());
        }
    }

    @Test
    void shouldApplyTheMessagePoolKeyAndNameABadValue() throws Exception {
        // given
        Map<String, String> good = Map.of("RINGSIDE_TRANSPORT_MESSAGE_POOL_BYTES", "256KiB");
        Map<String, String> bad = Map.of("RINGSIDE_TRANSPORT_MESSAGE_POOL_BYTES", "-1");

        // when / then: a size is applied (the server builds), a negative one is named with its key
        server().configure(RingsideConfig.load(null, good)).build().close();
        assertThatThrownBy(() -> RingsideConfig.load(null, bad))
                .hasMessageStartingWith("ringside.transport.message-pool-bytes=\"-1\"");
    }

    @Test
    void shouldTurnTheMonitorOnFromTheEnvironmentAndNeverPrintItsToken() throws Exception {
        // given
        RingsideConfig config = RingsideConfig.load(null, Map.of("RINGSIDE_MONITOR", "true",
                "RINGSIDE_MONITOR_TOKEN", "env-token-0123456789", "RINGSIDE_MONITOR_MAX_VIEWERS", "2"));

        // when / then
        assertThat(config.describe()).containsExactly(
                "ringside.monitor.enabled=true (environment variable RINGSIDE_MONITOR)",
                "ringside.monitor.token=<hidden> (environment variable RINGSIDE_MONITOR_TOKEN)",
                "ringside.monitor.max-viewers=2 (environment variable RINGSIDE_MONITOR_MAX_VIEWERS)");
        try (RingsideServer built = server().transport(t -> t.port(0)).configure(config).build()) {
            assertThat(built).isNotNull();
        }
        RingsideConfig shortToken = RingsideConfig.load(null, Map.of("RINGSIDE_MONITOR_TOKEN", "tiny"));
        assertThatThrownBy(() -> server().configure(shortToken).build())
                .hasMessage("monitor.token=<4 characters> (at least 16)");
    }

    @Test
    void shouldBindConfiguredPortWhenStarted() throws Exception {
        // given
        int free;
        try (ServerSocket probe = new ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        RingsideConfig config = RingsideConfig.load(null, Map.of("RINGSIDE_PORT", String.valueOf(free),
                "RINGSIDE_BIND_ADDRESS", "127.0.0.1", "RINGSIDE_TRANSPORT_IO_LOOPS", "1", "RINGSIDE_GAME_SHARDS", "1"));

        // when
        try (RingsideServer started = server().configure(config).build().start()) {
            // then
            assertThat(started.port()).isEqualTo(free);
        }
    }

    @Test
    void shouldNameUnknownKeyWithClosestKnownOne() throws Exception {
        assertThatThrownBy(() -> RingsideConfig.load(file("a.conf", "ringside.game.tick-rate = 30"), Map.of()))
                .hasMessage("unknown configuration key ringside.game.tick-rate"
                        + " (did you mean ringside.game.tick-rate-hz?)");
        assertThatThrownBy(() -> RingsideConfig.load(file("b.conf", "transport.port = 1"), Map.of()))
                .hasMessage("unknown configuration key transport.port (did you mean ringside.transport.port?)");
        assertThatThrownBy(() -> RingsideConfig.load(file("c.conf", "ringside.nothing-like-it = 1"), Map.of()))
                .hasMessage("unknown configuration key ringside.nothing-like-it");
    }

    @Test
    void shouldNameKeyValueAndOriginWhenValueMalformed() throws Exception {
        // given
        Path conf = file("bad.conf", "ringside {\n  transport.port = eighty\n}\n");

        // when / then
        assertThatThrownBy(() -> RingsideConfig.load(conf, Map.of()))
                .hasMessage("ringside.transport.port=\"eighty\" (expected an integer; set in " + conf + ": 2)");
        assertThatThrownBy(() -> RingsideConfig.load(null, Map.of("RINGSIDE_TRANSPORT_HEARTBEAT_INTERVAL", "soon")))
                .hasMessageStartingWith("ringside.transport.heartbeat-interval=\"soon\" (expected a duration")
                .hasMessageEndingWith("set in environment variable RINGSIDE_TRANSPORT_HEARTBEAT_INTERVAL)");
        assertThatThrownBy(() -> RingsideConfig.load(null, Map.of("RINGSIDE_TRANSPORT_READ_BUFFER_BYTES", "3GiB")))
                .hasMessageStartingWith("ringside.transport.read-buffer-bytes=\"3GiB\" (expected a size");
    }

    @Test
    void shouldWarnButGoOnWhenEnvironmentVariableUnknown() {
        // when
        RingsideConfig config = RingsideConfig.load(null, Map.of("RINGSIDE_TRANSPORT_PROT", "1",
                RingsideConfig.CONFIG_FILE_ENV, "ignored.conf", "HOME", "/root"));

        // then
        assertThat(config.describe()).isEmpty();
        assertThat(config.warnings()).containsExactly("environment variable RINGSIDE_TRANSPORT_PROT is not a"
                + " Ringside setting (did you mean RINGSIDE_TRANSPORT_PORT?)");
    }

    @Test
    void shouldRefuseMissingFileAndSyntaxError() throws Exception {
        assertThatThrownBy(() -> RingsideConfig.load(dir.resolve("none.conf"), Map.of()))
                .hasMessage("config file " + dir.resolve("none.conf") + " not found");
        Path broken = file("broken.conf", "ringside { port = \n");
        assertThatThrownBy(() -> RingsideConfig.load(broken, Map.of()))
                .hasMessageStartingWith("config file " + broken + ": ");
    }

    @Test
    void shouldGiveEveryKeyItsOwnEnvironmentVariable() {
        // given
        Set<String> names = new HashSet<>();

        // when / then
        for (ConfigKey<?> key : ConfigKeys.all()) {
            assertThat(names.add(key.envName())).as(key.envName()).isTrue();
            key.envAliasName().ifPresent(alias -> assertThat(names.add(alias)).as(alias).isTrue());
            assertThat(key.name()).matches("[a-z]+(\\.[a-z]+(-[a-z]+)*)+");
        }
    }

    @Test
    void shouldListEveryKeyAndItsVariableInTheReadme() throws IOException {
        // given the README at the repository root (tests run in the module directory)
        String readme = Files.readString(Path.of("..", "README.md"));

        // when / then
        for (ConfigKey<?> key : ConfigKeys.all()) {
            assertThat(readme).contains("| `" + key.name() + "` |").contains("`" + key.envName() + "`");
        }
    }
}
