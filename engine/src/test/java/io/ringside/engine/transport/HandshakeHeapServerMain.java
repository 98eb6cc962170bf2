package io.ringside.engine.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;

/**
 * An echo server for {@link StalledHandshakeHeapIT}, run in a JVM of its own. Prints
 * {@code port N}; then answers {@code heap} on stdin with
 * {@code heap <handshakes in progress> <heap bytes used after a full GC>}; ends when stdin closes.
 */
public final class HandshakeHeapServerMain {
    private static final int GC_ROUNDS = 3;

    private HandshakeHeapServerMain() {
    }

    public static void main(String[] args) throws IOException {
        WebSocketServer server = WebSocketServer.builder().port(0).ioLoops(2).heartbeatIntervalMs(0)
                .handshakeTimeoutMs(600_000).maxHandshakes(100_000).endpoint("/", new EchoHandler()).build().start();
        System.out.println("port " + server.port());
        System.out.flush();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals("heap")) {
                for (int i = 0; i < GC_ROUNDS; i++) {
                    memory.gc();
                }
                System.out.println("heap " + server.handshakesInProgress() + " "
                        + memory.getHeapMemoryUsage().getUsed());
                System.out.flush();
            }
        }
        server.close();
    }
}
