package io.ringside.engine.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * An echo server for {@link MemoryBudgetIT} with the echo example's 16 MiB message limit and the
 * default limits otherwise, run in a JVM of its own with a small heap. Prints {@code port N}; then
 * answers {@code stats} on stdin with {@code stats <connections> <shed> <budget used> <budget>};
 * ends when stdin closes.
 */
public final class BudgetServerMain {
    static final int MAX_MESSAGE_BYTES = 16 << 20;

    private BudgetServerMain() {
    }

    public static void main(String[] args) throws IOException {
        WebSocketServer server = WebSocketServer.builder().port(0).ioLoops(2)
                .decoder(d -> d.maxFramePayloadBytes(MAX_MESSAGE_BYTES).maxMessageBytes(MAX_MESSAGE_BYTES))
                .endpoint("/", new EchoHandler()).build().start();
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
