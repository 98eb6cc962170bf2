package io.ringside.engine;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.ringside.engine.transport.HttpHandler;
import io.ringside.engine.transport.HttpResponse;
import io.ringside.protocol.http.HttpStatus;
import io.ringside.protocol.http.UpgradeRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Answers {@code GET} (or {@code HEAD}) on one path with a scrape of a Prometheus registry in the
 * Prometheus text exposition format (version 0.0.4); any other request is left to the next handler
 * ({@code null}). The scrape runs on the I/O loop that received the request: it reads counters and
 * formats a few kilobytes, tens of microseconds, and never touches a tick thread.
 */
final class PrometheusHandler implements HttpHandler {
    private static final int INITIAL_BUFFER_BYTES = 16 * 1024;

    private final String path;
    private final PrometheusRegistry registry;
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    /** A handler serving {@code registry} at {@code path} (e.g. {@code /metrics}). */
    PrometheusHandler(String path, PrometheusRegistry registry) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("metricsPath=" + path + " (must start with /)");
        }
        this.path = path;
        this.registry = registry;
    }

    @Override
    public HttpResponse handle(UpgradeRequest request) {
        if (!request.pathEquals(path) || !("GET".equals(request.method()) || "HEAD".equals(request.method()))) {
            return null;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(INITIAL_BUFFER_BYTES);
        try {
            writer.write(body, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.of(HttpStatus.OK, writer.getContentType(), ByteBuffer.wrap(body.toByteArray()));
    }
}
