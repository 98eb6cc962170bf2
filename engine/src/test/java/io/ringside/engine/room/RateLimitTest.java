package io.ringside.engine.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringside.protocol.websocket.CloseCode;
import org.junit.jupiter.api.Test;

/** {@link RateLimit}'s builder and the router's declaration of limits. */
class RateLimitTest {

    @Test
    void shouldNameTheBadValueWhenBuildingAnInvalidLimit() {
        // given / when / then
        assertThatThrownBy(() -> RateLimit.builder().burst(5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ratePerSecond=0.0");
        assertThatThrownBy(() -> RateLimit.builder().ratePerSecond(Double.NaN).burst(5).build())
                .hasMessageStartingWith("ratePerSecond=NaN");
        assertThatThrownBy(() -> RateLimit.builder().ratePerSecond(10).build())
                .hasMessageStartingWith("burst=0");
        assertThatThrownBy(() -> RateLimit.builder().ratePerSecond(10).burst(5).kick(1006, "flood").build())
                .hasMessageStartingWith("closeCode=1006");
        assertThatThrownBy(() -> RateLimit.builder().ratePerSecond(10).burst(5)
                .kick(CloseCode.POLICY_VIOLATION, "x".repeat(124)).build())
                .hasMessageStartingWith("reason=xxx");
    }

    @Test
    void shouldKeepTheActionWhenBuilt() {
        // given
        RateLimit kick = RateLimit.builder().ratePerSecond(2).burst(3).kick(4008, "chat flood").build();

        // when
        RateLimit drop = RateLimit.builder().ratePerSecond(2).burst(3).build();

        // then
        assertThat(kick.action()).isEqualTo(RateLimit.Action.KICK);
        assertThat(kick.closeCode()).isEqualTo(4008);
        assertThat(kick.reason()).isEqualTo("chat flood");
        assertThat(drop.action()).isEqualTo(RateLimit.Action.DROP);
        assertThat(RateLimit.builder().ratePerSecond(2).burst(3).error().build().action())
                .isEqualTo(RateLimit.Action.ERROR);
    }

    @Test
    void shouldNameTheTypeWhenLimitingOneNotDeclaredOrTwice() {
        // given
        MessageRouter router = new MessageRouter();
        RateLimit limit = RateLimit.builder().ratePerSecond(1).burst(1).build();
        router.onRaw(1, (player, bytes, offset, length) -> { });

        // when
        router.limit(1, limit);

        // then
        assertThatThrownBy(() -> router.limit(2, limit)).hasMessageStartingWith("type=2 (not declared");
        assertThatThrownBy(() -> router.limit(1, limit)).hasMessage("type=1 (limited twice)");
        assertThat(router.limits()).isEqualTo(1);
    }
}
