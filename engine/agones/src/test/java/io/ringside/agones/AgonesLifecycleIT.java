package io.ringside.agones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.client.GameClient;
import io.ringside.engine.client.GameListener;
import io.ringside.engine.client.WebSocketClient;
import io.ringside.engine.config.AgonesConfig;
import io.ringside.engine.room.Room;
import io.ringside.engine.room.RoomOptions;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Agones adapter against a local implementation of the sidecar's REST API, with a real server and client. */
@Timeout(60)
class AgonesLifecycleIT {
    private static final long WAIT_SECONDS = 10;

    private FakeAgonesSidecar sidecar;
    private RingsideServer server;
    private WebSocketClient webSocketClient;

    @BeforeEach
    void start() throws Exception {
        sidecar = new FakeAgonesSidecar();
        server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1).bindAddress("127.0.0.1"))
                .game(g -> g.shards(1).drainDeadlineMs(5_000))
                .room("arena", () -> new Room() { }, RoomOptions.builder().capacity(4).disposeWhenEmptyMs(0).build())
                .build().start();
        webSocketClient = WebSocketClient.start();
    }

    @AfterEach
    void stop() {
        webSocketClient.close();
        server.close();
        sidecar.close();
    }

    @Test
    void shouldCallReadyHealthAllocateLabelsAndShutdownInOrder() throws Exception {
        // given a server reporting to the sidecar
        AgonesLifecycle agones = AgonesLifecycle.start(server, config().build(), Map.of());
        await(() -> count("POST /health {}") >= 2);
        assertThat(sidecar.calls()).noneMatch(c -> c.startsWith("POST /allocate"));

        // when a player creates the first room, then leaves, and the server shuts down
        GameClient player = GameClient.create(webSocketClient,
                URI.create("ws://127.0.0.1:" + server.port() + "/ws"), new GameListener() { });
        player.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
        player.joinOrCreate("arena").get(WAIT_SECONDS, TimeUnit.SECONDS);
        String onePlayer = "PUT /metadata/label {\"key\": \"players\", \"value\": \"1\"}";
        await(() -> count("POST /allocate {}") == 1 && count(onePlayer) == 1);
        player.leave().get(WAIT_SECONDS, TimeUnit.SECONDS);
        agones.shutdown();

        // then: Ready first, Allocate once after the room existed, labels with the load, Shutdown last
        List<String> calls = sidecar.calls();
        assertThat(calls.get(0)).isEqualTo("POST /ready {}");
        assertThat(calls).contains("PUT /metadata/label {\"key\": \"rooms\", \"value\": \"1\"}");
        assertThat(calls.indexOf("POST /allocate {}")).isGreaterThan(calls.indexOf("POST /health {}"));
        assertThat(calls.get(calls.size() - 1)).isEqualTo("POST /shutdown {}");
        assertThat(count("POST /allocate {}")).isEqualTo(1);
        assertThat(server.isReady()).isFalse();
    }

    @Test
    void shouldRetryCallsTheSidecarRefuses() throws Exception {
        // given a sidecar still starting: Ready, Health and Shutdown fail a few times
        sidecar.failNext("/ready", 3);
        sidecar.failNext("/health", 2);
        sidecar.failNext("/shutdown", 1);

        // when
        AgonesLifecycle agones = AgonesLifecycle.start(server, config().build(), Map.of());
        await(() -> count("POST /health {}") >= 1);
        agones.shutdown();

        // then each was tried again until it went through
        assertThat(sidecar.calls()).startsWith("POST /ready {} -> 503", "POST /ready {} -> 503",
                "POST /ready {} -> 503", "POST /ready {}");
        assertThat(sidecar.calls()).contains("POST /health {} -> 503", "POST /shutdown {} -> 503");
        assertThat(sidecar.calls().get(sidecar.calls().size() - 1)).isEqualTo("POST /shutdown {}");
    }

    @Test
    void shouldNameTheSidecarWhenReadyNeverGoesThrough() {
        // given a sidecar that refuses every Ready
        sidecar.failNext("/ready", 100);

        // when / then
        assertThatThrownBy(() -> AgonesLifecycle.start(server, config().readyAttempts(3).build(), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Agones sidecar at " + sidecar.uri())
                .hasMessageContaining("3 attempts");
    }

    @Test
    void shouldTakeTheSidecarPortFromTheAgonesEnvironmentVariableUnlessSet() {
        AgonesConfig byDefault = AgonesConfig.builder().build();
        assertThat(byDefault.sidecar(Map.of(AgonesConfig.PORT_VARIABLE, "59358")))
                .isEqualTo(URI.create("http://localhost:59358/"));
        assertThat(byDefault.sidecar(Map.of()).getPort()).isEqualTo(AgonesConfig.DEFAULT_PORT);
        assertThat(AgonesConfig.builder().sidecarHost("10.0.0.7").sidecarPort(9400).build()
                .sidecar(Map.of(AgonesConfig.PORT_VARIABLE, "59358"))).isEqualTo(URI.create("http://10.0.0.7:9400/"));
        assertThatThrownBy(() -> byDefault.sidecar(Map.of(AgonesConfig.PORT_VARIABLE, "x")))
                .hasMessageContaining("AGONES_SDK_HTTP_PORT=x");
    }

    @Test
    void shouldStartFromTheServersOwnAgonesSettings() throws Exception {
        // given a server whose agones.* settings name the sidecar
        RingsideServer configured = RingsideServer.builder()
                .transport(t -> t.port(0).ioLoops(1).bindAddress("127.0.0.1"))
                .game(g -> g.shards(1).drainDeadlineMs(0))
                .agones(a -> a.sidecarHost(sidecar.uri().getHost()).sidecarPort(sidecar.uri().getPort())
                        .healthIntervalMs(50).retryDelayMs(10))
                .room("arena", () -> new Room() { }).build().start();

        // when
        AgonesLifecycle agones = AgonesLifecycle.start(configured);
        await(() -> count("POST /health {}") >= 1);
        agones.shutdown();

        // then it spoke to that sidecar, and ended with Shutdown
        assertThat(sidecar.calls().get(0)).isEqualTo("POST /ready {}");
        assertThat(sidecar.calls().get(sidecar.calls().size() - 1)).isEqualTo("POST /shutdown {}");
    }

    private AgonesConfig.Builder config() {
        return AgonesConfig.builder().sidecarHost(sidecar.uri().getHost()).sidecarPort(sidecar.uri().getPort())
                .healthIntervalMs(50).retryDelayMs(10);
    }

    private long count(String call) {
        return sidecar.calls().stream().filter(call::equals).count();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within %d s", WAIT_SECONDS).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
