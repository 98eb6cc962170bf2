package io.ringside.engine.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringside.engine.RingsideServer;
import org.junit.jupiter.api.Test;

class ClusterConfigTest {
    @Test
    void shouldBeOffByDefault() {
        // given / when
        ClusterConfig config = ClusterConfig.builder().build();

        // then
        assertThat(config.enabled()).isFalse();
        assertThat(config.nodeTtlMs()).isEqualTo(5_000);
        assertThat(config.connectTimeoutMs()).isEqualTo(2_000);
        assertThat(config.placement()).isEqualTo(ClusterConfig.PLACEMENT_LEAST_PLAYERS);
        assertThat(config.maxRoomsPerNode()).isZero();
        assertThat(config.seatTtlMs()).isEqualTo(10_000);
    }

    @Test
    void shouldNameABadValue() {
        assertThatThrownBy(() -> ClusterConfig.builder().nodeTtlMs(10).build())
                .hasMessage("nodeTtlMs=10 (minimum 300)");
        assertThatThrownBy(() -> ClusterConfig.builder().redisUri("localhost:6379").build())
                .hasMessageContaining("redisUri=localhost:6379");
        assertThatThrownBy(() -> ClusterConfig.builder().connectTimeoutMs(0).build())
                .hasMessageContaining("connectTimeoutMs=0");
        assertThatThrownBy(() -> ClusterConfig.builder().nodeId("a:b").build())
                .hasMessageContaining("nodeId=a:b");
        assertThatThrownBy(() -> ClusterConfig.builder().placement("random").build())
                .hasMessageContaining("placement=random");
        assertThatThrownBy(() -> ClusterConfig.builder().maxRoomsPerNode(-1).build())
                .hasMessageContaining("maxRoomsPerNode=-1");
        assertThatThrownBy(() -> ClusterConfig.builder().seatTtlMs(10).build())
                .hasMessageContaining("seatTtlMs=10");
    }

    @Test
    void shouldSayWhatIsMissingWhenClusterModeHasNoRegistryModule() {
        // given a server with a Redis address but without ringside-cluster on the class path
        RingsideServer.Builder builder = RingsideServer.builder().room("r", () -> new Room() { })
                .cluster(c -> c.redisUri("redis://127.0.0.1:6379").nodeTtlMs(1));

        // when / then
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cluster.nodeTtlMs=1");
        assertThatThrownBy(() -> RingsideServer.builder().room("r", () -> new Room() { })
                .cluster(c -> c.redisUri("redis://127.0.0.1:6379")).build())
                .hasMessageContaining("cluster.redisUri=redis://127.0.0.1:6379")
                .hasMessageContaining("ringside-cluster");
    }
}
