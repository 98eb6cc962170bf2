package io.ringside.examples.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import io.ringside.engine.transport.AuthDecision;
import io.ringside.engine.transport.AuthRequest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenAuthTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final TokenAuth tokens = new TokenAuth(SECRET, Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC));

    private static AuthRequest request(String query, Map<String, List<String>> headers) {
        return AuthRequest.of("/ws", query, new InetSocketAddress("127.0.0.1", 40000), headers);
    }

    private AuthDecision decide(AuthRequest request) {
        return tokens.authHandler().authenticate(request).toCompletableFuture().join();
    }

    @Test
    void shouldAcceptWithTheSubjectWhenTheTokenIsValid() {
        // given
        String token = tokens.issue("guest-1");

        // when
        AuthDecision byQuery = decide(request("name=x&token=" + token, Map.of()));
        AuthDecision byHeader = decide(request(null, Map.of("Authorization", List.of("Bearer " + token))));

        // then
        assertThat(byQuery.accepted()).isTrue();
        assertThat(byQuery.identity()).isEqualTo("guest-1");
        assertThat(byHeader.identity()).isEqualTo("guest-1");
    }

    @Test
    void shouldRefuse401WhenThereIsNoTokenOrABadOne() {
        // given
        String forged = new TokenAuth("another secret, just as long as 32".getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC)).issue("guest-1");

        // when
        AuthDecision none = decide(request(null, Map.of()));
        AuthDecision bad = decide(request("token=" + forged, Map.of()));

        // then
        assertThat(none.accepted()).isFalse();
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body()).startsWith("token required");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.body()).isEqualTo("invalid token");
        assertThatThrownBy(() -> tokens.verify(forged)).isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void shouldRefuseWhenTheTokenExpired() {
        // given
        String token = tokens.issue("guest-1");
        TokenAuth later = new TokenAuth(SECRET, Duration.ofMinutes(10),
                Clock.fixed(NOW.plus(Duration.ofMinutes(11)), ZoneOffset.UTC));

        // when / then
        assertThatThrownBy(() -> later.verify(token)).isInstanceOf(TokenExpiredException.class);
        assertThatThrownBy(() -> later.verify("not.a.token")).isInstanceOf(JWTVerificationException.class);
    }

    @Test
    void shouldRefuseASecretShorterThan256Bits() {
        assertThatThrownBy(() -> new TokenAuth(new byte[31], Duration.ofMinutes(1), Clock.systemUTC()))
                .hasMessage("token secret of 31 bytes (minimum 32)");
    }
}
