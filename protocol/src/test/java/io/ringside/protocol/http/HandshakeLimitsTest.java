package io.ringside.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HandshakeLimitsTest {
    @Test
    void shouldUseDocumentedDefaultsWhenNothingIsSet() {
        // given / when
        HandshakeLimits limits = HandshakeLimits.defaults();

        // then
        assertThat(limits.maxHeadBytes()).isEqualTo(8192);
        assertThat(limits.maxHeaderCount()).isEqualTo(64);
        assertThat(limits.maxRequestLineBytes()).isEqualTo(4096);
    }

    @Test
    void shouldKeepValuesWhenValid() {
        // given / when
        HandshakeLimits limits = HandshakeLimits.builder().maxHeadBytes(1024).maxHeaderCount(8)
                .maxRequestLineBytes(512).build();

        // then
        assertThat(limits.maxHeadBytes()).isEqualTo(1024);
        assertThat(limits.maxHeaderCount()).isEqualTo(8);
        assertThat(limits.maxRequestLineBytes()).isEqualTo(512);
    }

    @Test
    void shouldNameBadValueWhenRequestLineLimitTooSmall() {
        assertThatThrownBy(() -> HandshakeLimits.builder().maxRequestLineBytes(15).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxRequestLineBytes=15");
    }

    @Test
    void shouldNameBadValueWhenHeadLimitBelowRequestLineLimit() {
        assertThatThrownBy(() -> HandshakeLimits.builder().maxHeadBytes(100).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxHeadBytes=100");
    }

    @Test
    void shouldNameBadValueWhenHeadLimitAboveMaximum() {
        assertThatThrownBy(() -> HandshakeLimits.builder().maxHeadBytes(Integer.MAX_VALUE).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxHeadBytes=2147483647");
    }

    @Test
    void shouldNameBadValueWhenHeaderCountNotPositive() {
        assertThatThrownBy(() -> HandshakeLimits.builder().maxHeaderCount(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxHeaderCount=0");
    }

    @Test
    void shouldNameBadValueWhenHeaderCountCannotFitInHead() {
        assertThatThrownBy(() -> HandshakeLimits.builder().maxHeaderCount(1_000_000).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxHeaderCount=1000000");
    }
}
