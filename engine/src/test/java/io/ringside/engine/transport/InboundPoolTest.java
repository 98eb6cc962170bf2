package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.protocol.websocket.DecoderConfig;
import io.ringside.protocol.websocket.InflaterPool;
import io.ringside.protocol.websocket.Role;
import org.junit.jupiter.api.Test;

class InboundPoolTest {
    private final InboundPool pool = new InboundPool(DecoderConfig.builder().role(Role.SERVER).build(),
            new InflaterPool(4));

    @Test
    void shouldLendTheSameDecoderAgainOnceGivenBack() {
        // given
        InboundDispatcher first = pool.take(null);
        pool.give(first);

        // when
        InboundDispatcher second = pool.take(null);

        // then
        assertThat(second).isSameAs(first);
        assertThat(second.pooled).isTrue();
        assertThat(pool.size()).isZero();
    }

    @Test
    void shouldMakeNewDecodersWhenNoneIsIdle() {
        // when
        InboundDispatcher first = pool.take(null);
        InboundDispatcher second = pool.take(null);

        // then
        assertThat(second).isNotSameAs(first);
        assertThat(second.decoder).isNotSameAs(first.decoder);
    }

    @Test
    void shouldKeepAtMostKeptIdleDecoders() {
        // given
        InboundDispatcher[] taken = new InboundDispatcher[InboundPool.KEPT + 5];
        for (int i = 0; i < taken.length; i++) {
            taken[i] = pool.take(null);
        }

        // when
        for (InboundDispatcher dispatcher : taken) {
            pool.give(dispatcher);
        }

        // then
        assertThat(pool.size()).isEqualTo(InboundPool.KEPT);
    }
}
