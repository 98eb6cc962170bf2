package io.ringside.engine.internal.monitor;

import io.ringside.engine.room.GameMetrics;
import io.ringside.engine.internal.RoomControl;
import io.ringside.engine.monitor.MonitorConfig;
import io.ringside.engine.transport.AuthDecision;
import io.ringside.engine.transport.AuthHandler;
import io.ringside.engine.transport.Connection;
import io.ringside.engine.transport.EndpointConfig;
import io.ringside.engine.transport.HttpHandler;
import io.ringside.engine.transport.TransportMetrics;
import io.ringside.engine.transport.WebSocketHandler;
import io.ringside.protocol.http.HttpStatus;
import io.ringside.protocol.http.UpgradeRequest;
import java.util.concurrent.CompletableFuture;

/**
 * A server's live monitor (see {@link MonitorConfig}): the HTTP routes of its page, JSON state and
 * actions, and the WebSocket endpoint that pushes the state to the page. {@code RingsideServer}
 * builds one when its monitor is on and wires it to its transport; it is public for that, not as an
 * API of its own.
 */
public final class Monitor implements AutoCloseable {
    /** The live feed's path under the monitor's. */
    public static final String LIVE_PATH = "/live";
    /** What a monitor viewer's connection is accepted as. */
    static final String VIEWER_IDENTITY = "ringside-monitor";

    private final MonitorConfig config;
    private final MonitorGuard guard;
    private final MonitorFeed feed;
    private final MonitorRoutes routes;

    /** A monitor of {@code control}'s rooms and {@code game}'s figures (a transport's from {@link #start}). */
    public Monitor(MonitorConfig config, RoomControl control, GameMetrics game) {
        this.config = config;
        this.guard = new MonitorGuard(config.token());
        this.feed = new MonitorFeed(config, control, game, System::nanoTime);
        this.routes = new MonitorRoutes(config.path(), guard, feed, control);
    }

    /** The HTTP routes (page, assets, JSON state, actions); {@code null} for any other path. */
    public HttpHandler routes() {
        return routes;
    }

    /**
     * The live feed's endpoint: at {@code path + "/live"}, same-host Origin policy, its upgrades
     * decided by the monitor's token (or loopback) check instead of the server's auth handler.
     */
    public EndpointConfig liveEndpoint() {
        return EndpointConfig.builder().path(config.path() + LIVE_PATH).authHandler(liveAuth()).build();
    }

    /** The live feed's handler: a viewer gets the state on open and at every refresh. */
    public WebSocketHandler liveHandler() {
        return new WebSocketHandler() {
            @Override
            public void onOpen(Connection connection, UpgradeRequest request) {
                feed.viewerOpened(connection);
            }

            @Override
            public void onClose(Connection connection, int code, String reason) {
                feed.viewerClosed(connection);
            }
        };
    }

    private AuthHandler liveAuth() {
        return request -> {
            String token;
            try {
                token = request.queryParameter("token");
            } catch (IllegalArgumentException e) {
                return CompletableFuture.completedFuture(AuthDecision.refuse(HttpStatus.BAD_REQUEST,
                        "query is not URL-encoded"));
            }
            MonitorGuard.Refusal refusal = guard.check(request.header("Authorization"), token,
                    request.remoteAddress());
            return CompletableFuture.completedFuture(refusal == null ? AuthDecision.accept(VIEWER_IDENTITY)
                    : AuthDecision.refuse(refusal.status(), refusal.message()));
        };
    }

    /** Starts the refresh timer, reading connections and bytes from {@code transport}. */
    public void start(TransportMetrics transport) {
        feed.start(transport);
    }

    /** Stops the refresh timer. Idempotent. */
    @Override
    public void close() {
        feed.close();
    }
}
