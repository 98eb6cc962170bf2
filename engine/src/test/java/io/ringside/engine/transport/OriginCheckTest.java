package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OriginCheckTest {
    private static final EndpointConfig SAME_HOST = EndpointConfig.builder().path("/ws").build();

    private static boolean allowed(EndpointConfig config, String origin, String host) {
        return OriginCheck.allowed(new Endpoint(config, new EchoHandler()), TestRequests.request(origin, host, null));
    }

    @Test
    void shouldAllowSameHostAndPortIgnoringCase() {
        assertThat(allowed(SAME_HOST, "http://Game.Example:8080", "game.example:8080")).isTrue();
        assertThat(allowed(SAME_HOST, "http://[::1]:8080", "[::1]:8080")).isTrue();
    }

    @Test
    void shouldMatchDefaultPortWhenHostHasNone() {
        assertThat(allowed(SAME_HOST, "https://game.example", "game.example")).isTrue();
        assertThat(allowed(SAME_HOST, "http://game.example", "game.example:80")).isTrue();
        assertThat(allowed(SAME_HOST, "https://game.example", "game.example:443")).isTrue();
    }

    @Test
    void shouldRefuseOtherHostOtherPortOrMissingHost() {
        assertThat(allowed(SAME_HOST, "http://evil.example:8080", "game.example:8080")).isFalse();
        assertThat(allowed(SAME_HOST, "http://game.example:9090", "game.example:8080")).isFalse();
        assertThat(allowed(SAME_HOST, "http://game.example.evil.example", "game.example")).isFalse();
        assertThat(allowed(SAME_HOST, "http://game.example", null)).isFalse();
        assertThat(allowed(SAME_HOST, "null", "game.example")).isFalse();
        assertThat(allowed(SAME_HOST, "http://game.example:80x", "game.example")).isFalse();
    }

    @Test
    void shouldAllowMissingOriginListedOriginsAndAnyWhenChosen() {
        EndpointConfig listed = EndpointConfig.builder().path("/ws").allowedOrigins("https://Game.Example").build();
        EndpointConfig any = EndpointConfig.builder().path("/ws").anyOrigin(true).build();

        assertThat(allowed(SAME_HOST, null, "game.example")).isTrue();
        assertThat(allowed(listed, "https://game.example", "server.internal:8080")).isTrue();
        assertThat(allowed(listed, "https://other.example", "server.internal:8080")).isFalse();
        assertThat(allowed(any, "http://evil.example", "game.example")).isTrue();
    }

    @Test
    void shouldRefuseOriginWithoutSchemeOrWithABadPort() {
        assertThat(allowed(SAME_HOST, "game.example", "game.example")).isFalse();
        assertThat(allowed(SAME_HOST, "http://game.example:123456", "game.example:123456")).isFalse();
        assertThat(allowed(SAME_HOST, "http://game.example:", "game.example:")).isFalse();
        assertThat(allowed(SAME_HOST, "wss://game.example", "game.example:443")).isTrue();
    }
}
