package io.ringside.examples.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.ringside.engine.transport.AuthDecision;
import io.ringside.engine.transport.AuthHandler;
import io.ringside.engine.transport.HttpHandler;
import io.ringside.engine.transport.HttpResponse;
import io.ringside.protocol.http.HttpStatus;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * Token auth at the upgrade, as an example: HMAC-SHA256 signed JWTs (Auth0's java-jwt). A page gets
 * a token from {@code GET /token} and opens the WebSocket with {@code ?token=...} (browsers cannot
 * set headers on a WebSocket; {@code Authorization: Bearer} works too, for other clients); the
 * {@link #authHandler()} checks signature, issuer and expiry before the socket opens and accepts
 * with the token's subject as the identity rooms see ({@code Player.identity()}), or refuses 401.
 *
 * <p>Here {@code /token} hands a guest token to anyone who asks. A real game issues tokens where it
 * knows who the player is (its login, a platform's session) and only checks them here.
 *
 * <pre>{@code
 * TokenAuth tokens = new TokenAuth(secret, Duration.ofHours(12), Clock.systemUTC());
 * RingsideServer.builder().authHandler(tokens.authHandler()).httpHandler(tokens.tokenRoute()) ...
 * }</pre>
 */
public final class TokenAuth {
    /** The path of the route that issues guest tokens. */
    public static final String TOKEN_PATH = "/token";
    /** The {@code iss} claim of the tokens issued and accepted. */
    public static final String ISSUER = "ringside-examples";
    /** Fewest secret bytes accepted: 256 bits, the strength of HMAC-SHA256. */
    public static final int MIN_SECRET_BYTES = 32;
    private static final int GUEST_ID_BYTES = 6;

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** Tokens signed with {@code secret} (at least 32 bytes), valid for {@code ttl}, timed by {@code clock}. */
    public TokenAuth(byte[] secret, Duration ttl, Clock clock) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("token secret of " + secret.length + " bytes (minimum "
                    + MIN_SECRET_BYTES + ")");
        }
        this.algorithm = Algorithm.HMAC256(secret);
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(ISSUER)).build(clock);
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A random secret of {@link #MIN_SECRET_BYTES}: tokens then hold only for this process. */
    public static byte[] randomSecret() {
        byte[] secret = new byte[MIN_SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** A signed token for {@code subject}, expiring after the ttl. */
    public String issue(String subject) {
        Instant now = clock.instant();
        return JWT.create().withIssuer(ISSUER).withSubject(subject).withIssuedAt(now).withExpiresAt(now.plus(ttl))
                .sign(algorithm);
    }

    /** The subject of a valid {@code token}; throws {@link JWTVerificationException} naming what is wrong. */
    public String verify(String token) {
        DecodedJWT jwt = verifier.verify(token);
        return jwt.getSubject();
    }

    /**
     * Checks the {@code token} query parameter (or an {@code Authorization: Bearer} header): accepts
     * with the token's subject as identity, or refuses 401. Answers at once: verifying an HMAC is a
     * few microseconds of CPU, fine on the I/O loop.
     */
    public AuthHandler authHandler() {
        return request -> {
            String token = request.queryParameter("token");
            if (token == null) {
                token = request.bearerToken();
            }
            if (token == null) {
                return CompletableFuture.completedFuture(AuthDecision.refuse(HttpStatus.UNAUTHORIZED,
                        "token required: GET " + TOKEN_PATH + ", then connect with ?token="));
            }
            try {
                return CompletableFuture.completedFuture(AuthDecision.accept(verify(token)));
            } catch (JWTVerificationException e) {
                return CompletableFuture.completedFuture(AuthDecision.refuse(HttpStatus.UNAUTHORIZED,
                        "invalid token"));
            }
        };
    }

    /** {@code GET /token}: a fresh guest token (subject {@code guest-<random>}) as plain text. */
    public HttpHandler tokenRoute() {
        return request -> {
            if (!request.pathEquals(TOKEN_PATH) || !"GET".equals(request.method())) {
                return null;
            }
            byte[] id = new byte[GUEST_ID_BYTES];
            random.nextBytes(id);
            return HttpResponse.text(HttpStatus.OK, issue("guest-" + HexFormat.of().formatHex(id)));
        };
    }
}
