/**
 * The live monitor page's settings: {@link io.ringside.engine.monitor.MonitorConfig} (off by default;
 * path, token, refresh, viewers, RTT probes). {@code RingsideServer} wires the monitor to its
 * transport: the page, its JSON state and actions over HTTP, and the state pushed to the page over a
 * WebSocket.
 */
package io.ringside.engine.monitor;
