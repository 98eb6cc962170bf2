package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeartbeatTest {
    private static final long INTERVAL = 1000;
    private static final long TIMEOUT = 300;

    /** The two times a connection keeps, updated as {@code WsConnection} does. */
    private long lastHeardNs;
    private long pingSentNs;

    private int check(long nowNs, long intervalNs) {
        int due = Heartbeat.check(nowNs, lastHeardNs, pingSentNs, intervalNs, TIMEOUT);
        if (due == Heartbeat.PING_DUE) {
            pingSentNs = nowNs;
        }
        return due;
    }

    private int check(long nowNs) {
        return check(nowNs, INTERVAL);
    }

    @Test
    void shouldAskForPingOnceWhenQuietForInterval() {
        // given: opened at 0

        // when
        int early = check(INTERVAL - 1);
        int due = check(INTERVAL);
        int again = check(INTERVAL + 1);

        // then
        assertThat(early).isEqualTo(Heartbeat.NOTHING_DUE);
        assertThat(due).isEqualTo(Heartbeat.PING_DUE);
        assertThat(again).isEqualTo(Heartbeat.NOTHING_DUE);
    }

    @Test
    void shouldExpireWhenNothingHeardWithinTimeoutAfterPing() {
        // given
        check(INTERVAL);

        // when
        int beforeTimeout = check(INTERVAL + TIMEOUT - 1);
        int atTimeout = check(INTERVAL + TIMEOUT);

        // then
        assertThat(beforeTimeout).isEqualTo(Heartbeat.NOTHING_DUE);
        assertThat(atTimeout).isEqualTo(Heartbeat.EXPIRED);
    }

    @Test
    void shouldStartOverWhenPeerHeardAfterPing() {
        // given
        check(INTERVAL);

        // when
        lastHeardNs = INTERVAL + 10;

        // then
        assertThat(check(INTERVAL + TIMEOUT)).isEqualTo(Heartbeat.NOTHING_DUE);
        assertThat(check(2 * INTERVAL + 10)).isEqualTo(Heartbeat.PING_DUE);
    }

    @Test
    void shouldCountPeerHeardAtTheInstantOfThePingAsAnAnswer() {
        // given
        check(INTERVAL);

        // when: bytes read in the same loop cycle as the ping went out
        lastHeardNs = INTERVAL;

        // then
        assertThat(check(INTERVAL + TIMEOUT)).isEqualTo(Heartbeat.NOTHING_DUE);
    }

    @Test
    void shouldNeverFireWhenDisabled() {
        assertThat(check(Long.MAX_VALUE / 2, 0)).isEqualTo(Heartbeat.NOTHING_DUE);
    }
}
