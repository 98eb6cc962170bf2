package io.ringside.protocol.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecoderConfigTest {

    @Test
    void shouldUseDocumentedDefaults() {
        DecoderConfig config = DecoderConfig.defaults();

        assertThat(config.role()).isEqualTo(Role.SERVER);
        assertThat(config.maxFramePayloadBytes()).isEqualTo(1 << 20);
        assertThat(config.maxMessageBytes()).isEqualTo(1 << 20);
        assertThat(config.allowedRsvBits()).isZero();
    }

    @Test
    void shouldAcceptValuesWhenAtTheirMinimum() {
        DecoderConfig config = DecoderConfig.builder().role(Role.CLIENT).maxFramePayloadBytes(125)
                .maxMessageBytes(1).allowedRsvBits(0b111).build();

        assertThat(config.role()).isEqualTo(Role.CLIENT);
        assertThat(config.maxFramePayloadBytes()).isEqualTo(125);
        assertThat(config.maxMessageBytes()).isEqualTo(1);
        assertThat(config.allowedRsvBits()).isEqualTo(0b111);
    }

    @Test
    void shouldNameTheBadValueWhenBuildFails() {
        assertThatThrownBy(() -> DecoderConfig.builder().role(null).build()).hasMessageContaining("role=null");
        assertThatThrownBy(() -> DecoderConfig.builder().maxFramePayloadBytes(124).build())
                .hasMessageContaining("maxFramePayloadBytes=124");
        assertThatThrownBy(() -> DecoderConfig.builder().maxMessageBytes(0).build())
                .hasMessageContaining("maxMessageBytes=0");
        assertThatThrownBy(() -> DecoderConfig.builder().allowedRsvBits(8).build())
                .hasMessageContaining("allowedRsvBits=8");
    }
}
