package io.ringside.engine.transport;

import java.util.concurrent.CompletionStage;

/**
 * Decides whether a WebSocket upgrade request may open, before the socket is upgraded: accept with
 * an identity (which the application then sees on the connection, {@link Connection#identity()},
 * and rooms on every player), or refuse with a 4xx status and a short body.
 *
 * <p>Called on the I/O loop that owns the connection, after the request was validated, its
 * endpoint found and its Origin checked. It must not block: answer at once with
 * {@code CompletableFuture.completedFuture(...)}, or return a stage that some other thread (an HTTP
 * client calling an identity service, say) completes later. Meanwhile the connection waits without
 * reading. A stage not completed within the server's auth timeout is answered 503; a hook that
 * throws, or a stage that completes exceptionally or with {@code null}, is answered 500 and reported
 * to the error handler. Each of these costs only that connection.
 *
 * <pre>{@code
 * .authHandler(request -> {
 *     String token = request.queryParameter("token");
 *     return identityService.lookUp(token)                     // a CompletableFuture<User>
 *             .thenApply(user -> user == null ? AuthDecision.refuse(401, "bad token") : AuthDecision.accept(user));
 * })
 * }</pre>
 */
@FunctionalInterface
public interface AuthHandler {
    /** The decision for {@code request}, now or later. */
    CompletionStage<AuthDecision> authenticate(AuthRequest request);
}
