package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's cipher-suite order and session resumption, seen by the JDK's own clients over real
 * sockets: which suite a handshake settles on, and whether the client was given a session to resume.
 */
@Timeout(60)
class TlsSessionIT {
    @TempDir
    static Path dir;
    private static TestCertificates certificates;

    @BeforeAll
    static void keys() throws Exception {
        certificates = TestCertificates.create(dir, "tls-session-it");
    }

    private static WebSocketServer server(Consumer<TlsConfig.Builder> tls) throws IOException {
        return WebSocketServer.builder().port(0).ioLoops(1).heartbeatIntervalMs(0).endpoint("/echo", new EchoHandler())
                .tls(t -> {
                    t.certificateChain(certificates.certificatePem()).privateKey(certificates.keyPem());
                    tls.accept(t);
                }).build().start();
    }

    private static String negotiated(WebSocketServer server, String protocol) throws Exception {
        try (SSLSocket socket = (SSLSocket) certificates.clientContext().getSocketFactory()
                .createSocket("localhost", server.port())) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] {protocol});
            socket.startHandshake();
            return socket.getSession().getCipherSuite();
        }
    }

    /**
     * The sessions the client context caches after one wss:// echo through the JDK's WebSocket: the
     * JDK's client caches the session of its handshake, and for each TLS 1.3 session ticket it gets a
     * copy of it that carries the ticket (the one it would resume with).
     */
    private static List<byte[]> cachedAfterAnEcho(WebSocketServer server) throws Exception {
        SSLContext context = certificates.clientContext();
        HttpClient client = HttpClient.newBuilder().sslContext(context).build();
        RecordingListener listener = new RecordingListener();
        URI uri = URI.create("wss://localhost:" + server.port() + "/echo");
        WebSocket socket = client.newWebSocketBuilder().buildAsync(uri, listener).get(10, TimeUnit.SECONDS);
        socket.sendText("hello", true).get(10, TimeUnit.SECONDS);
        // the echo comes after the server's post-handshake messages, so a ticket would be in by now
        assertThat(listener.next()).isEqualTo("hello");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
        listener.closed.get(10, TimeUnit.SECONDS);
        return Collections.list(context.getClientSessionContext().getIds());
    }

    @Test
    void shouldSettleOnAes128WhenTheClientPrefersAes256() throws Exception {
        // given: the server's default suites; the JDK client lists TLS_AES_256_GCM_SHA384 first
        try (WebSocketServer server = server(t -> { })) {
            // when / then
            assertThat(negotiated(server, "TLSv1.3")).isEqualTo("TLS_AES_128_GCM_SHA256");
            assertThat(negotiated(server, "TLSv1.2")).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        }
    }

    @Test
    void shouldSettleOnTheFirstConfiguredSuiteWhenTheOrderIsGiven() throws Exception {
        // given
        try (WebSocketServer server = server(t -> t.cipherSuites(List.of("TLS_CHACHA20_POLY1305_SHA256",
                "TLS_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384")))) {
            // when / then
            assertThat(negotiated(server, "TLSv1.3")).isEqualTo("TLS_CHACHA20_POLY1305_SHA256");
            assertThat(negotiated(server, "TLSv1.2")).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
        }
    }

    @Test
    void shouldGiveTheClientNoSessionToResumeWhenResumptionIsOff() throws Exception {
        // given: the default, resumption off
        try (WebSocketServer server = server(t -> { })) {
            // when / then
            assertThat(cachedAfterAnEcho(server)).hasSize(1);
        }
    }

    @Test
    void shouldGiveTheClientASessionToResumeWhenResumptionIsOn() throws Exception {
        // given
        try (WebSocketServer server = server(t -> t.sessionResumption(true))) {
            // when / then
            assertThat(cachedAfterAnEcho(server)).hasSize(2);
        }
    }

    @Test
    void shouldNameTheSuiteWhenTheJdkDoesNotKnowIt() {
        assertThatThrownBy(() -> server(t -> t.cipherSuites(List.of("TLS_AES_128_GCM_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_MADE_UP_WITH_NOTHING"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tls.cipherSuites=").hasMessageContaining("[TLS_MADE_UP_WITH_NOTHING]");
    }
}
