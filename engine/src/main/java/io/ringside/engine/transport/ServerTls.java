package io.ringside.engine.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's live TLS state: the {@link SSLContext} made from the configured key files, replaced
 * when they change (checked at most every {@link TlsConfig#reloadCheckMs()}, on the acceptor thread,
 * or on demand), and the engines made from it for new connections. A reload affects only
 * connections accepted afterwards; one that fails keeps the old certificate and is logged.
 */
final class ServerTls {
    private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);
    private static final String[] ALPN = {"http/1.1"};
    private static final char[] IN_MEMORY_PASSWORD = new char[0];

    final TlsConfig config;
    private final String[] protocols;
    private volatile Loaded context;
    private long stamp;
    private long nextCheckMs;

    /** Loads the key material now: a bad file fails here, naming it. */
    ServerTls(TlsConfig config) {
        this.config = config;
        this.protocols = config.protocols().toArray(new String[0]);
        try {
            this.stamp = fileStamp();
            this.context = new Loaded(load(), protocols);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("tls: cannot load " + describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A server-mode engine of the current context: TLS versions as configured, ALPN http/1.1. Any thread.
     *
     * <p>The parameters name only what differs from the context's server defaults: an engine keeps a
     * list of its own for every cipher suite or protocol list it is given (about 300 B per connection
     * for the lists {@code getSSLParameters()} would copy back), and shares the context's otherwise.
     */
    SSLEngine newEngine() {
        Loaded current = context;
        SSLEngine engine = current.context.createSSLEngine();
        engine.setUseClientMode(false);
        SSLParameters parameters = new SSLParameters();
        parameters.setUseCipherSuitesOrder(true);
        if (!current.defaultProtocols) {
            parameters.setProtocols(protocols);
        }
        parameters.setApplicationProtocols(ALPN);
        engine.setSSLParameters(parameters);
        return engine;
    }

    /** A context and whether its server engines enable exactly the configured protocols by default. */
    private static final class Loaded {
        final SSLContext context;
        final boolean defaultProtocols;

        Loaded(SSLContext context, String[] protocols) {
            this.context = context;
            SSLEngine probe = context.createSSLEngine();
            probe.setUseClientMode(false);
            this.defaultProtocols = Set.of(probe.getEnabledProtocols()).equals(Set.of(protocols));
        }
    }

    /** Reloads the key files now; throws (keeping the old certificate) when they do not load. Any thread. */
    synchronized void reload() throws IOException, GeneralSecurityException {
        long newStamp = fileStamp();
        context = new Loaded(load(), protocols);
        stamp = newStamp;
        LOG.info("TLS certificate reloaded from {}", describe());
    }

    /** Reloads when the files changed since the last load, at most once per check interval. Acceptor thread. */
    void reloadIfChanged(long nowMs) {
        if (config.reloadCheckMs() == 0 || nowMs < nextCheckMs) {
            return;
        }
        nextCheckMs = nowMs + config.reloadCheckMs();
        try {
            if (fileStamp() != stamp) {
                reload();
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.warn("TLS certificate reload from {} failed, keeping the old one: {}", describe(), e.toString());
        }
    }

    private long fileStamp() throws IOException {
        long value = 17;
        for (Path file : files()) {
            value = 31 * value + Files.getLastModifiedTime(file).toMillis();
            value = 31 * value + Files.size(file);
        }
        return value;
    }

    private Path[] files() {
        return config.keyStore() != null ? new Path[] {config.keyStore()}
                : new Path[] {config.certificateChain(), config.privateKey()};
    }

    private String describe() {
        return config.keyStore() != null ? "keyStore=" + config.keyStore()
                : "certificateChain=" + config.certificateChain() + ", privateKey=" + config.privateKey();
    }

    private SSLContext load() throws IOException, GeneralSecurityException {
        KeyStore store;
        char[] password;
        if (config.keyStore() != null) {
            password = config.keyStorePassword().toCharArray();
            store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(config.keyStore())) {
                store.load(in, password);
            }
        } else {
            password = IN_MEMORY_PASSWORD;
            Certificate[] chain = PemFiles.certificates(config.certificateChain());
            PrivateKey key = PemFiles.privateKey(config.privateKey(), chain[0]);
            store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, password, chain);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext made = SSLContext.getInstance("TLS");
        made.init(keys.getKeyManagers(), null, null);
        return made;
    }
}
