package io.ringside.examples.chromium;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1} made at test time with the
 * JDK's {@code keytool} (no private key is committed), written as the PEM pair the examples' {@code
 * --tls-cert} and {@code --tls-key} take.
 */
public record SelfSignedCertificate(Path certificate, Path key) {
    private static final String PASSWORD = "test-only";

    /** Makes the key pair and certificate under {@code dir}. */
    public static SelfSignedCertificate create(Path dir) throws IOException, GeneralSecurityException,
            InterruptedException {
        Path store = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-keypass", PASSWORD)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD.toCharArray());
        }
        Path certificate = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Files.writeString(certificate, pem("CERTIFICATE", keyStore.getCertificate("server").getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", keyStore.getKey("server", PASSWORD.toCharArray()).getEncoded()));
        return new SelfSignedCertificate(certificate, key);
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
