package io.ringside.engine.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A test server in a JVM of its own (a 256 MiB heap, so a test can exhaust it without harming the
 * build): its main prints {@code port N} once listening and answers one-line commands on stdin with
 * one line on stdout.
 */
final class ForkedServer {
    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final int port;

    private ForkedServer(Process process) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        String line = out.readLine();
        if (line == null || !line.startsWith("port ")) {
            throw new IOException("server said " + line);
        }
        this.port = Integer.parseInt(line.substring(5));
    }

    /** Starts {@code main} with {@code gc} (e.g. {@code -XX:+UseSerialGC}) and waits for its port. */
    static ForkedServer start(Class<?> main, String gc) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        List<String> command = List.of(java, "-Xmx256m", gc, "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                main.getName());
        return new ForkedServer(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends {@code command} and returns the server's answer, which must start with {@code answer}. */
    String ask(String command, String answer) throws IOException {
        in.write(command + "\n");
        in.flush();
        String line = out.readLine();
        if (line == null || !line.startsWith(answer)) {
            throw new IOException("server said " + line);
        }
        return line;
    }

    /** Kills the server and waits for it to be gone. */
    void stop() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }
}
