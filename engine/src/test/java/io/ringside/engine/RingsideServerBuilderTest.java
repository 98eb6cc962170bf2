package io.ringside.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringside.engine.room.Room;
import org.junit.jupiter.api.Test;

class RingsideServerBuilderTest {
    @Test
    void shouldNameBadValueWhenBuildFails() {
        assertThatThrownBy(() -> RingsideServer.builder().build()).hasMessageStartingWith("rooms=[]");
        assertThatThrownBy(() -> RingsideServer.builder().room("a", () -> new Room() { }).endpointPath("ws").build())
                .hasMessageStartingWith("endpointPath=ws");
        assertThatThrownBy(() -> RingsideServer.builder().room("a", () -> new Room() { }).maxMessageBytes(0).build())
                .hasMessageStartingWith("maxMessageBytes=0");
        assertThatThrownBy(() -> RingsideServer.builder().room("a", () -> new Room() { }).ioLoops(0).build())
                .hasMessageStartingWith("ioLoops=0");
        assertThatThrownBy(() -> RingsideServer.builder().room("a", () -> new Room() { }).tickRateHz(0).build())
                .hasMessageStartingWith("tickRateHz=0");
    }
}
