package io.ringside.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlacementPolicyTest {
    private static final NodeLoad SELF = new NodeLoad("self", "ws://a/ws", 6, 2, false);
    private static final NodeLoad BUSY = new NodeLoad("busy", "ws://b/ws", 9, 1, false);
    private static final NodeLoad IDLE = new NodeLoad("idle", "ws://c/ws", 6, 3, false);

    @Test
    void shouldPickTheNodeWithFewestPlayersAndKeepTiesOnTheFirst() {
        // given / when
        NodeLoad chosen = PlacementPolicy.leastPlayers().choose(List.of(SELF, BUSY, IDLE));

        // then
        assertThat(chosen).isEqualTo(SELF);
        assertThat(PlacementPolicy.leastPlayers().choose(List.of(BUSY, IDLE))).isEqualTo(IDLE);
    }

    @Test
    void shouldPickTheNodeWithFewestRooms() {
        assertThat(PlacementPolicy.leastRooms().choose(List.of(SELF, BUSY, IDLE))).isEqualTo(BUSY);
    }

    @Test
    void shouldFindTheBuiltInPoliciesByNameAndNameAnUnknownOne() {
        assertThat(PlacementPolicy.named("least-rooms").choose(List.of(SELF, BUSY))).isEqualTo(BUSY);
        assertThat(PlacementPolicy.named("least-players").choose(List.of(SELF, BUSY))).isEqualTo(SELF);
        assertThatThrownBy(() -> PlacementPolicy.named("random"))
                .hasMessageContaining("cluster.placement=random");
    }
}
