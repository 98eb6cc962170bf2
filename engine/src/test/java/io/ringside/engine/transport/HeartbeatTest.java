package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeartbeatTest {
    private static final long INTERVAL = 1000;
    private static final long TIMEOUT = 300;

    @Test
    void shouldAskForPingOnceWhenQuietForInterval() {
        // given
        Heartbeat heartbeat = new Heartbeat(0);

        // when
        int early = heartbeat.check(INTERVAL - 1, INTERVAL, TIMEOUT);
        int due = heartbeat.check(INTERVAL, INTERVAL, TIMEOUT);
        int again = heartbeat.check(INTERVAL + 1, INTERVAL, TIMEOUT);

        // then
        assertThat(early).isEqualTo(Heartbeat.NOTHING_DUE);
        assertThat(due).isEqualTo(Heartbeat.PING_DUE);
        assertThat(again).isEqualTo(Heartbeat.NOTHING_DUE);
    }

    @Test
    void shouldExpireWhenNothingHeardWithinTimeoutAfterPing() {
        // given
        Heartbeat heartbeat = new Heartbeat(0);
        heartbeat.check(INTERVAL, INTERVAL, TIMEOUT);

        // when
        int beforeTimeout = heartbeat.check(INTERVAL + TIMEOUT - 1, INTERVAL, TIMEOUT);
        int atTimeout = heartbeat.check(INTERVAL + TIMEOUT, INTERVAL, TIMEOUT);

        // then
        assertThat(beforeTimeout).isEqualTo(Heartbeat.NOTHING_DUE);
        assertThat(atTimeout).isEqualTo(Heartbeat.EXPIRED);
    }

    @Test
    void shouldStartOverWhenPeerHeardAfterPing() {
        // given
        Heartbeat heartbeat = new Heartbeat(0);
        heartbeat.check(INTERVAL, INTERVAL, TIMEOUT);

        // when
        heartbeat.heard(INTERVAL + 10);

        // then
        assertThat(heartbeat.check(INTERVAL + TIMEOUT, INTERVAL, TIMEOUT)).isEqualTo(Heartbeat.NOTHING_DUE);
        assertThat(heartbeat.check(2 * INTERVAL + 10, INTERVAL, TIMEOUT)).isEqualTo(Heartbeat.PING_DUE);
    }

    @Test
    void shouldNeverFireWhenDisabled() {
        assertThat(new Heartbeat(0).check(Long.MAX_VALUE / 2, 0, TIMEOUT)).isEqualTo(Heartbeat.NOTHING_DUE);
    }
}
