package io.ringside.cluster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A real Debian {@code redis-server} on a free loopback port with a temporary directory, for the
 * cluster tests; tests are skipped (not failed) only when the binary is not installed.
 */
final class RedisServer implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/redis-server");
    private static final long START_DEADLINE_MS = 10_000;

    private Process process;
    private final Path dir;
    private final int port;

    private RedisServer(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** Starts one and waits until it answers PING; skips the calling test if redis-server is missing. */
    static RedisServer start() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(BINARY), BINARY + " is not installed (apt-get install -y redis-server); "
                + "the cluster tests need a real Redis");
        int port = freePort();
        Path dir = Files.createTempDirectory("ringside-redis");
        RedisServer server = new RedisServer(launch(dir, port), dir, port);
        server.awaitPing();
        return server;
    }

    private static Process launch(Path dir, int port) throws IOException {
        return new ProcessBuilder(BINARY.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--dir", dir.toString(), "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log")
                        .toFile())).start();
    }

    /** Kills this redis-server (SIGKILL: its data is gone) and starts an empty one on the same port. */
    void restart() throws IOException, InterruptedException {
        process.destroyForcibly().waitFor();
        process = launch(dir, port);
        awaitPing();
    }

    private void awaitPing() throws IOException, InterruptedException {
        RedisServer server = this;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_DEADLINE_MS);
        while (true) {
            try (JedisPooled redis = server.client()) {
                redis.ping();
                return;
            } catch (JedisException e) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    server.close();
                    throw new IllegalStateException("redis-server did not answer on port " + port
                            + "; log: " + dir.resolve("redis.log"), e);
                }
                Thread.sleep(20);
            }
        }
    }

    /** A port on loopback that nothing listens on now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    JedisPooled client() {
        return new JedisPooled("127.0.0.1", port);
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
