package io.ringside.engine.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.List;
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
    /**
     * A server session timeout past RFC 8446's 7-day limit on a ticket's lifetime: the JDK then issues
     * no session tickets (TLS 1.3 and 1.2), which turns session resumption off.
     */
    private static final int NO_TICKETS_TIMEOUT_S = 7 * 24 * 3600 + 1;

    final TlsConfig config;
    private final String[] protocols;
    private final String[] cipherSuites;
    private volatile Loaded context;
    private long stamp;
    private long nextCheckMs;

    /** Loads the key material now: a bad file fails here, naming it. */
    ServerTls(TlsConfig config) {
        this.config = config;
        this.protocols = config.protocols().toArray(new String[0]);
        this.cipherSuites = config.cipherSuites().toArray(new String[0]);
        try {
            this.stamp = fileStamp();
            this.context = new Loaded(load(), protocols, cipherSuites);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("tls: cannot load " + describe() + ": " + e.getMessage(), e);
        }
        Set<String> supported = Set.of(context.context.getSupportedSSLParameters().getCipherSuites());
        List<String> unknown = config.cipherSuites().stream().filter(c -> !supported.contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("tls.cipherSuites=" + config.cipherSuites()
                    + " (not supported by this JDK: " + unknown + ")");
        }
    }

    /**
     * A server-mode engine of the current context: TLS versions as configured, ALPN http/1.1. Any thread.
     *
     * <p>The parameters name only what differs from the context's server defaults: an engine keeps a
     * list of its own for every cipher suite or protocol list it is given (about 300 B per connection
     * for the lists {@code getSSLParameters()} would copy back), and shares the context's otherwise. The
     * configured cipher suites differ from the JDK's default order, so each engine keeps that list (about
     * 100 B), which the smaller keys of the AES-128 suites preferred by default more than repay.
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
        if (!current.defaultCipherSuites) {
            parameters.setCipherSuites(cipherSuites);
        }
        parameters.setApplicationProtocols(ALPN);
        engine.setSSLParameters(parameters);
        return engine;
    }

    /** A context and whether its server engines enable exactly the configured protocols and suites by default. */
    private static final class Loaded {
        final SSLContext context;
        final boolean defaultProtocols;
        final boolean defaultCipherSuites;

        Loaded(SSLContext context, String[] protocols, String[] cipherSuites) {
            this.context = context;
            SSLEngine probe = context.createSSLEngine();
            probe.setUseClientMode(false);
            this.defaultProtocols = Set.of(probe.getEnabledProtocols()).equals(Set.of(protocols));
            this.defaultCipherSuites = Arrays.equals(probe.getEnabledCipherSuites(), cipherSuites);
        }
    }

    /** Reloads the key files now; throws (keeping the old certificate) when they do not load. Any thread. */
    synchronized void reload() throws IOException, GeneralSecurityException {
        long newStamp = fileStamp();
        context = new Loaded(load(), protocols, cipherSuites);
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
        if (!config.sessionResumption()) {
            made.getServerSessionContext().setSessionTimeout(NO_TICKETS_TIMEOUT_S);
            made.getServerSessionContext().setSessionCacheSize(1);
        }
        return made;
    }
}
