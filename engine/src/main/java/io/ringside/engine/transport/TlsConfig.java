package io.ringside.engine.transport;

import java.nio.file.Path;
import java.util.List;

/**
 * The server's TLS settings (wss:// and https://): where its certificate and key are, which port
 * speaks TLS, which protocol versions are allowed, and how often the files are checked for a new
 * certificate. Build with {@link WebSocketServer.Builder#tls}.
 *
 * <p>The key material is either a PKCS#12 keystore ({@link Builder#keyStore}) or a PEM certificate
 * chain and an unencrypted PKCS#8 (or PKCS#1 RSA) PEM private key ({@link Builder#certificateChain},
 * {@link Builder#privateKey}), as {@code openssl req -x509 -newkey ... -nodes} writes them.
 */
public final class TlsConfig {
    /** Default {@link #protocols()}: TLS 1.3 and 1.2. */
    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /**
     * Default {@link #cipherSuites()}: AES-GCM and ChaCha20-Poly1305 with forward secrecy, the TLS 1.3
     * suites and then the TLS 1.2 ones, AES-128 first: an idle connection's engine keeps the expanded
     * keys of its cipher, and AES-128's are 328 B smaller than AES-256's (ChaCha20's 1.7 KB larger).
     */
    public static final List<String> DEFAULT_CIPHER_SUITES = List.of("TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    /** Default {@link #reloadCheckMs()}: 60 s. */
    public static final long DEFAULT_RELOAD_CHECK_MS = 60_000;
    /** Port value meaning "no separate port: the server's own port speaks TLS". */
    public static final int SAME_PORT = -1;
    private static final int MAX_PORT = 65_535;

    private final Path keyStore;
    private final String keyStorePassword;
    private final Path certificateChain;
    private final Path privateKey;
    private final int port;
    private final List<String> protocols;
    private final List<String> cipherSuites;
    private final boolean sessionResumption;
    private final long reloadCheckMs;

    private TlsConfig(Builder b) {
        this.keyStore = b.keyStore;
        this.keyStorePassword = b.keyStorePassword;
        this.certificateChain = b.certificateChain;
        this.privateKey = b.privateKey;
        this.port = b.port;
        this.protocols = List.copyOf(b.protocols);
        this.cipherSuites = List.copyOf(b.cipherSuites);
        this.sessionResumption = b.sessionResumption;
        this.reloadCheckMs = b.reloadCheckMs;
    }

    /** The PKCS#12 keystore, or {@code null} when PEM files are used. */
    public Path keyStore() {
        return keyStore;
    }

    /** The PEM certificate chain (server certificate first), or {@code null} with a keystore. */
    public Path certificateChain() {
        return certificateChain;
    }

    /** The PEM private key, or {@code null} with a keystore. */
    public Path privateKey() {
        return privateKey;
    }

    String keyStorePassword() {
        return keyStorePassword;
    }

    /** The TLS listener's port, or {@link #SAME_PORT}: then the server's one port speaks TLS only. */
    public int port() {
        return port;
    }

    /** The TLS versions offered, e.g. {@code [TLSv1.3, TLSv1.2]}. */
    public List<String> protocols() {
        return protocols;
    }

    /** The cipher suites enabled, in the server's order of preference (the server picks, not the client). */
    public List<String> cipherSuites() {
        return cipherSuites;
    }

    /**
     * Whether clients may resume a session (TLS 1.3 session tickets, TLS 1.2 tickets and session ids).
     * Off by default: a resumed session costs the server more heap than a full handshake's, and issuing
     * the ticket costs every connection more on JDK 17 (see {@link Builder#sessionResumption}).
     */
    public boolean sessionResumption() {
        return sessionResumption;
    }

    /** How often the key files are checked for changes (0: never; reload by hand). */
    public long reloadCheckMs() {
        return reloadCheckMs;
    }

    /** A builder; give it a keystore or a PEM chain and key. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TlsConfig}; {@link #build()} names a bad value. */
    public static final class Builder {
        Path keyStore;
        String keyStorePassword = "";
        Path certificateChain;
        Path privateKey;
        int port = SAME_PORT;
        List<String> protocols = DEFAULT_PROTOCOLS;
        List<String> cipherSuites = DEFAULT_CIPHER_SUITES;
        boolean sessionResumption;
        long reloadCheckMs = DEFAULT_RELOAD_CHECK_MS;

        Builder() {
        }

        /** A PKCS#12 keystore holding one private key entry and its chain, and its password. */
        public Builder keyStore(Path file, String password) {
            this.keyStore = file;
            this.keyStorePassword = password == null ? "" : password;
            return this;
        }

        /** The keystore password (see {@link #keyStore}), settable on its own for a configuration file. */
        public Builder keyStorePassword(String password) {
            this.keyStorePassword = password == null ? "" : password;
            return this;
        }

        /** The keystore password set so far ("" when none). */
        public String keyStorePassword() {
            return keyStorePassword;
        }

        /** The PEM certificate chain file (the server's certificate first, then intermediates). */
        public Builder certificateChain(Path file) {
            this.certificateChain = file;
            return this;
        }

        /** The PEM private key file ({@code BEGIN PRIVATE KEY} or {@code BEGIN RSA PRIVATE KEY}), unencrypted. */
        public Builder privateKey(Path file) {
            this.privateKey = file;
            return this;
        }

        /**
         * A port for TLS beside the server's plain port (e.g. 8443 next to 8080), 0 for any free one;
         * {@link #SAME_PORT} (the default): the server's own port speaks TLS and there is no plain one.
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The TLS versions to offer, from {@code TLSv1.2} and {@code TLSv1.3}. */
        public Builder protocols(List<String> protocols) {
            this.protocols = protocols;
            return this;
        }

        /**
         * The cipher suites to enable, most preferred first (JSSE names, e.g. {@code TLS_AES_128_GCM_SHA256}):
         * at least one for each protocol in {@link #protocols}; names this JDK does not know fail the
         * server's build.
         */
        public Builder cipherSuites(List<String> cipherSuites) {
            this.cipherSuites = cipherSuites;
            return this;
        }

        /**
         * Whether clients may resume sessions (default false). When on, a reconnecting client skips the
         * certificate and its signature, but the JDK's engine keeps more per connection: on JDK 17 the
         * ticket it sends stays in the engine's handshake transcript (about 550 B per connection), and a
         * resumed session holds the certificate chain decoded afresh from the ticket (about 2.8 KB for
         * one certificate). When off, the server issues no session tickets (the JDK sends none when the
         * session timeout is longer than the 7 days RFC 8446 allows a ticket) and caches one session.
         */
        public Builder sessionResumption(boolean on) {
            this.sessionResumption = on;
            return this;
        }

        /** How often to check the key files for a new certificate, in ms (0: never). */
        public Builder reloadCheckMs(long ms) {
            this.reloadCheckMs = ms;
            return this;
        }

        /** Checks every value. */
        public TlsConfig build() {
            boolean pem = certificateChain != null || privateKey != null;
            check(keyStore != null || pem, "keyStore=null and certificateChain=null (give one)");
            check(keyStore == null || !pem, "keyStore=" + keyStore + " and certificateChain=" + certificateChain
                    + " (give one)");
            check(!pem || certificateChain != null && privateKey != null, "certificateChain=" + certificateChain
                    + ", privateKey=" + privateKey + " (PEM needs both)");
            check(port == SAME_PORT || port >= 0 && port <= MAX_PORT, "port=" + port + " (0 to 65535, or -1)");
            check(protocols != null && !protocols.isEmpty(), "protocols=" + protocols);
            for (String protocol : protocols) {
                check("TLSv1.2".equals(protocol) || "TLSv1.3".equals(protocol),
                        "protocols=" + protocols + " (TLSv1.2, TLSv1.3)");
            }
            check(cipherSuites != null && !cipherSuites.isEmpty(), "cipherSuites=" + cipherSuites);
            for (String suite : cipherSuites) {
                check(suite != null && suite.startsWith("TLS_"), "cipherSuites=" + cipherSuites
                        + " (JSSE names such as TLS_AES_128_GCM_SHA256; bad: " + suite + ")");
            }
            // a TLS 1.3 suite names no key exchange (TLS_AES_128_GCM_SHA256), a TLS 1.2 one does (..._WITH_...)
            check(!protocols.contains("TLSv1.3") || cipherSuites.stream().anyMatch(c -> !c.contains("_WITH_")),
                    "cipherSuites=" + cipherSuites + " (no TLSv1.3 suite, such as TLS_AES_128_GCM_SHA256)");
            check(!protocols.contains("TLSv1.2") || cipherSuites.stream().anyMatch(c -> c.contains("_WITH_")),
                    "cipherSuites=" + cipherSuites
                            + " (no TLSv1.2 suite, such as TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)");
            check(reloadCheckMs >= 0, "reloadCheckMs=" + reloadCheckMs);
            return new TlsConfig(this);
        }

        private static void check(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
