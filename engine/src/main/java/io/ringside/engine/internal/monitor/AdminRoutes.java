package io.ringside.engine.internal.monitor;

import io.ringside.engine.config.AdminConfig;
import io.ringside.engine.transport.HttpHandler;
import io.ringside.engine.transport.HttpResponse;
import io.ringside.protocol.http.HttpStatus;
import io.ringside.protocol.http.UpgradeRequest;
import java.net.InetSocketAddress;

/**
 * The admin routes under {@link AdminConfig#path()} {@code P}: {@code POST P/drain} runs the drain
 * it was given (which must return at once) and answers 202. Every request must carry the admin
 * token (see {@link AdminConfig}), checked as the monitor's is ({@link MonitorGuard}): 401 without
 * one, 403 with a wrong one; 405 for another method. {@code RingsideServer} builds one when a token
 * is set; public for that, not as an API. I/O loop threads; nothing here blocks.
 */
public final class AdminRoutes implements HttpHandler {
    /** The drain route under the admin path. */
    public static final String DRAIN = "/drain";

    private final String drainPath;
    private final MonitorGuard guard;
    private final Runnable drain;

    /** Routes of {@code config} (which has a token) that call {@code drain}, a call that returns at once. */
    public AdminRoutes(AdminConfig config, Runnable drain) {
        if (!config.enabled()) {
            throw new IllegalArgumentException("the admin routes need a token");
        }
        this.drainPath = config.path() + DRAIN;
        this.guard = new MonitorGuard(config.token(), "admin");
        this.drain = drain;
    }

    @Override
    public HttpResponse handle(UpgradeRequest request) {
        return handle(request, null);
    }

    @Override
    public HttpResponse handle(UpgradeRequest request, InetSocketAddress remote) {
        if (!request.pathEquals(drainPath)) {
            return null;
        }
        if (!"POST".equals(request.method())) {
            return MonitorJson.error(HttpStatus.METHOD_NOT_ALLOWED, request.method()
                    + " not allowed on " + drainPath + " (POST only)");
        }
        MonitorGuard.Admission admission = guard.admit(request, remote);
        if (admission.refusal() != null) {
            return admission.refusal();
        }
        drain.run();
        return MonitorJson.response(HttpStatus.ACCEPTED, MonitorJson.field("status", "draining"));
    }
}
