/**
 * Not an API: the live monitor behind {@code io.ringside.engine.monitor.MonitorConfig}, which
 * {@code RingsideServer} wires to its transport: the page, its JSON state and actions over HTTP, and
 * the state pushed to the page over a WebSocket.
 */
package io.ringside.engine.internal.monitor;
