package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.protocol.http.HttpStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * wss:// and https:// with the JDK's own clients ({@code java.net.http}) against a server with a
 * plain and a TLS listener side by side, keyed with PEM files made at test time.
 */
@Timeout(60)
class TlsIT {
    @TempDir
    static Path dir;
    private static TestCertificates certificates;
    private static WebSocketServer server;
    private static HttpClient https;

    @BeforeAll
    static void start() throws Exception {
        certificates = TestCertificates.create(dir, "tls-it");
        server = WebSocketServer.builder().port(0).ioLoops(2).heartbeatIntervalMs(0)
                .decoder(d -> d.maxMessageBytes(4 << 20).maxFramePayloadBytes(4 << 20))
                .httpHandler(request -> request.pathEquals("/hello")
                        ? io.ringside.engine.transport.HttpResponse.text(HttpStatus.OK, "hello\n") : null)
                .endpoint("/echo", new EchoHandler())
                .tls(t -> t.certificateChain(certificates.certificatePem()).privateKey(certificates.keyPem()).port(0))
                .build().start();
        https = client(certificates.clientContext());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpClient client(SSLContext context) {
        return HttpClient.newBuilder().sslContext(context).build();
    }

    private static WebSocket open(String scheme, int port, RecordingListener listener) throws Exception {
        return https.newWebSocketBuilder().buildAsync(URI.create(scheme + "://localhost:" + port + "/echo"), listener)
                .get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 125, 16_000, 17_000, 65_536, 1 << 20})
    void shouldEchoOverWssWhenPayloadSpansTlsRecords(int length) throws Exception {
        // given
        RecordingListener listener = new RecordingListener();
        WebSocket socket = open("wss", server.tlsPort(), listener);
        byte[] payload = new byte[length];
        new Random(length).nextBytes(payload);

        // when
        socket.sendBinary(ByteBuffer.wrap(payload), true).get(10, TimeUnit.SECONDS);

        // then
        assertThat((byte[]) listener.next()).isEqualTo(payload);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
        assertThat(listener.closed.get(10, TimeUnit.SECONDS).code()).isEqualTo(WebSocket.NORMAL_CLOSURE);
    }

    @Test
    void shouldEchoManyMessagesInOrderWhenSentBackToBack() throws Exception {
        // given
        RecordingListener listener = new RecordingListener();
        WebSocket socket = open("wss", server.tlsPort(), listener);

        // when
        for (int i = 0; i < 500; i++) {
            socket.sendText("message " + i, true).get(10, TimeUnit.SECONDS);
        }

        // then
        for (int i = 0; i < 500; i++) {
            assertThat(listener.next()).isEqualTo("message " + i);
        }
        socket.abort();
    }

    @Test
    void shouldServeTheSameOnPlainAndTlsPortsWhenBothListen() throws Exception {
        // given
        RecordingListener plain = new RecordingListener();
        RecordingListener secure = new RecordingListener();

        // when
        WebSocket overWs = open("ws", server.port(), plain);
        WebSocket overWss = open("wss", server.tlsPort(), secure);
        overWs.sendText("plain", true);
        overWss.sendText("secure", true);
        var healthPlain = https.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                + "/healthz")).build(), BodyHandlers.ofString());
        var healthTls = https.send(HttpRequest.newBuilder(URI.create("https://localhost:" + server.tlsPort()
                + "/healthz")).build(), BodyHandlers.ofString());
        var helloTls = https.send(HttpRequest.newBuilder(URI.create("https://localhost:" + server.tlsPort()
                + "/hello")).build(), BodyHandlers.ofString());

        // then
        assertThat(plain.next()).isEqualTo("plain");
        assertThat(secure.next()).isEqualTo("secure");
        assertThat(healthPlain.statusCode()).isEqualTo(200);
        assertThat(healthTls.statusCode()).isEqualTo(200);
        assertThat(healthTls.body()).isEqualTo(healthPlain.body());
        // the JDK client offers h2 and http/1.1 by ALPN: the server picks http/1.1
        assertThat(healthTls.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(helloTls.body()).isEqualTo("hello\n");
        overWs.abort();
        overWss.abort();
    }

    @Test
    void shouldFailTheHandshakeWhenTheClientDoesNotTrustTheCertificate() throws Exception {
        // given
        HttpClient untrusting = client(SSLContext.getDefault());
        long before = server.metrics().refusedByReason().get("tls_handshake");

        // when
        Throwable failure = untrusting.newWebSocketBuilder()
                .buildAsync(URI.create("wss://localhost:" + server.tlsPort() + "/echo"), new RecordingListener())
                .handle((socket, error) -> error).get(10, TimeUnit.SECONDS);

        // then
        assertThat(failure).hasStackTraceContaining("SSLHandshakeException");
        Eventually.await(() -> server.metrics().refusedByReason().get("tls_handshake") > before);
    }
}
