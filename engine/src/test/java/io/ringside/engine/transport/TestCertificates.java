package io.ringside.engine.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed test certificate for {@code localhost} and {@code 127.0.0.1}, made at test time
 * with the JDK's {@code keytool} (no private key is committed): a PKCS#12 keystore, the same as
 * PEM files, and an {@link SSLContext} that trusts it.
 */
public final class TestCertificates {
    /** The keystore password. */
    public static final String PASSWORD = "test-only";
    private static final long KEYTOOL_TIMEOUT_S = 60;

    private final Path keyStore;
    private final Path certificatePem;
    private final Path keyPem;
    private final X509Certificate certificate;

    private TestCertificates(Path keyStore, Path certificatePem, Path keyPem, X509Certificate certificate) {
        this.keyStore = keyStore;
        this.certificatePem = certificatePem;
        this.keyPem = keyPem;
        this.certificate = certificate;
    }

    /** Makes a new key pair and certificate (CN={@code commonName}) under {@code dir}. */
    public static TestCertificates create(Path dir, String commonName) throws IOException, GeneralSecurityException,
            InterruptedException {
        Files.createDirectories(dir);
        Path keyStore = dir.resolve(commonName + ".p12");
        Files.deleteIfExists(keyStore);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=" + commonName, "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-keypass", PASSWORD)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(KEYTOOL_TIMEOUT_S, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        X509Certificate certificate = (X509Certificate) store.getCertificate("server");
        PrivateKey key = (PrivateKey) store.getKey("server", PASSWORD.toCharArray());
        Path certificatePem = dir.resolve(commonName + "-cert.pem");
        Path keyPem = dir.resolve(commonName + "-key.pem");
        Files.writeString(certificatePem, pem("CERTIFICATE", certificate.getEncoded()));
        Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));
        return new TestCertificates(keyStore, certificatePem, keyPem, certificate);
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    public Path keyStore() {
        return keyStore;
    }

    public Path certificatePem() {
        return certificatePem;
    }

    public Path keyPem() {
        return keyPem;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A client context that trusts this certificate (and nothing else). */
    public SSLContext clientContext() throws GeneralSecurityException, IOException {
        return trusting(certificate);
    }

    /** A client context that trusts each of {@code certificates}. */
    public static SSLContext trusting(Certificate... certificates) throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (int i = 0; i < certificates.length; i++) {
            trust.setCertificateEntry("trusted-" + i, certificates[i]);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
