/**
 * Prometheus export of a server's figures: {@link io.ringside.engine.metrics.RingsideCollector} reads the
 * engine's own counters at scrape time, {@link io.ringside.engine.metrics.PrometheusHandler} serves a
 * registry at {@code GET /metrics} on the server's port.
 */
package io.ringside.engine.metrics;
