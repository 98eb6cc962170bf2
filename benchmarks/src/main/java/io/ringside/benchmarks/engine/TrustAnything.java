package io.ringside.benchmarks.engine;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A client TLS context that accepts any certificate, for benchmarks against a server with a
 * throwaway self-signed one on loopback. Never for real traffic.
 */
final class TrustAnything implements X509TrustManager {
    private TrustAnything() {
    }

    static SSLContext context() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustAnything()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // benchmark only: see the class comment
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // benchmark only: see the class comment
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
