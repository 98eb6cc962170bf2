package io.ringside.engine;

import io.ringside.engine.transport.HttpHandler;
import io.ringside.engine.transport.HttpResponse;
import io.ringside.protocol.http.HttpStatus;
import io.ringside.protocol.http.UpgradeRequest;
import java.util.function.BooleanSupplier;

/**
 * The server's own HTTP routes ahead of the application's: {@code GET /readyz} (200 while the server
 * takes new players, 503 while starting, draining or stopped) and the metrics route, then whatever
 * the next handler (static files) answers. ({@code /healthz} is the transport's: 200 while the
 * process serves at all.) I/O loop threads.
 */
final class OpsRoutes implements HttpHandler {
    static final String READY_PATH = "/readyz";
    private static final HttpResponse READY = HttpResponse.text(HttpStatus.OK, "ready\n");
    private static final HttpResponse NOT_READY = HttpResponse.text(HttpStatus.SERVICE_UNAVAILABLE, "not ready\n");

    private final BooleanSupplier ready;
    private final HttpHandler metrics;
    private final HttpHandler next;

    OpsRoutes(BooleanSupplier ready, HttpHandler metrics, HttpHandler next) {
        this.ready = ready;
        this.metrics = metrics;
        this.next = next;
    }

    @Override
    public HttpResponse handle(UpgradeRequest request) {
        if (request.pathEquals(READY_PATH)) {
            return ready.getAsBoolean() ? READY : NOT_READY;
        }
        HttpResponse response = metrics == null ? null : metrics.handle(request);
        if (response == null && next != null) {
            response = next.handle(request);
        }
        return response;
    }
}
