package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.internal.MaskedWebSocketHandler;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointTest {
    private final Endpoint endpoint = new Endpoint(
            EndpointConfig.builder().path("/arena").subprotocols("arena.v2", "arena.v1").build(), new EchoHandler());

    @Test
    void shouldPickFirstClientOfferedProtocolWhenSeveralSupported() {
        assertThat(endpoint.selectSubprotocol(List.of("chat", "arena.v1", "arena.v2"))).isEqualTo("arena.v1");
    }

    @Test
    void shouldPickNoneWhenNothingOfferedIsSupported() {
        assertThat(endpoint.selectSubprotocol(List.of("chat"))).isNull();
        assertThat(endpoint.selectSubprotocol(List.of())).isNull();
    }

    @Test
    void shouldKeepMaskedHandlerOnlyWhenHandlerOptsIn() {
        // given
        MaskedWebSocketHandler masked = (connection, buffer, offset, length, maskKey) -> { };

        // when
        Endpoint optedIn = new Endpoint(EndpointConfig.builder().path("/game").build(), masked);

        // then
        assertThat(optedIn.maskedHandler).isSameAs(masked);
        assertThat(endpoint.maskedHandler).isNull();
    }
}
