package io.ringside.examples.arena;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The arena's settings checks. */
class ArenaServerTest {
    @Test
    void shouldNameTheBadValueWhenSettingsAreOutOfRange() {
        assertThatThrownBy(() -> ArenaSettings.defaults().withTickRateHz(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tickRateHz=0");
        assertThatThrownBy(() -> ArenaSettings.defaults().withBots(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bots=-1");
        assertThatThrownBy(() -> new Wall(0, 0, 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wall size");
    }
}
