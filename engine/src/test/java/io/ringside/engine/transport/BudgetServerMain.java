package io.ringside.engine.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * An echo server for {@link MemoryBudgetIT} with the echo example's 16 MiB message limit, a 16 KiB
 * send buffer and the default limits otherwise, run in a JVM of its own with a small heap. Prints
 * {@code port N}; then answers {@code stats} on stdin with {@code stats <connections> <shed> <budget used> <budget>};
 * ends when stdin closes.
 */
public final class BudgetServerMain {
    static final int MAX_MESSAGE_BYTES = 16 << 20;
    /**
     * A fixed {@code SO_SNDBUF}, as the game endpoint sets: left to auto-tuning, the kernel may take
     * up to {@code tcp_wmem}'s maximum (4 MiB or more) of each echo off the heap, and whether a
     * never-reading client's backlog reaches the budget would depend on the machine.
     */
    static final int SEND_BUFFER_BYTES = 16 * 1024;

    private BudgetServerMain() {
    }

    public static void main(String[] args) throws IOException {
        WebSocketServer server = WebSocketServer.builder().port(0).ioLoops(2)
                .decoder(d -> d.maxFramePayloadBytes(MAX_MESSAGE_BYTES).maxMessageBytes(MAX_MESSAGE_BYTES))
                .endpoint(EndpointConfig.builder().path("/").sendBufferBytes(SEND_BUFFER_BYTES).build(),
                        new EchoHandler())
                .build().start();
        System.out.println("port " + server.port());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals("stats")) {
                System.out.println("stats " + server.connectionCount() + " " + server.shedConnections() + " "
                        + server.memoryBudgetUsedBytes() + " " + server.memoryBudgetBytes());
                System.out.flush();
            }
        }
        server.close();
    }
}
