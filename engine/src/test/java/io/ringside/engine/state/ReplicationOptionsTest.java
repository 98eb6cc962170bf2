package io.ringside.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringside.engine.room.RoomOptions;
import org.junit.jupiter.api.Test;

class ReplicationOptionsTest {

    @Test
    void shouldDefaultToNoSpatialViewAnd16KibPatchesAndSendingEveryTick() {
        // given / when
        ReplicationOptions options = ReplicationOptions.defaults();
        RoomOptions room = RoomOptions.defaults();

        // then
        assertThat(options.viewRadius()).isZero();
        assertThat(options.maxPatchBytes()).isEqualTo(16_384);
        assertThat(room.stateSendRateHz()).isZero();
        assertThat(room.replication().maxPatchBytes()).isEqualTo(16_384);
        assertThat(room.statePatchesInFlight()).isEqualTo(4);
    }

    @Test
    void shouldUseTheViewRadiusAsCellSizeUnlessSet() {
        // given / when
        ReplicationOptions byDefault = ReplicationOptions.builder().viewRadius(300).build();
        ReplicationOptions set = ReplicationOptions.builder().viewRadius(300).cellSize(100).build();
        ReplicationOptions smallest = ReplicationOptions.builder().viewRadius(160).cellSize(20).build();

        // then
        assertThat(byDefault.cellSize()).isEqualTo(300f);
        assertThat(set.cellSize()).isEqualTo(100f);
        assertThat(smallest.cellSize()).isEqualTo(20f);
        assertThat(ReplicationOptions.defaults().cellSize()).isZero();
    }

    @Test
    void shouldNameTheBadValueWhenOutOfRange() {
        assertThatThrownBy(() -> ReplicationOptions.builder().viewRadius(-1).build())
                .hasMessageContaining("viewRadius=-1.0");
        assertThatThrownBy(() -> ReplicationOptions.builder().viewRadius(Float.NaN).build())
                .hasMessageContaining("viewRadius=NaN");
        assertThatThrownBy(() -> ReplicationOptions.builder().maxPatchBytes(255).build())
                .hasMessageContaining("maxPatchBytes=255");
        assertThatThrownBy(() -> ReplicationOptions.builder().viewRadius(160).cellSize(19).build())
                .hasMessageContaining("cellSize=19.0");
        assertThatThrownBy(() -> ReplicationOptions.builder().cellSize(Float.POSITIVE_INFINITY).build())
                .hasMessageContaining("cellSize=Infinity");
        assertThatThrownBy(() -> RoomOptions.builder().stateSendRateHz(-1).build())
                .hasMessageContaining("stateSendRateHz=-1");
        assertThatThrownBy(() -> RoomOptions.builder().statePatchesInFlight(0).build())
                .hasMessageContaining("statePatchesInFlight=0");
        assertThatThrownBy(() -> RoomOptions.builder().statePatchesInFlight(65).build())
                .hasMessageContaining("statePatchesInFlight=65");
        assertThatThrownBy(() -> RoomOptions.builder().stateSendRateHz(1001).build())
                .hasMessageContaining("stateSendRateHz=1001");
    }
}
