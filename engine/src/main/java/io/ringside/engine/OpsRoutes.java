package io.ringside.engine;

import io.ringside.engine.transport.HttpHandler;
import io.ringside.engine.transport.HttpResponse;
import io.ringside.protocol.http.HttpStatus;
import io.ringside.protocol.http.UpgradeRequest;
import java.net.InetSocketAddress;
import java.util.function.BooleanSupplier;

/**
 * The server's own HTTP routes, consulted ahead of the application's handler: {@code GET /readyz}
 * (200 while the server takes new players, 503 while starting, draining or stopped) and the metrics
 * route, then the admin routes when a token is set and the monitor's routes when it is on.
 * ({@code /healthz} is the transport's: 200 while the process serves at all.) I/O loop threads.
 */
final class OpsRoutes implements HttpHandler {
    static final String READY_PATH = "/readyz";
    private static final HttpResponse READY = HttpResponse.text(HttpStatus.OK, "ready\n");
    private static final HttpResponse NOT_READY = HttpResponse.text(HttpStatus.SERVICE_UNAVAILABLE, "not ready\n");

    private final BooleanSupplier ready;
    private final HttpHandler metrics;
    private final HttpHandler admin;
    private final HttpHandler monitor;

    OpsRoutes(BooleanSupplier ready, HttpHandler metrics, HttpHandler admin, HttpHandler monitor) {
        this.ready = ready;
        this.metrics = metrics;
        this.admin = admin;
        this.monitor = monitor;
    }

    @Override
    public HttpResponse handle(UpgradeRequest request) {
        return handle(request, null);
    }

    @Override
    public HttpResponse handle(UpgradeRequest request, InetSocketAddress remoteAddress) {
        if (request.pathEquals(READY_PATH)) {
            return ready.getAsBoolean() ? READY : NOT_READY;
        }
        HttpResponse response = metrics == null ? null : metrics.handle(request);
        if (response == null && admin != null) {
            response = admin.handle(request, remoteAddress);
        }
        return response != null || monitor == null ? response : monitor.handle(request, remoteAddress);
    }
}
