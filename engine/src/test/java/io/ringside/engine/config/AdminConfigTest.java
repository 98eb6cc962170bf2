package io.ringside.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.room.Room;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminConfigTest {
    private static RingsideServer.Builder server() {
        return RingsideServer.builder().room("a", () -> new Room() { });
    }

    @Test
    void shouldBeOffWithoutAToken() {
        // when
        AdminConfig config = AdminConfig.builder().token("").build();

        // then
        assertThat(config.enabled()).isFalse();
        assertThat(config.token()).isNull();
        assertThat(config.path()).isEqualTo("/admin");
    }

    @Test
    void shouldNameTheBadValueWithoutPrintingTheToken() {
        assertThatThrownBy(() -> AdminConfig.builder().token("short-secret").build())
                .hasMessage("token=<12 characters> (at least 16)");
        assertThatThrownBy(() -> AdminConfig.builder().path("admin").build())
                .hasMessage("path=admin (must start with / and not end with /)");
        assertThatThrownBy(() -> AdminConfig.builder().path("/admin/").build())
                .hasMessageStartingWith("path=/admin/");
    }

    @Test
    void shouldTakeTheTokenFromTheEnvironmentAndNeverPrintIt() throws Exception {
        // given
        RingsideConfig config = RingsideConfig.load(null, Map.of("RINGSIDE_ADMIN_TOKEN", "env-admin-token-0123456789",
                "RINGSIDE_ADMIN_PATH", "/ops"));

        // when / then
        assertThat(config.describe()).containsExactlyInAnyOrder(
                "ringside.admin.path=/ops (environment variable RINGSIDE_ADMIN_PATH)",
                "ringside.admin.token=<hidden> (environment variable RINGSIDE_ADMIN_TOKEN)");
        try (RingsideServer built = server().transport(t -> t.port(0)).configure(config).build()) {
            assertThat(built).isNotNull();
        }
        RingsideConfig shortToken = RingsideConfig.load(null, Map.of("RINGSIDE_ADMIN_TOKEN", "tiny"));
        assertThatThrownBy(() -> server().configure(shortToken).build())
                .hasMessage("admin.token=<4 characters> (at least 16)");
    }
}
