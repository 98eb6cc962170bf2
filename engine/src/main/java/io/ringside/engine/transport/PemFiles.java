package io.ringside.engine.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;

/**
 * Reads a PEM certificate chain and an unencrypted PEM private key: PKCS#8 ({@code BEGIN PRIVATE
 * KEY}, what {@code openssl req -newkey} writes) or PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}).
 */
final class PemFiles {
    private static final String PKCS8 = "PRIVATE KEY";
    private static final String PKCS1_RSA = "RSA PRIVATE KEY";
    /** AlgorithmIdentifier { rsaEncryption, NULL } in DER. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};
    private static final int DER_SEQUENCE = 0x30;
    private static final int DER_OCTET_STRING = 0x04;

    private PemFiles() {
    }

    static Certificate[] certificates(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (chain.isEmpty()) {
                throw new GeneralSecurityException("no certificate in " + file);
            }
            return chain.toArray(new Certificate[0]);
        }
    }

    /** The key in {@code file}, of the algorithm of {@code certificate}'s public key. */
    static PrivateKey privateKey(Path file, Certificate certificate) throws IOException, GeneralSecurityException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        byte[] der;
        if (text.contains(begin(PKCS8))) {
            der = body(text, PKCS8);
        } else if (text.contains(begin(PKCS1_RSA))) {
            der = pkcs8FromPkcs1(body(text, PKCS1_RSA));
        } else {
            throw new GeneralSecurityException("privateKey=" + file + " holds no unencrypted PKCS#8 or RSA key"
                    + " (convert with: openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem)");
        }
        String algorithm = certificate.getPublicKey().getAlgorithm();
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static String begin(String label) {
        return "-----BEGIN " + label + "-----";
    }

    private static byte[] body(String text, String label) throws GeneralSecurityException {
        int start = text.indexOf(begin(label)) + begin(label).length();
        int end = text.indexOf("-----END " + label + "-----", start);
        if (end < 0) {
            throw new GeneralSecurityException("unterminated PEM block " + label);
        }
        return Base64.getMimeDecoder().decode(text.substring(start, end));
    }

    /** Wraps an RSAPrivateKey (PKCS#1) in a PrivateKeyInfo (PKCS#8, RFC 5208). */
    private static byte[] pkcs8FromPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        octets.writeBytes(VERSION_0);
        octets.writeBytes(RSA_ALGORITHM);
        writeTlv(octets, DER_OCTET_STRING, pkcs1);
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        writeTlv(info, DER_SEQUENCE, octets.toByteArray());
        return info.toByteArray();
    }

    private static void writeTlv(ByteArrayOutputStream out, int tag, byte[] value) {
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(value);
    }
}
