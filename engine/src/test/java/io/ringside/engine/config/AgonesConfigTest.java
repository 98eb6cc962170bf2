package io.ringside.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.room.Room;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Agones adapter's settings: defaults, keys from the environment, and bad values named at build. */
class AgonesConfigTest {
    private static RingsideServer.Builder server() {
        return RingsideServer.builder().transport(t -> t.port(0)).room("a", () -> new Room() { });
    }

    @Test
    void shouldFindTheSidecarOnLocalhostAtThePortAgonesNames() {
        // given
        AgonesConfig config = AgonesConfig.builder().build();

        // when / then
        assertThat(config.sidecarPort()).isEqualTo(AgonesConfig.PORT_FROM_ENVIRONMENT);
        assertThat(config.sidecar(Map.of())).isEqualTo(URI.create("http://localhost:9358/"));
        assertThat(config.sidecar(Map.of("AGONES_SDK_HTTP_PORT", "59358")))
                .isEqualTo(URI.create("http://localhost:59358/"));
        assertThat(config.healthIntervalMs()).isEqualTo(2_000);
        assertThat(config.readyAttempts()).isEqualTo(30);
        assertThatThrownBy(() -> config.sidecar(Map.of("AGONES_SDK_HTTP_PORT", "70000")))
                .hasMessageStartingWith("AGONES_SDK_HTTP_PORT=70000");
    }

    @Test
    void shouldTakeEveryAgonesKeyFromTheEnvironment() throws Exception {
        // given
        RingsideConfig config = RingsideConfig.load(null, Map.of("RINGSIDE_AGONES_SIDECAR_HOST", "10.1.2.3",
                "RINGSIDE_AGONES_SIDECAR_PORT", "9400", "RINGSIDE_AGONES_HEALTH_INTERVAL", "500ms",
                "RINGSIDE_AGONES_READY_ATTEMPTS", "5", "RINGSIDE_AGONES_RETRY_DELAY", "250ms",
                "RINGSIDE_AGONES_REQUEST_TIMEOUT", "3s"));

        // when
        try (RingsideServer server = server().configure(config).build()) {
            AgonesConfig agones = server.agonesConfig();

            // then
            assertThat(agones.sidecar(Map.of("AGONES_SDK_HTTP_PORT", "1")))
                    .isEqualTo(URI.create("http://10.1.2.3:9400/"));
            assertThat(agones.healthIntervalMs()).isEqualTo(500);
            assertThat(agones.readyAttempts()).isEqualTo(5);
            assertThat(agones.retryDelayMs()).isEqualTo(250);
            assertThat(agones.requestTimeoutMs()).isEqualTo(3_000);
        }
    }

    @Test
    void shouldNameABadValueWhenTheServerIsBuilt() {
        assertThatThrownBy(() -> server().agones(a -> a.healthIntervalMs(5)).build())
                .hasMessageStartingWith("agones.healthIntervalMs=5");
        assertThatThrownBy(() -> server().agones(a -> a.sidecarPort(70_000)).build())
                .hasMessageStartingWith("agones.sidecarPort=70000");
        assertThatThrownBy(() -> server().agones(a -> a.sidecarHost("")).build())
                .hasMessageStartingWith("agones.sidecarHost=");
        assertThatThrownBy(() -> server().agones(a -> a.readyAttempts(0)).build())
                .hasMessageStartingWith("agones.readyAttempts=0");
        assertThatThrownBy(() -> server().agones(a -> a.retryDelayMs(0)).build())
                .hasMessageStartingWith("agones.retryDelayMs=0");
        assertThatThrownBy(() -> server().agones(a -> a.requestTimeoutMs(60_001)).build())
                .hasMessageStartingWith("agones.requestTimeoutMs=60001");
    }
}
