package io.ringside.engine.internal.monitor;

import io.ringside.engine.internal.RoomControl;
import io.ringside.engine.transport.HttpHandler;
import io.ringside.engine.transport.HttpResponse;
import io.ringside.protocol.http.HttpStatus;
import io.ringside.protocol.http.UpgradeRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The monitor's HTTP routes under its path {@code P}: the page ({@code GET P} or {@code P/}, token
 * required), its script and style (public: they hold no data), {@code GET P/api/state} (the state
 * document), and the actions {@code POST P/api/lock?room=ID&locked=true|false},
 * {@code POST P/api/kick?room=ID&player=SESSION[&reason=TEXT]} and {@code POST P/api/dispose?room=ID},
 * each answered 202 once posted to the room's tick thread. Refusals: 401/403 without the right
 * token, 400 with a message for bad input, 404 for an unknown room or player, 405 for a wrong
 * method, 503 when the room's post queue is full. I/O loop threads; nothing here blocks.
 */
final class MonitorRoutes implements HttpHandler {
    static final String API_STATE = "/api/state";
    static final String API_LOCK = "/api/lock";
    static final String API_KICK = "/api/kick";
    static final String API_DISPOSE = "/api/dispose";
    private static final int MAX_ID_CHARS = 64;
    private static final int MAX_REASON_CHARS = 120;
    private static final String WEB_ROOT = "io/ringside/engine/monitor/web";
    private static final String SCRIPT = "/monitor.js";
    private static final String STYLE = "/monitor.css";

    private final String base;
    private final MonitorGuard guard;
    private final MonitorFeed feed;
    private final RoomControl control;
    private final HttpResponse page;
    private final HttpResponse script;
    private final HttpResponse style;

    MonitorRoutes(String base, MonitorGuard guard, MonitorFeed feed, RoomControl control) {
        this.base = base;
        this.guard = guard;
        this.feed = feed;
        this.control = control;
        this.page = resource("/index.html", "text/html; charset=utf-8", base);
        this.script = resource(SCRIPT, "text/javascript; charset=utf-8", base);
        this.style = resource(STYLE, "text/css; charset=utf-8", base);
    }

    @Override
    public HttpResponse handle(UpgradeRequest request) {
        return handle(request, null);
    }

    @Override
    public HttpResponse handle(UpgradeRequest request, InetSocketAddress remote) {
        String path = request.path();
        if (!path.startsWith(base)) {
            return null;
        }
        String rest = path.substring(base.length());
        if (SCRIPT.equals(rest) || STYLE.equals(rest)) {
            return SCRIPT.equals(rest) ? script : style;
        }
        boolean page = rest.isEmpty() || "/".equals(rest);
        boolean action = API_LOCK.equals(rest) || API_KICK.equals(rest) || API_DISPOSE.equals(rest);
        if (!page && !action && !API_STATE.equals(rest)) {
            return null;
        }
        String method = request.method();
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if (action ? !"POST".equals(method) : !read) {
            return MonitorJson.error(HttpStatus.METHOD_NOT_ALLOWED, method + " not allowed on "
                    + path + " (" + (action ? "POST" : "GET") + " only)");
        }
        MonitorGuard.Admission admission = guard.admit(request, remote);
        if (admission.refusal() != null) {
            return admission.refusal();
        }
        QueryParameters query = admission.query();
        if (page) {
            return this.page;
        }
        if (!action) {
            return MonitorJson.response(HttpStatus.OK, feed.stateForRequest());
        }
        try {
            return act(rest, query);
        } catch (IllegalArgumentException e) {
            return MonitorJson.error(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private HttpResponse act(String action, QueryParameters query) {
        String room = id(query.require("room"), "room");
        RoomControl.Outcome outcome;
        String done;
        switch (action) {
            case API_LOCK -> {
                String locked = query.require("locked");
                if (!"true".equals(locked) && !"false".equals(locked)) {
                    throw new IllegalArgumentException("locked=" + clip(locked) + " (true or false)");
                }
                outcome = control.lock(room, Boolean.parseBoolean(locked));
                done = "true".equals(locked) ? "lock" : "unlock";
            }
            case API_KICK -> {
                String player = id(query.require("player"), "player");
                String reason = query.get("reason");
                if (reason != null && reason.length() > MAX_REASON_CHARS) {
                    throw new IllegalArgumentException("reason of " + reason.length() + " characters (maximum "
                            + MAX_REASON_CHARS + ")");
                }
                outcome = control.kick(room, player, reason == null ? "kicked by an operator" : reason);
                done = "kick";
            }
            default -> {
                outcome = control.dispose(room);
                done = "dispose";
            }
        }
        return switch (outcome) {
            case QUEUED -> MonitorJson.response(HttpStatus.ACCEPTED, MonitorJson.field("queued", done));
            case NO_ROOM -> MonitorJson.error(HttpStatus.NOT_FOUND, "no room " + room);
            case NO_PLAYER -> MonitorJson.error(HttpStatus.NOT_FOUND, "no such player in room " + room);
            case BUSY -> MonitorJson.error(HttpStatus.SERVICE_UNAVAILABLE,
                    "room " + room + " is busy or closing; try again");
        };
    }

    private static String id(String value, String name) {
        if (value.length() > MAX_ID_CHARS) {
            throw new IllegalArgumentException(name + " of " + value.length() + " characters (maximum "
                    + MAX_ID_CHARS + ")");
        }
        return value;
    }

    private static String clip(String value) {
        return value.length() <= MAX_ID_CHARS ? value : value.substring(0, MAX_ID_CHARS) + "…";
    }

    /** A file of the page, read once, with {@code {{BASE}}} replaced by the monitor's path. */
    private static HttpResponse resource(String file, String contentType, String base) {
        try (InputStream in = MonitorRoutes.class.getClassLoader().getResourceAsStream(WEB_ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException(WEB_ROOT + file + " is missing from the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{BASE}}", base);
            return HttpResponse.of(HttpStatus.OK, contentType, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
