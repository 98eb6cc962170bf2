package io.ringside.examples.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arena's command line and settings checks. */
class ArenaServerTest {
    @Test
    void shouldReadBothOptionFormsWhenParsingArguments() {
        // given
        String[] args = {"--port", "9000", "--tick-rate=60", "--bots", "6", "--reconnect-grace", "0"};

        // when
        Map<String, String> options = ArenaServer.parse(args);

        // then
        assertThat(options).containsEntry("port", "9000").containsEntry("tick-rate", "60").containsEntry("bots", "6")
                .containsEntry("reconnect-grace", "0");
    }

    @Test
    void shouldRefuseAStrayArgumentOrAMissingValue() {
        assertThatThrownBy(() -> ArenaServer.parse(new String[] {"9000"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unexpected argument 9000");
        assertThatThrownBy(() -> ArenaServer.parse(new String[] {"--bots"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--bots needs a value");
    }

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
