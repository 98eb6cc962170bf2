package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.BytesValue;
import com.google.protobuf.Int32Value;
import org.junit.jupiter.api.Test;

class GameHandlersTest {

    @Test
    void shouldFindEachRegisteredTypeWhenTypesAreSmallLargeOrNegative() {
        // given
        GameHandlers handlers = new GameHandlers();
        GameMessageHandler<BytesValue> a = (c, m) -> { };
        GameMessageHandler<Int32Value> b = (c, m) -> { };
        handlers.put(2, BytesValue.parser(), a);
        handlers.put(GameHandlers.DIRECT_TYPES, Int32Value.parser(), b);
        handlers.put(-7, BytesValue.parser(), a);
        handlers.put(1_000_000, Int32Value.parser(), b);

        // when / then
        assertThat(handlers.get(2)).isNotNull();
        assertThat(handlers.get(GameHandlers.DIRECT_TYPES)).isNotNull();
        assertThat(handlers.get(-7)).isNotNull();
        assertThat(handlers.get(1_000_000)).isNotNull();
        assertThat(handlers.get(0)).isNull();
        assertThat(handlers.get(3)).isNull();
        assertThat(handlers.get(GameHandlers.DIRECT_TYPES - 1)).isNull();
        assertThat(handlers.get(GameHandlers.DIRECT_TYPES + 1)).isNull();
        assertThat(handlers.get(-1)).isNull();
    }

    @Test
    void shouldReplaceARegistrationWhenTheTypeIsRegisteredAgain() {
        // given
        GameHandlers handlers = new GameHandlers();
        handlers.put(5, BytesValue.parser(), (c, m) -> { });
        GameHandlers.Registration<?> first = handlers.get(5);

        // when
        handlers.put(5, Int32Value.parser(), (c, m) -> { });

        // then
        assertThat(handlers.get(5)).isNotNull().isNotSameAs(first);
    }

    @Test
    void shouldFindNothingWhenNothingIsRegistered() {
        // given
        GameHandlers handlers = new GameHandlers();

        // when / then
        assertThat(handlers.get(0)).isNull();
        assertThat(handlers.get(63)).isNull();
        assertThat(handlers.get(64)).isNull();
        assertThat(handlers.get(Integer.MIN_VALUE)).isNull();
    }
}
