package io.ringside.benchmarks.engine;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.internal.PlatformDependent;
import io.ringside.benchmarks.peers.netty.NettyEchoServer;
import io.ringside.engine.transport.EchoHandler;
import io.ringside.engine.transport.TlsConfig;
import io.ringside.engine.transport.WebSocketServer;
import io.ringside.protocol.websocket.DecoderConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;

/**
 * The server side of the end-to-end benchmarks, run in a JVM of its own by {@link ServerProcess} so
 * that its heap holds only server state and its GC never pauses the load client.
 *
 * <p>Arguments: {@code ringside|ringside-tls|netty|netty-tls ioThreads [handshakeTimeoutMs]}; the
 * optional third sets our server's handshake timeout (and lifts its cap on handshakes in progress)
 * for measuring stalled handshakes. Prints {@code port N} once listening, then answers lines on
 * stdin: {@code count} with {@code count N} (open sockets: upgraded connections and, for our
 * server, handshakes in progress; Netty counts every open channel),
 * {@code stats} with {@code stats connections heapUsedBytes directUsedBytes} measured after forced
 * GCs, {@code closes} with how our server's connections ended so far (close codes and refusals;
 * {@code n/a} for Netty). Stops when stdin ends, so it never outlives the benchmark that started it.
 */
public final class EchoServerMain {
    static final String RINGSIDE = "ringside";
    static final String NETTY = "netty";
    /** Ours with TLS (a self-signed EC P-256 certificate made by keytool at start), wss://. */
    static final String RINGSIDE_TLS = "ringside-tls";
    /** Netty with the JDK's {@code SSLEngine} in an {@code SslHandler}, the same certificate, TLS 1.3 and 1.2. */
    static final String NETTY_TLS = "netty-tls";
    /** Largest frame and message both servers accept: our default, 1 MiB. */
    static final int MAX_FRAME_BYTES = DecoderConfig.DEFAULT_MAX_MESSAGE_BYTES;
    private static final int MAX_CONNECTIONS = 100_000;
    private static final int GC_ROUNDS = 4;
    private static final String KEY_STORE_PASSWORD = "benchmark";
    private static final long TLS_HANDSHAKE_MS = 120_000;
    private static final long GC_PAUSE_MS = 200;
    private static final long HEARTBEAT_INTERVAL_MS = 600_000;

    private EchoServerMain() {
    }

    /** Starts the named server and serves stdin commands until stdin ends. */
    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int ioThreads = Integer.parseInt(args[1]);
        long handshakeTimeoutMs = args.length > 2 ? Long.parseLong(args[2]) : 0;
        AutoCloseable server;
        IntSupplier connections;
        Supplier<String> closes = () -> "n/a";
        int port;
        if (RINGSIDE.equals(kind) || RINGSIDE_TLS.equals(kind)) {
            // heartbeats far apart: Netty's echo server has none, and on a loaded box a client busy
            // with hundreds of TLS handshakes answers a ping late (closed 1001 after 10 s otherwise)
            WebSocketServer.Builder builder = WebSocketServer.builder().port(0).ioLoops(ioThreads)
                    .endpoint("/", new EchoHandler())
                    .maxConnections(MAX_CONNECTIONS)
                    .heartbeatIntervalMs(HEARTBEAT_INTERVAL_MS);
            if (RINGSIDE_TLS.equals(kind)) {
                Path store = selfSignedKeyStore();
                builder.tls(t -> t.keyStore(store, KEY_STORE_PASSWORD)).handshakeTimeoutMs(TLS_HANDSHAKE_MS);
            }
            if (handshakeTimeoutMs > 0) {
                builder.handshakeTimeoutMs(handshakeTimeoutMs).maxHandshakes(MAX_CONNECTIONS);
            }
            WebSocketServer ours = builder.build().start();
            server = ours;
            connections = () -> ours.connectionCount() + ours.handshakesInProgress();
            closes = () -> "closes=" + ours.metrics().closesByCode() + " refused=" + ours.metrics().refusedByReason();
            port = ours.port();
        } else if (NETTY.equals(kind) || NETTY_TLS.equals(kind)) {
            SslContext tls = NETTY_TLS.equals(kind) ? nettyTls(selfSignedKeyStore()) : null;
            NettyEchoServer netty = NettyEchoServer.start(0, ioThreads, MAX_FRAME_BYTES, tls);
            server = netty;
            connections = netty::connectionCount;
            port = netty.port();
        } else {
            throw new IllegalArgumentException("server=" + kind + " (ringside, ringside-tls, netty or netty-tls)");
        }
        try (server) {
            System.out.println("port " + port);
            System.out.flush();
            serve(connections, closes);
        }
    }

    /**
     * Netty's server context on the JDK provider, as our server is configured: the same kind of key,
     * TLS 1.3 and 1.2, ALPN http/1.1, and our server's cipher suites in its order of preference
     * ({@link TlsConfig#DEFAULT_CIPHER_SUITES}, AES-128-GCM first), so both negotiate the same suite.
     */
    private static SslContext nettyTls(Path store) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, KEY_STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, KEY_STORE_PASSWORD.toCharArray());
        return SslContextBuilder.forServer(factory).sslProvider(SslProvider.JDK)
                .protocols("TLSv1.3", "TLSv1.2").ciphers(TlsConfig.DEFAULT_CIPHER_SUITES)
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, "http/1.1"))
                .build();
    }

    /** A throwaway PKCS#12 keystore for {@code localhost}, made with the JDK's keytool. */
    private static Path selfSignedKeyStore() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("ringside-bench-tls");
        Path store = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", KEY_STORE_PASSWORD, "-keypass", KEY_STORE_PASSWORD))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IOException("keytool failed");
        }
        store.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return store;
    }

    private static void serve(IntSupplier connections, Supplier<String> closes)
            throws IOException, InterruptedException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if ("count".equals(line)) {
                System.out.println("count " + connections.getAsInt());
            } else if ("closes".equals(line)) {
                System.out.println("closes " + closes.get().replace(' ', '_'));
            } else if ("stats".equals(line)) {
                for (int i = 0; i < GC_ROUNDS; i++) {
                    System.gc();
                    Thread.sleep(GC_PAUSE_MS);
                }
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                System.out.println("stats " + connections.getAsInt() + " " + heap + " " + directBytes());
            } else {
                System.out.println("error unknown command " + line);
            }
            System.out.flush();
        }
    }

    /** NIO direct buffers plus Netty's own direct memory when it tracks it (it bypasses the JDK counter). */
    private static long directBytes() {
        long jdk = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if ("direct".equals(pool.getName())) {
                jdk = pool.getMemoryUsed();
            }
        }
        return jdk + Math.max(0, PlatformDependent.usedDirectMemory());
    }
}
