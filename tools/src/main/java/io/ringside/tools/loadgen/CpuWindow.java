package io.ringside.tools.loadgen;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;

/**
 * Measures {@link CpuUse} over a run's steady window: opened when every bot has joined or failed,
 * told the connected bots once a second (player-seconds are integrated between those marks), closed
 * at the end of sending. The server's CPU comes from a {@link ServerCpu} when one is given.
 *
 * <p>Controlling thread only.
 */
final class CpuWindow {
    private final ServerCpu server;
    private final OperatingSystemMXBean self =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private boolean open;
    private long startNanos;
    private long lastNanos;
    private int lastConnected;
    private double playerSeconds;
    private long serverStart = -1;
    private long selfStart;
    private String serverProblem;

    /** A window reading the server through {@code server}, or only this process when it is {@code null}. */
    CpuWindow(ServerCpu server) {
        this.server = server;
    }

    boolean isOpen() {
        return open;
    }

    /** Opens the window at {@code nowNanos} with {@code connected} bots. */
    void open(long nowNanos, int connected) {
        open = true;
        startNanos = nowNanos;
        lastNanos = nowNanos;
        lastConnected = connected;
        selfStart = self.getProcessCpuTime();
        serverStart = readServer();
    }

    /** Adds the player-seconds up to {@code nowNanos}, where {@code connected} bots are connected. */
    void mark(long nowNanos, int connected) {
        if (open) {
            playerSeconds += (nowNanos - lastNanos) / 1e9 * (lastConnected + connected) / 2.0;
            lastNanos = nowNanos;
            lastConnected = connected;
        }
    }

    /** Closes the window; {@code null} when it was never opened. */
    CpuUse close(long nowNanos, int connected) {
        if (!open) {
            return null;
        }
        mark(nowNanos, connected);
        long selfCpu = self.getProcessCpuTime() - selfStart;
        long serverEnd = serverStart >= 0 ? readServer() : -1;
        long serverCpu = serverStart >= 0 && serverEnd >= 0 ? serverEnd - serverStart : -1;
        String source = server == null ? "not measured (--server-pid or --server-metrics)"
                : serverProblem != null ? "unavailable: " + serverProblem : server.source();
        open = false;
        return new CpuUse((nowNanos - startNanos) / 1e9, playerSeconds, serverCpu, source, selfCpu);
    }

    private long readServer() {
        if (server == null) {
            return -1;
        }
        try {
            return server.cpuNanos();
        } catch (IOException e) {
            serverProblem = e.getMessage();
            return -1;
        }
    }
}
