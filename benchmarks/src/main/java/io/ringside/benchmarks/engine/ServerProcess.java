package io.ringside.benchmarks.engine;

import io.ringside.engine.client.ConnectConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An echo server ({@link EchoServerMain}) in a child JVM on this machine, driven over its stdin and
 * stdout. Each benchmark trial starts one and closes it in its teardown; closing stdin stops it.
 */
final class ServerProcess implements AutoCloseable {
    /** I/O threads of both servers: one per core of the 2-core benchmark box. */
    static final int IO_THREADS = 2;
    private static final String HEAP = "-Xms1g";
    private static final String MAX_HEAP = "-Xmx1g";
    private static final String QUIET_LOG = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn";
    private static final long STOP_WAIT_SECONDS = 15;
    private static final long HANDSHAKE_MS = 120_000;

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final int port;
    private final boolean tls;

    private ServerProcess(Process process, boolean tls) throws IOException {
        this.process = process;
        this.tls = tls;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        this.port = Integer.parseInt(expect("port")[1]);
    }

    /** Starts {@code kind} ("ringside" or "netty") in a new JVM with the same java and classpath as this one. */
    static ServerProcess start(String kind) {
        return start(kind, 0);
    }

    /**
     * {@link #start(String)} with our server's handshake timeout set to {@code handshakeTimeoutMs} (and
     * no cap on handshakes in progress) unless 0, so that stalled handshakes stay for a measurement.
     */
    static ServerProcess start(String kind, long handshakeTimeoutMs) {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + "/bin/java");
        List<String> command = new ArrayList<>(List.of(java, HEAP, MAX_HEAP, "-XX:+UseG1GC", QUIET_LOG));
        // the JDK's TLS switches given to the benchmark (-jvmArgsAppend -Djdk.tls...) reach the server too
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("jdk.tls.")).sorted()
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                EchoServerMain.class.getName(), kind, Integer.toString(IO_THREADS), Long.toString(handshakeTimeoutMs)));
        Process process = null;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new ServerProcess(process, kind.endsWith("-tls"));
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                process.destroyForcibly();
            }
            throw new IllegalStateException("cannot start the " + kind + " echo server", e);
        }
    }

    /** The echo endpoint, {@code ws://127.0.0.1:port/} ({@code wss://} for a TLS server). */
    URI uri() {
        return URI.create((tls ? "wss" : "ws") + "://127.0.0.1:" + port + "/");
    }

    /**
     * What a client needs to connect: for a TLS server, a context that trusts any certificate and skips
     * the host name check (the server's is self-signed; benchmark only, never for real traffic).
     */
    ConnectConfig connectConfig() {
        // on a loaded box 256 handshakes in flight can take long, TLS ones (far more CPU) all the more
        ConnectConfig.Builder config = ConnectConfig.builder().handshakeTimeoutMs(HANDSHAKE_MS);
        return (tls ? config.sslContext(TrustAnything.context()) : config).build();
    }

    /** Whether the server speaks TLS (wss://). */
    boolean tls() {
        return tls;
    }

    int port() {
        return port;
    }

    /** Sockets open in the server right now: upgraded connections and (ours) handshakes in progress. */
    int connectionCount() {
        return Integer.parseInt(ask("count")[1]);
    }

    /** How the server's connections ended so far (close codes and refusals), for a failure message. */
    String closes() {
        return ask("closes")[1];
    }

    /** Open connections, used heap and used direct memory (bytes) after the server forced GCs. */
    long[] statsAfterGc() {
        String[] words = ask("stats");
        return new long[] {Long.parseLong(words[1]), Long.parseLong(words[2]), Long.parseLong(words[3])};
    }

    /** Polls until the server holds {@code expected} connections; fails after {@code timeoutMs}. */
    void awaitConnectionCount(int expected, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        int count = connectionCount();
        while (count != expected) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("server holds " + count + " connections, expected " + expected);
            }
            Thread.sleep(20);
            count = connectionCount();
        }
    }

    private String[] ask(String command) {
        try {
            in.write(command + "\n");
            in.flush();
            return expect(command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String[] expect(String word) throws IOException {
        String line = out.readLine();
        if (line == null || !line.startsWith(word + " ")) {
            throw new IOException("echo server said " + line + ", expected " + word);
        }
        return line.split(" ");
    }

    /** Closes the server's stdin and waits for it to stop; kills it if it does not. */
    @Override
    public void close() {
        try {
            in.close();
            if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
