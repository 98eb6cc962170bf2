package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.internal.MaskedWebSocketHandler;
import org.junit.jupiter.api.Test;

class EndpointTest {
    private final Endpoint endpoint = new Endpoint(
            EndpointConfig.builder().path("/arena").subprotocols("arena.v2", "arena.v1").build(), new EchoHandler());

    @Test
    void shouldPickFirstClientOfferedProtocolWhenSeveralSupported() {
        assertThat(endpoint.selectSubprotocol(TestRequests.request(null, "h", "chat, arena.v1,arena.v2")))
                .isEqualTo("arena.v1");
    }

    @Test
    void shouldPickNoneWhenNothingOfferedIsSupported() {
        assertThat(endpoint.selectSubprotocol(TestRequests.request(null, "h", "chat"))).isNull();
        assertThat(endpoint.selectSubprotocol(TestRequests.request(null, "h", null))).isNull();
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
