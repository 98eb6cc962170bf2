package io.ringside.engine.internal.monitor;

import io.ringside.engine.transport.HttpResponse;
import io.ringside.protocol.http.HttpStatus;
import io.ringside.protocol.http.UpgradeRequest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Who may use the monitor (or the admin routes): a request carrying the configured token, or,
 * without one, a request from a loopback address. Tokens are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, so neither the token's bytes nor its length show in the time a
 * refusal takes. Any thread.
 */
final class MonitorGuard {
    /** A request the guard lets through. */
    static final Refusal NONE = null;
    private static final String BEARER = "bearer ";

    private final byte[] tokenDigest;
    private final String name;

    MonitorGuard(String token) {
        this(token, "monitor");
    }

    /** A guard of the routes called {@code name} in its refusals (its token key is {@code ringside.<name>.token}). */
    MonitorGuard(String token, String name) {
        this.tokenDigest = token == null ? null : digest(token);
        this.name = name;
    }

    /** Why a request is refused, with its HTTP status; {@code null} when it may pass. */
    record Refusal(int status, String message) {
    }

    /** A request's query parameters, or the answer that refuses it ({@code refusal} not null). */
    record Admission(QueryParameters query, HttpResponse refusal) {
    }

    /**
     * Parses {@code request}'s query and checks it from {@code remote}: a query that does not parse
     * is refused with 400 naming the problem, a request the guard does not let through with its
     * {@link Refusal}, both as JSON.
     */
    Admission admit(UpgradeRequest request, InetSocketAddress remote) {
        QueryParameters query;
        try {
            query = QueryParameters.parse(request.query());
        } catch (IllegalArgumentException e) {
            return new Admission(null, MonitorJson.error(HttpStatus.BAD_REQUEST, e.getMessage()));
        }
        Refusal refusal = check(request.header("Authorization"), query.get("token"), remote);
        return new Admission(query, refusal == null ? null : MonitorJson.error(refusal.status(), refusal.message()));
    }

    /**
     * Checks a request from {@code remote} that carries {@code authorization} (the header, or
     * {@code null}) and {@code queryToken} (the {@code token} parameter, or {@code null}).
     */
    Refusal check(String authorization, String queryToken, InetSocketAddress remote) {
        if (tokenDigest == null) {
            if (remote != null && remote.getAddress() != null && remote.getAddress().isLoopbackAddress()) {
                return NONE;
            }
            return new Refusal(HttpStatus.FORBIDDEN,
                    "the " + name + " has no token and answers this machine only (set ringside." + name + ".token)");
        }
        String presented = queryToken;
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            presented = authorization.substring(BEARER.length()).trim();
        }
        if (presented == null || presented.isEmpty()) {
            return new Refusal(HttpStatus.UNAUTHORIZED,
                    name + " token required (Authorization: Bearer <token>, or ?token=<token>)");
        }
        if (!MessageDigest.isEqual(tokenDigest, digest(presented))) {
            return new Refusal(HttpStatus.FORBIDDEN, "wrong " + name + " token");
        }
        return NONE;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
