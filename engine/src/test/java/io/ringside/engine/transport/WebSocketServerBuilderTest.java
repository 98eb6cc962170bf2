package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringside.protocol.websocket.Role;
import org.junit.jupiter.api.Test;

class WebSocketServerBuilderTest {
    private static WebSocketServer.Builder valid() {
        return WebSocketServer.builder().endpoint("/", new EchoHandler());
    }

    @Test
    void shouldNameBadValueWhenLimitOutOfRange() {
        assertThatThrownBy(() -> valid().ioLoops(0).build()).hasMessage("ioLoops=0");
        assertThatThrownBy(() -> valid().maxConnections(0).build()).hasMessage("maxConnections=0");
        assertThatThrownBy(() -> valid().handshakeTimeoutMs(0).build()).hasMessage("handshakeTimeoutMs=0");
        assertThatThrownBy(() -> valid().maxOutboundBacklogBytes(-1).build())
                .hasMessage("maxOutboundBacklogBytes=-1");
        assertThatThrownBy(() -> valid().readBufferBytes(10).build()).hasMessageStartingWith("readBufferBytes=10");
        assertThatThrownBy(() -> valid().heartbeatIntervalMs(-1).build()).hasMessage("heartbeatIntervalMs=-1");
        assertThatThrownBy(() -> valid().readCoalesceUs(-1).build()).hasMessage("readCoalesceUs=-1 (0 to 1000000)");
        assertThatThrownBy(() -> valid().readCoalesceUs(1_000_001).build())
                .hasMessage("readCoalesceUs=1000001 (0 to 1000000)");
        assertThatThrownBy(() -> valid().readBeforeTickUs(-1).tickSchedule(() -> 0).build())
                .hasMessage("readBeforeTickUs=-1 (0 to 1000000)");
        assertThatThrownBy(() -> valid().readBeforeTickUs(1_000_001).tickSchedule(() -> 0).build())
                .hasMessage("readBeforeTickUs=1000001 (0 to 1000000)");
        assertThatThrownBy(() -> valid().messagePoolBytes(-1).build())
                .hasMessage("messagePoolBytes=-1 (0 turns pooling off)");
    }

    @Test
    void shouldRefuseReadsTiedToTheTickWhenNoTickScheduleIsSet() {
        assertThatThrownBy(() -> valid().readBeforeTickUs(1_000).build())
                .hasMessage("readBeforeTickUs=1000 (needs a tickSchedule: the tick loops a RingsideServer sets)");
    }

    @Test
    void shouldRefuseWhenNoEndpointOrDuplicatePath() {
        assertThatThrownBy(() -> WebSocketServer.builder().build()).hasMessageStartingWith("endpoints=[]");
        assertThatThrownBy(() -> valid().endpoint("/", new EchoHandler()).build())
                .hasMessage("endpoint.path=/ (duplicate)");
        assertThatThrownBy(() -> valid().endpoint("arena", new EchoHandler()).build())
                .hasMessage("endpoint.path=arena (must start with /)");
    }

    @Test
    void shouldRefuseClientRoleDecoder() {
        assertThatThrownBy(() -> valid().decoder(d -> d.role(Role.CLIENT)).build()).hasMessage("decoder.role=CLIENT");
    }
}
