package io.ringside.engine;

import io.ringside.engine.transport.HttpHandler;
import io.ringside.engine.transport.HttpResponse;
import io.ringside.protocol.http.HttpStatus;
import io.ringside.protocol.http.UpgradeRequest;
import java.util.function.BooleanSupplier;

/**
 * The server's own HTTP routes, consulted ahead of the application's handler: {@code GET /readyz}
 * (200 while the server takes new players, 503 while starting, draining or stopped) and the metrics
 * route. ({@code /healthz} is the transport's: 200 while the process serves at all.) I/O loop threads.
 */
final class OpsRoutes implements HttpHandler {
    static final String READY_PATH = "/readyz";
    private static final HttpResponse READY = HttpResponse.text(HttpStatus.OK, "ready\n");
    private static final HttpResponse NOT_READY = HttpResponse.text(HttpStatus.SERVICE_UNAVAILABLE, "not ready\n");

    private final BooleanSupplier ready;
    private final HttpHandler metrics;

    OpsRoutes(BooleanSupplier ready, HttpHandler metrics) {
        this.ready = ready;
        this.metrics = metrics;
    }

    @Override
    public HttpResponse handle(UpgradeRequest request) {
        if (request.pathEquals(READY_PATH)) {
            return ready.getAsBoolean() ? READY : NOT_READY;
        }
        return metrics == null ? null : metrics.handle(request);
    }
}
