package io.ringside.agones;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the Agones SDK sidecar's REST API (the sidecar binary cannot run here),
 * following the endpoints and JSON shapes of the Agones "REST Game Server Client API" page: POST
 * /ready, /health, /allocate, /shutdown with {@code {}}, POST /reserve with {@code {"seconds": "N"}},
 * PUT /metadata/label with {@code {"key", "value"}}; each answers 200 with {@code {}} (an Empty), and
 * a wrong method or path 404/405 as the gateway does. It records every call in order and can fail
 * the next calls of a path with 503, as a sidecar still starting does.
 */
final class FakeAgonesSidecar implements AutoCloseable {
    private static final Map<String, String> ROUTES = Map.of("/ready", "POST", "/health", "POST",
            "/allocate", "POST", "/shutdown", "POST", "/reserve", "POST", "/metadata/label", "PUT");
    private static final Set<String> EMPTY_BODY = Set.of("/ready", "/health", "/allocate", "/shutdown");

    private final HttpServer server;
    private final List<String> calls = new ArrayList<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    FakeAgonesSidecar() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** The next {@code times} calls of {@code path} answer 503. */
    void failNext(String path, int times) {
        failures.computeIfAbsent(path, p -> new AtomicInteger()).set(times);
    }

    /** Every call so far as {@code METHOD /path body}, in order (failed ones included, marked " -> 503"). */
    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        int status;
        if (!ROUTES.containsKey(path)) {
            status = 404;
        } else if (!ROUTES.get(path).equals(method)) {
            status = 405;
        } else if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))
                || EMPTY_BODY.contains(path) && !"{}".equals(body)) {
            status = 400;
        } else {
            AtomicInteger failing = failures.get(path);
            status = failing != null && failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
        }
        synchronized (this) {
            calls.add(method + " " + path + " " + body + (status == 200 ? "" : " -> " + status));
        }
        String json = status == 200 ? "{}" : "{\"error\":\"status " + status + "\"}";
        byte[] answer = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
