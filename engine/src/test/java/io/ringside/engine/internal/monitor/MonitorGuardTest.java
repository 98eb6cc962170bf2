package io.ringside.engine.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class MonitorGuardTest {
    private static final String TOKEN = "0123456789abcdef-token";
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 40000);
    private static final InetSocketAddress REMOTE = new InetSocketAddress("203.0.113.7", 40000);

    @Test
    void shouldLetTheTokenThroughAsBearerOrQueryFromAnywhere() {
        // given
        MonitorGuard guard = new MonitorGuard(TOKEN);

        // when / then
        assertThat(guard.check("Bearer " + TOKEN, null, REMOTE)).isNull();
        assertThat(guard.check("bearer " + TOKEN, null, REMOTE)).isNull();
        assertThat(guard.check(null, TOKEN, REMOTE)).isNull();
    }

    @Test
    void shouldRefuseAMissingToken401AndAWrongOne403EvenFromThisMachine() {
        // given
        MonitorGuard guard = new MonitorGuard(TOKEN);

        // when / then
        assertThat(guard.check(null, null, LOOPBACK).status()).isEqualTo(401);
        assertThat(guard.check("Basic abc", "", LOOPBACK).status()).isEqualTo(401);
        assertThat(guard.check("Bearer " + TOKEN + "x", null, LOOPBACK).status()).isEqualTo(403);
        assertThat(guard.check(null, TOKEN.substring(1), LOOPBACK).status()).isEqualTo(403);
        // the header wins over the query
        assertThat(guard.check("Bearer wrong", TOKEN, LOOPBACK).status()).isEqualTo(403);
    }

    @Test
    void shouldAnswerOnlyLoopbackClientsWithoutAToken() {
        // given
        MonitorGuard guard = new MonitorGuard(null);

        // when / then
        assertThat(guard.check(null, null, LOOPBACK)).isNull();
        assertThat(guard.check(null, null, new InetSocketAddress("::1", 1))).isNull();
        MonitorGuard.Refusal remote = guard.check("Bearer " + TOKEN, TOKEN, REMOTE);
        assertThat(remote.status()).isEqualTo(403);
        assertThat(remote.message()).contains("ringside.monitor.token");
        assertThat(guard.check(null, null, null).status()).isEqualTo(403);
    }
}
