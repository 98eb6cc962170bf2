package io.ringside.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cluster nodes in JVM processes of their own ({@link ClusterNodeMain}), for the multi-process tests:
 * each started on the test's class path, its output copied to the test's with the node's id in
 * front; {@link #close()} kills those still running.
 */
final class NodeProcesses implements AutoCloseable {
    private final String redisUri;
    private final long nodeTtlMs;
    private final List<Process> processes = new ArrayList<>();

    NodeProcesses(String redisUri, long nodeTtlMs) {
        this.redisUri = redisUri;
        this.nodeTtlMs = nodeTtlMs;
    }

    /** Starts node {@code id} on {@code port} and returns once it is registered (it printed READY). */
    Process start(int port, String id, long drainDeadlineMs) {
        try {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process process = new ProcessBuilder(java.toString(), "-Xmx128m", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), ClusterNodeMain.class.getName(),
                    Integer.toString(port), redisUri, id, Long.toString(nodeTtlMs), Long.toString(drainDeadlineMs))
                    .redirectErrorStream(true).start();
            synchronized (processes) {
                processes.add(process);
            }
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                System.out.println("[" + id + "] " + line);
            }
            if (line == null) {
                throw new IllegalStateException("node " + id + " exited before it was ready");
            }
            Thread copy = new Thread(() -> copy(out, id));
            copy.setDaemon(true);
            copy.start();
            return process;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a node's output until it ends, or until {@link #close()} kills the node and closes it. */
    private static void copy(BufferedReader out, String id) {
        try {
            out.lines().forEach(l -> System.out.println("[" + id + "] " + l));
        } catch (UncheckedIOException e) {
            // the process was killed: its output is closed, and there is nothing more to copy
        }
    }

    /** Kills every node still running (SIGKILL) and waits for it. */
    @Override
    public void close() {
        List<Process> all;
        synchronized (processes) {
            all = new ArrayList<>(processes);
            processes.clear();
        }
        try {
            for (Process process : all) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
