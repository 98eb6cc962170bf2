package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringside.protocol.websocket.Role;
import org.junit.jupiter.api.Test;

class ConnectConfigTest {
    @Test
    void shouldUseDefaultsAndClientRoleWhenNothingIsSet() {
        // when
        ConnectConfig config = ConnectConfig.defaults();

        // then
        assertThat(config.connectTimeoutMs()).isEqualTo(ConnectConfig.DEFAULT_CONNECT_TIMEOUT_MS);
        assertThat(config.handshakeTimeoutMs()).isEqualTo(ConnectConfig.DEFAULT_HANDSHAKE_TIMEOUT_MS);
        assertThat(config.closeTimeoutMs()).isEqualTo(ConnectConfig.DEFAULT_CLOSE_TIMEOUT_MS);
        assertThat(config.maxResponseHeadBytes()).isEqualTo(ConnectConfig.DEFAULT_MAX_RESPONSE_HEAD_BYTES);
        assertThat(config.maxOutboundBytes()).isEqualTo(ConnectConfig.DEFAULT_MAX_OUTBOUND_BYTES);
        assertThat(config.decoderConfig().role()).isEqualTo(Role.CLIENT);
        assertThat(config.subprotocols()).isEmpty();
        assertThat(config.headers()).isEmpty();
    }

    @Test
    void shouldPassDecoderLimitsThrough() {
        // when
        ConnectConfig config = ConnectConfig.builder().maxFramePayloadBytes(4096).maxMessageBytes(8192).build();

        // then
        assertThat(config.decoderConfig().maxFramePayloadBytes()).isEqualTo(4096);
        assertThat(config.decoderConfig().maxMessageBytes()).isEqualTo(8192);
    }

    @Test
    void shouldNameTheBadValueWhenALimitIsOutOfRange() {
        assertThatThrownBy(() -> ConnectConfig.builder().connectTimeoutMs(0).build())
                .hasMessageContaining("connectTimeoutMs=0");
        assertThatThrownBy(() -> ConnectConfig.builder().handshakeTimeoutMs(-1).build())
                .hasMessageContaining("handshakeTimeoutMs=-1");
        assertThatThrownBy(() -> ConnectConfig.builder().closeTimeoutMs(0).build())
                .hasMessageContaining("closeTimeoutMs=0");
        assertThatThrownBy(() -> ConnectConfig.builder().maxOutboundBytes(0).build())
                .hasMessageContaining("maxOutboundBytes=0");
        assertThatThrownBy(() -> ConnectConfig.builder().maxResponseHeadBytes(63).build())
                .hasMessageContaining("maxResponseHeadBytes=63");
        assertThatThrownBy(() -> ConnectConfig.builder().maxErrorBodyBytes(-1).build())
                .hasMessageContaining("maxErrorBodyBytes=-1");
        assertThatThrownBy(() -> ConnectConfig.builder().maxMessageBytes(0).build())
                .hasMessageContaining("maxMessageBytes=0");
    }

    @Test
    void shouldRejectHeadersTheHandshakeOwnsOrThatCouldInjectLines() {
        assertThatThrownBy(() -> ConnectConfig.builder().header("Sec-WebSocket-Key", "x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Sec-WebSocket-Key");
        assertThatThrownBy(() -> ConnectConfig.builder().header("host", "x").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConnectConfig.builder().header("X-Evil", "a\r\nHost: b").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Evil");
        assertThatThrownBy(() -> ConnectConfig.builder().header("Bad Name", "x").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectSubprotocolThatIsNotADistinctToken() {
        assertThatThrownBy(() -> ConnectConfig.builder().subprotocol("a b").build())
                .hasMessageContaining("subprotocol=a b");
        assertThatThrownBy(() -> ConnectConfig.builder().subprotocol("chat").subprotocol("chat").build())
                .hasMessageContaining("subprotocol=chat");
    }

    @Test
    void shouldRejectClientConfigOutOfRange() {
        assertThatThrownBy(() -> ClientConfig.builder().ioThreads(0).build()).hasMessageContaining("ioThreads=0");
        assertThatThrownBy(() -> ClientConfig.builder().readBufferBytes(100).build())
                .hasMessageContaining("readBufferBytes=100");
    }
}
