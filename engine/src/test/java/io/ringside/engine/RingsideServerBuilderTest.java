package io.ringside.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringside.engine.room.Room;
import io.ringside.engine.room.RoomOptions;
import org.junit.jupiter.api.Test;

class RingsideServerBuilderTest {
    private static RingsideServer.Builder valid() {
        return RingsideServer.builder().room("a", () -> new Room() { });
    }

    @Test
    void shouldNameSectionKeyAndValueWhenNestedValueBad() {
        // given a builder with one room type, when one nested value is out of range, then build names it
        assertThatThrownBy(() -> RingsideServer.builder().build()).hasMessageStartingWith("game.rooms=[]");
        assertThatThrownBy(() -> valid().endpoint(e -> e.path("ws")).build())
                .hasMessageStartingWith("endpoint.path=ws");
        assertThatThrownBy(() -> valid().transport(t -> t.decoder(d -> d.maxMessageBytes(0))).build())
                .hasMessageStartingWith("transport.decoder.maxMessageBytes=0");
        assertThatThrownBy(() -> valid().transport(t -> t.handshakeLimits(h -> h.maxHeaderCount(0))).build())
                .hasMessageStartingWith("transport.handshakeLimits.maxHeaderCount=0");
        assertThatThrownBy(() -> valid().transport(t -> t.ioLoops(0)).build())
                .hasMessageStartingWith("transport.ioLoops=0");
        assertThatThrownBy(() -> valid().transport(t -> t.port(70_000)).build())
                .hasMessageStartingWith("transport.port=70000");
        assertThatThrownBy(() -> valid().transport(t -> t.maxConnections(0)).build())
                .hasMessageStartingWith("transport.maxConnections=0");
        assertThatThrownBy(() -> valid().game(g -> g.tickRateHz(0)).build())
                .hasMessageStartingWith("game.tickRateHz=0");
        assertThatThrownBy(() -> valid().game(g -> g.postQueueCapacity(0)).build())
                .hasMessageStartingWith("game.postQueueCapacity=0");
        assertThatThrownBy(() -> valid().endpoint(e -> e.allowedOrigins("game.example")).build())
                .hasMessageStartingWith("endpoint.allowedOrigins=game.example");
    }

    @Test
    void shouldRefuseUnknownBindAddress() {
        assertThatThrownBy(() -> valid().transport(t -> t.bindAddress("no-such-host.invalid")).build())
                .hasMessageStartingWith("transport.bindAddress=no-such-host.invalid");
    }

    @Test
    void shouldRefuseSecondBuild() {
        // given
        RingsideServer.Builder builder = valid().transport(t -> t.port(0));
        try (RingsideServer server = builder.build()) {
            // when / then
            assertThat(server).isNotNull();
            assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void shouldRefuseRoomTypeRegisteredTwice() {
        assertThatThrownBy(() -> valid().room("a", () -> new Room() { }, RoomOptions.defaults()))
                .hasMessage("room=a (registered twice)");
    }
}
