package io.ringside.engine.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MonitorConfigTest {
    @Test
    void shouldBeOffWithSaneDefaults() {
        // when
        MonitorConfig config = MonitorConfig.builder().build();

        // then
        assertThat(config.enabled()).isFalse();
        assertThat(config.path()).isEqualTo("/monitor");
        assertThat(config.token()).isNull();
        assertThat(config.refreshMs()).isEqualTo(1_000);
        assertThat(config.maxViewers()).isEqualTo(4);
        assertThat(config.rttProbeIntervalMs()).isEqualTo(5_000);
    }

    @Test
    void shouldNameTheBadValueWithoutPrintingTheToken() {
        assertThatThrownBy(() -> MonitorConfig.builder().token("short-secret").build())
                .hasMessage("token=<12 characters> (at least 16)");
        assertThatThrownBy(() -> MonitorConfig.builder().path("monitor").build())
                .hasMessage("path=monitor (must start with / and not end with /)");
        assertThatThrownBy(() -> MonitorConfig.builder().path("/monitor/").build())
                .hasMessageStartingWith("path=/monitor/");
        assertThatThrownBy(() -> MonitorConfig.builder().refreshMs(99).build())
                .hasMessage("refreshMs=99 (100 to 60000)");
        assertThatThrownBy(() -> MonitorConfig.builder().maxViewers(0).build())
                .hasMessage("maxViewers=0 (1 to 64)");
        assertThatThrownBy(() -> MonitorConfig.builder().maxViewers(65).build())
                .hasMessage("maxViewers=65 (1 to 64)");
        assertThatThrownBy(() -> MonitorConfig.builder().rttProbeIntervalMs(-1).build())
                .hasMessage("rttProbeIntervalMs=-1 (0 turns it off)");
    }

    @Test
    void shouldTakeAnEmptyTokenAsNone() {
        // when
        MonitorConfig config = MonitorConfig.builder().token("").build();

        // then
        assertThat(config.token()).isNull();
    }
}
