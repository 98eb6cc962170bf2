package io.ringside.benchmarks.engine;

import io.ringside.engine.transport.TlsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.ref.Reference;
import java.lang.ref.SoftReference;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLParameters;

/**
 * What one idle server {@link SSLEngine} keeps on the heap after a handshake, measured by walking
 * object graphs with {@link Instrumentation#getObjectSize}: the graph reachable from the server's
 * {@link SSLContext} and one warmed-up engine, then the same with {@code n} more engines, each after a
 * full handshake with its own client and one record of application data each way (so TLS 1.3 session
 * tickets have been sent); the difference divided by {@code n} is what one more connection's engine
 * costs, including what the context's session cache keeps for it. Classes are not walked (their
 * statics are shared), nor class loaders, threads or weak references; soft references are (the JDK's
 * session cache holds sessions softly).
 *
 * <p>Run it as its own agent, with a server configuration given as {@code key=value} arguments:
 * <pre>{@code
 * java -javaagent:benchmarks/target/benchmarks.jar -cp benchmarks/target/benchmarks.jar \
 *   io.ringside.benchmarks.engine.TlsEngineFootprint protocol=TLSv1.3 suite=TLS_AES_128_GCM_SHA256
 * }</pre>
 * The server engine is set up as the Ringside server sets up its own (ALPN {@code http/1.1}, its
 * cipher-suite order, session resumption off) unless told otherwise. Keys: {@code provider}
 * ({@code jdk}, or {@code bc} / {@code bc-bcprov} for Bouncy Castle's JSSE on JCA or on its own crypto,
 * whose jars must be on the class path), {@code protocol} (the one the client offers), {@code suite}
 * ({@code ringside}: {@link TlsConfig#DEFAULT_CIPHER_SUITES}; {@code jdk}: the context's default;
 * or suites separated by commas, most preferred first), {@code resumption} ({@code true}: the JDK's
 * session tickets and cache), {@code n} (engines, default 50), {@code top} (classes listed).
 * The JDK's own switches ({@code -Djdk.tls.server.enableSessionTicketExtension=false} and the like)
 * go on the java command line.
 */
public final class TlsEngineFootprint {
    private static final String PASSWORD = "footprint";
    private static final int HANDSHAKE_ROUNDS = 64;
    private static final int NO_TICKETS_TIMEOUT_S = 7 * 24 * 3600 + 1;
    private static volatile Instrumentation instrumentation;

    private TlsEngineFootprint() {
    }

    /** Agent entry: keeps the instrumentation and opens every boot-layer package to this class's module. */
    public static void premain(String args, Instrumentation inst) {
        instrumentation = inst;
        Module self = TlsEngineFootprint.class.getModule();
        for (Module module : ModuleLayer.boot().modules()) {
            Map<String, Set<Module>> opens = new HashMap<>();
            for (String p : module.getPackages()) {
                opens.put(p, Set.of(self));
            }
            inst.redefineModule(module, Set.of(), Map.of(), opens, Set.of(), Map.of());
        }
    }

    /** Prints the bytes per engine and the classes that make them up. */
    public static void main(String[] args) throws Exception {
        if (instrumentation == null) {
            throw new IllegalStateException("run with -javaagent:benchmarks.jar (see the class comment)");
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("provider", "jdk");
        options.put("protocol", "TLSv1.3");
        options.put("suite", "ringside");
        options.put("resumption", "false");
        options.put("n", "50");
        options.put("top", "25");
        options.put("depth", "3");
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0 || !options.containsKey(arg.substring(0, eq))) {
                throw new IllegalArgumentException(arg + " (keys: " + options.keySet() + ")");
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        int n = Integer.parseInt(options.get("n"));
        SSLContext server = serverContext(options.get("provider"));
        if (!Boolean.parseBoolean(options.get("resumption"))) {
            // as the server does with TlsConfig.sessionResumption() off
            server.getServerSessionContext().setSessionTimeout(NO_TICKETS_TIMEOUT_S);
            server.getServerSessionContext().setSessionCacheSize(1);
        }
        SSLContext client = TrustAnything.context();

        List<Object> engines = new ArrayList<>();
        String negotiated = "";
        engines.add(connect(server, client, options));
        Graph before = Graph.of(List.of(server, engines.get(0)));
        for (int i = 0; i < n; i++) {
            SSLEngine engine = connect(server, client, options);
            negotiated = engine.getSession().getProtocol() + " " + engine.getSession().getCipherSuite()
                    + " alpn=" + engine.getApplicationProtocol();
            engines.add(engine);
        }
        List<Object> roots = new ArrayList<>(engines);
        roots.add(server);
        Graph after = Graph.of(roots);
        System.out.printf("java %s, provider %s (%s), %s, options %s%n", Runtime.version(),
                server.getProvider().getName(), server.getProvider().getVersionStr(), negotiated, options);
        System.out.printf("bytes per engine: %,d (%d engines: %,d -> %,d B)%n",
                (after.bytes - before.bytes) / n, n, before.bytes, after.bytes);
        Map<String, long[]> delta = new HashMap<>();
        after.classes.forEach((k, v) -> delta.put(k, new long[] {v[0], v[1]}));
        before.classes.forEach((k, v) -> delta.computeIfAbsent(k, x -> new long[2])[0] -= v[0]);
        before.classes.forEach((k, v) -> delta.get(k)[1] -= v[1]);
        delta.entrySet().stream().filter(e -> e.getValue()[1] != 0)
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(Integer.parseInt(options.get("top")))
                .forEach(e -> System.out.printf("%8.1f B %6.1f objects  %s%n",
                        (double) e.getValue()[1] / n, (double) e.getValue()[0] / n, e.getKey()));
        System.out.println("by where the last engine holds it (first path from the engine, new objects only):");
        before.paths(engines.get(engines.size() - 1), Integer.parseInt(options.get("depth")))
                .entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> System.out.printf("%8d B  %s%n", e.getValue(), e.getKey()));
    }

    private static SSLContext serverContext(String provider) throws Exception {
        Provider jsse = switch (provider) {
            case "jdk" -> null;
            case "bc" -> {
                // Bouncy Castle's JSSE on the JDK's ciphers; it wants a "DEFAULT" SecureRandom, which
                // only Bouncy Castle's provider has: add it last, so the JDK's come first
                Security.addProvider((Provider) Class.forName("org.bouncycastle.jce.provider.BouncyCastleProvider")
                        .getConstructor().newInstance());
                yield (Provider) Class.forName("org.bouncycastle.jsse.provider.BouncyCastleJsseProvider")
                        .getConstructor().newInstance();
            }
            case "bc-bcprov" -> (Provider) Class.forName("org.bouncycastle.jsse.provider.BouncyCastleJsseProvider")
                    .getConstructor(Provider.class).newInstance((Provider) Class.forName(
                            "org.bouncycastle.jce.provider.BouncyCastleProvider").getConstructor().newInstance());
            default -> throw new IllegalArgumentException("provider=" + provider + " (jdk, bc, bc-bcprov)");
        };
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(selfSigned())) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = jsse == null ? KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm())
                : KeyManagerFactory.getInstance("PKIX", jsse);
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = jsse == null ? SSLContext.getInstance("TLS") : SSLContext.getInstance("TLS", jsse);
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** A server engine configured as the Ringside server does, after a handshake and a record each way. */
    private static SSLEngine connect(SSLContext serverContext, SSLContext clientContext, Map<String, String> options)
            throws Exception {
        SSLEngine server = serverContext.createSSLEngine();
        server.setUseClientMode(false);
        SSLParameters parameters = new SSLParameters();
        parameters.setUseCipherSuitesOrder(true);
        switch (options.get("suite")) {
            case "jdk" -> { }
            case "ringside" -> parameters.setCipherSuites(TlsConfig.DEFAULT_CIPHER_SUITES.toArray(new String[0]));
            default -> parameters.setCipherSuites(options.get("suite").split(","));
        }
        parameters.setApplicationProtocols(new String[] {"http/1.1"});
        server.setSSLParameters(parameters);
        SSLEngine client = clientContext.createSSLEngine();
        client.setUseClientMode(true);
        SSLParameters clientParameters = client.getSSLParameters();
        clientParameters.setProtocols(new String[] {options.get("protocol")});
        clientParameters.setApplicationProtocols(new String[] {"http/1.1"});
        client.setSSLParameters(clientParameters);
        int packet = Math.max(server.getSession().getPacketBufferSize(), client.getSession().getPacketBufferSize());
        ByteBuffer toServer = ByteBuffer.allocate(8 * packet);
        ByteBuffer toClient = ByteBuffer.allocate(8 * packet);
        ByteBuffer serverIn = ByteBuffer.allocate(8 * packet);
        ByteBuffer clientIn = ByteBuffer.allocate(8 * packet);
        client.beginHandshake();
        server.beginHandshake();
        boolean sentData = false;
        for (int round = 0; round < HANDSHAKE_ROUNDS; round++) {
            boolean done = idle(client) && idle(server);
            ByteBuffer data = ByteBuffer.wrap((done && !sentData ? "ping" : "").getBytes(StandardCharsets.US_ASCII));
            sentData |= data.hasRemaining();
            step(client, ByteBuffer.wrap(data.array()), toServer, toClient, clientIn);
            step(server, data, toClient, toServer, serverIn);
        }
        if (!idle(server) || !sentData || serverIn.position() == 0 || clientIn.position() == 0) {
            throw new IllegalStateException("handshake did not finish: server " + server.getHandshakeStatus()
                    + ", client " + client.getHandshakeStatus());
        }
        return server;
    }

    private static boolean idle(SSLEngine engine) {
        return engine.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING
                && !engine.getSession().getCipherSuite().startsWith("SSL_NULL");
    }

    /** One engine's turn: wrap what it has into {@code out}, unwrap what waits in {@code in}. */
    private static void step(SSLEngine engine, ByteBuffer data, ByteBuffer out, ByteBuffer in, ByteBuffer app)
            throws Exception {
        for (int i = 0; i < 8; i++) {
            SSLEngineResult wrapped = engine.wrap(data, out);
            runTasks(engine);
            if (wrapped.bytesProduced() == 0) {
                break;
            }
        }
        in.flip();
        for (int i = 0; i < 8 && in.hasRemaining(); i++) {
            SSLEngineResult unwrapped = engine.unwrap(in, app);
            runTasks(engine);
            if (unwrapped.getStatus() != SSLEngineResult.Status.OK) {
                break;
            }
        }
        in.compact();
    }

    private static void runTasks(SSLEngine engine) {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    private static Path selfSigned() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("ringside-footprint");
        Path store = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD))
                .inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException("keytool failed");
        }
        store.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return store;
    }

    /** Everything reachable from some roots: its bytes and a histogram by class. */
    private static final class Graph {
        private static final Map<Class<?>, Field[]> FIELDS = new HashMap<>();
        private static final Field REFERENT;

        static {
            try {
                REFERENT = Reference.class.getDeclaredField("referent");
                REFERENT.setAccessible(true);
            } catch (NoSuchFieldException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        long bytes;
        final Map<String, long[]> classes = new HashMap<>();
        IdentityHashMap<Object, Boolean> seen;

        /** Bytes reachable from {@code root} and not from this graph, by the first field path of depth. */
        Map<String, Long> paths(Object root, int depth) throws IllegalAccessException {
            Map<String, Long> bytesByPath = new HashMap<>();
            IdentityHashMap<Object, Boolean> visited = new IdentityHashMap<>();
            ArrayDeque<Object[]> todo = new ArrayDeque<>();
            todo.add(new Object[] {root, root.getClass().getSimpleName()});
            while (!todo.isEmpty()) {
                Object[] item = todo.poll();
                Object o = item[0];
                String path = (String) item[1];
                if (seen.containsKey(o) || visited.put(o, Boolean.TRUE) != null || skipped(o)) {
                    continue;
                }
                bytesByPath.merge(path, instrumentation.getObjectSize(o), Long::sum);
                boolean deeper = path.chars().filter(c -> c == '.').count() < depth;
                Class<?> type = o.getClass();
                if (type.isArray()) {
                    if (!type.getComponentType().isPrimitive()) {
                        for (int i = 0, n = Array.getLength(o); i < n; i++) {
                            Object e = Array.get(o, i);
                            if (e != null) {
                                todo.add(new Object[] {e, path});
                            }
                        }
                    }
                    continue;
                }
                if (o instanceof SoftReference && REFERENT.get(o) != null) {
                    todo.add(new Object[] {REFERENT.get(o), path});
                }
                for (Field field : fields(type)) {
                    Object e = field.get(o);
                    if (e != null) {
                        todo.add(new Object[] {e, deeper ? path + "." + field.getName() : path});
                    }
                }
            }
            return bytesByPath;
        }

        static Graph of(List<Object> roots) throws IllegalAccessException {
            System.gc();
            Graph graph = new Graph();
            IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
            graph.seen = seen;
            ArrayDeque<Object> todo = new ArrayDeque<>(roots);
            while (!todo.isEmpty()) {
                Object o = todo.pop();
                if (seen.put(o, Boolean.TRUE) != null || skipped(o)) {
                    continue;
                }
                long size = instrumentation.getObjectSize(o);
                graph.bytes += size;
                long[] entry = graph.classes.computeIfAbsent(o.getClass().getName(), k -> new long[2]);
                entry[0]++;
                entry[1] += size;
                Class<?> type = o.getClass();
                if (type.isArray()) {
                    if (!type.getComponentType().isPrimitive()) {
                        for (int i = 0, n = Array.getLength(o); i < n; i++) {
                            push(todo, Array.get(o, i));
                        }
                    }
                    continue;
                }
                if (o instanceof Reference) {
                    if (o instanceof SoftReference) {
                        push(todo, REFERENT.get(o));
                    }
                }
                for (Field field : fields(type)) {
                    push(todo, field.get(o));
                }
            }
            return graph;
        }

        private static void push(ArrayDeque<Object> todo, Object o) {
            if (o != null) {
                todo.push(o);
            }
        }

        private static boolean skipped(Object o) {
            return o instanceof Class || o instanceof ClassLoader || o instanceof Thread || o instanceof Module
                    || o instanceof ThreadGroup;
        }

        private static Field[] fields(Class<?> type) {
            Field[] known = FIELDS.get(type);
            if (known != null) {
                return known;
            }
            List<Field> list = new ArrayList<>();
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()
                            && !(c == Reference.class && "referent".equals(f.getName()))) {
                        f.setAccessible(true);
                        list.add(f);
                    }
                }
            }
            known = list.toArray(new Field[0]);
            FIELDS.put(type, known);
            return known;
        }
    }
}
