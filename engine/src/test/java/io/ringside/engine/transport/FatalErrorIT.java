package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.websocket.CloseCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An {@link OutOfMemoryError} in any kind of server thread stops the server instead of leaving a
 * process that listens and serves nobody: each server runs in a JVM of its own
 * ({@link FatalServerMain}), and must exit with a non-zero status within 5 s of the injected error,
 * after sending close 1011 to a client that was connected.
 */
@Tag("slow")
@Timeout(60)
class FatalErrorIT {
    private static final long EXIT_WITHIN_MS = 5_000;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"io", "acceptor", "tick"})
    void shouldExitNonZeroWithin5sAndSend1011WhenAServerThreadRunsOutOfMemory(String kind) throws Exception {
        // given: a server in its own JVM and a bystander connected to it
        Process server = start(kind);
        try {
            int port = port(server);
            String path = kind.equals("tick") ? "/ws" : "/";
            CloseListener bystander = new CloseListener();
            WebSocket bystanderSocket = HTTP.newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + path), bystander).get(10, TimeUnit.SECONDS);

            // when: one thread of the kind runs out of memory
            long injectedNs = System.nanoTime();
            inject(kind, port, bystanderSocket);
            boolean exited = server.waitFor(EXIT_WITHIN_MS, TimeUnit.MILLISECONDS);
            long tookMs = (System.nanoTime() - injectedNs) / 1_000_000;

            // then
            assertThat(exited).as("exited within 5 s (took %d ms)", tookMs).isTrue();
            assertThat(server.exitValue()).isEqualTo(FatalErrorHandler.EXIT_STATUS);
            assertThat(bystander.code.get(5, TimeUnit.SECONDS)).isEqualTo(CloseCode.INTERNAL_ERROR);
        } finally {
            server.destroyForcibly().waitFor();
        }
    }

    private static void inject(String kind, int port, WebSocket bystander) throws Exception {
        switch (kind) {
            case "io" -> bystander.sendText("oom", true).get(5, TimeUnit.SECONDS);
            case "acceptor" -> {
                try (Socket second = new Socket()) {
                    second.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                }
            }
            case "tick" -> {
                send(bystander, ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder()
                        .setRoomType(FatalServerMain.ROOM_TYPE)).build());
                send(bystander, ClientEnvelope.newBuilder().setGame(GameMessage.newBuilder()
                        .setType(FatalServerMain.BOOM_TYPE).setPayload(ByteString.EMPTY)).build());
            }
            default -> throw new IllegalArgumentException(kind);
        }
    }

    private static void send(WebSocket socket, ClientEnvelope envelope) throws Exception {
        socket.sendBinary(ByteBuffer.wrap(envelope.toByteArray()), true).get(5, TimeUnit.SECONDS);
    }

    private static Process start(String kind) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        List<String> command = List.of(java, "-Xmx64m", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                FatalServerMain.class.getName(), kind);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static int port(Process server) throws IOException {
        BufferedReader out = new BufferedReader(
                new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII));
        String line = out.readLine();
        if (line == null || !line.startsWith("port ")) {
            throw new IOException("server said " + line);
        }
        return Integer.parseInt(line.substring(5));
    }

    /** Completes with the close code the server sent; reads everything before it. */
    private static final class CloseListener implements WebSocket.Listener {
        final CompletableFuture<Integer> code = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            code.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            code.completeExceptionally(error);
        }
    }
}
