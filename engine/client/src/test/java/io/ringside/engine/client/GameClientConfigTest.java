package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GameClientConfigTest {

    @Test
    void shouldUseCallbackDeliveryAndTheDefaultBoundWhenNothingIsSet() {
        // when
        GameClientConfig config = GameClientConfig.defaults();

        // then
        assertThat(config.delivery()).isEqualTo(GameClientConfig.Delivery.CALLBACK);
        assertThat(config.maxPendingEvents()).isEqualTo(GameClientConfig.DEFAULT_MAX_PENDING_EVENTS);
        assertThat(config.connectConfig().connectTimeoutMs()).isEqualTo(ConnectConfig.DEFAULT_CONNECT_TIMEOUT_MS);
    }

    @Test
    void shouldNameTheBadValueWhenBuildingWithOne() {
        assertThatThrownBy(() -> GameClientConfig.builder().maxPendingEvents(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxPendingEvents=0 (minimum 1)");
        assertThatThrownBy(() -> GameClientConfig.builder().delivery(null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("delivery=null");
        assertThatThrownBy(() -> GameClientConfig.builder().connectConfig(null).build())
                .isInstanceOf(NullPointerException.class).hasMessage("connectConfig");
    }
}
