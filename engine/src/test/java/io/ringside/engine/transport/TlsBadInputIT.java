package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input at the TLS layer: each case costs only its own connection (a wss connection open
 * throughout keeps echoing), is counted, and is closed at the latest by the handshake timeout.
 */
@Timeout(60)
class TlsBadInputIT {
    private static final int HANDSHAKE_TIMEOUT_MS = 3_000;
    @TempDir
    static Path dir;
    private static TestCertificates certificates;
    private static WebSocketServer server;
    private static HttpClient jdkClient;
    private WebSocket bystander;
    private RecordingListener bystanderEvents;

    @BeforeAll
    static void start() throws Exception {
        certificates = TestCertificates.create(dir, "bad-input");
        server = WebSocketServer.builder().port(0).ioLoops(1).heartbeatIntervalMs(0)
                .handshakeTimeoutMs(HANDSHAKE_TIMEOUT_MS).endpoint("/echo", new EchoHandler())
                .tls(t -> t.keyStore(certificates.keyStore(), TestCertificates.PASSWORD).port(0))
                .build().start();
        jdkClient = HttpClient.newBuilder().sslContext(certificates.clientContext()).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void openBystander() throws Exception {
        bystanderEvents = new RecordingListener();
        bystander = jdkClient.newWebSocketBuilder()
                .buildAsync(URI.create("wss://localhost:" + server.tlsPort() + "/echo"), bystanderEvents)
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void bystanderStillServed() throws Exception {
        bystander.sendText("still here", true).get(10, TimeUnit.SECONDS);
        assertThat(bystanderEvents.next()).isEqualTo("still here");
        bystander.abort();
    }

    private static long refused(String reason) {
        return server.metrics().refusedByReason().get(reason);
    }

    /** The first bytes a real TLS client sends: its ClientHello record. */
    private static byte[] clientHello() throws Exception {
        SSLEngine engine = certificates.clientContext().createSSLEngine("localhost", server.tlsPort());
        engine.setUseClientMode(true);
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.wrap(ByteBuffer.allocate(0), out);
        return Arrays.copyOf(out.array(), out.position());
    }

    /** Reads until EOF or a reset: whatever the server said before it closed. */
    private static byte[] readUntilClosed(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        int length = 0;
        try {
            int n;
            while ((n = in.read(buffer, length, buffer.length - length)) > 0) {
                length += n;
            }
        } catch (IOException e) {
            // a reset is a close too
        }
        return Arrays.copyOf(buffer, length);
    }

    @Test
    void shouldAnswer400InPlainTextWhenPlainHttpArrivesOnTheTlsPort() throws Exception {
        // given
        long before = refused("tls_plaintext");
        try (Socket socket = new Socket("127.0.0.1", server.tlsPort())) {
            socket.setSoTimeout(10_000);

            // when
            socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));

            // then
            String answer = new String(readUntilClosed(socket), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("this port speaks TLS");
        }
        assertThat(refused("tls_plaintext")).isEqualTo(before + 1);
    }

    @Test
    void shouldDropTheSocketWhenATlsHelloArrivesOnThePlainPort() throws Exception {
        // given
        long before = refused("tls_on_plain_port");
        try (SSLSocket socket = (SSLSocket) certificates.clientContext().getSocketFactory()
                .createSocket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);

            // when
            Throwable failure = null;
            try {
                socket.startHandshake();
            } catch (IOException e) {
                failure = e;
            }

            // then
            assertThat(failure).isNotNull();
        }
        Eventually.await(() -> refused("tls_on_plain_port") == before + 1);
    }

    @Test
    void shouldDropTheSocketWhenTheHandshakeIsGarbage() throws Exception {
        // given: a handshake record header, then noise
        long before = refused("tls_handshake");
        byte[] garbage = new byte[64];
        Arrays.fill(garbage, (byte) 0x5a);
        garbage[0] = 0x16;
        garbage[1] = 0x03;
        garbage[2] = 0x01;
        garbage[3] = 0x00;
        garbage[4] = 59;
        try (Socket socket = new Socket("127.0.0.1", server.tlsPort())) {
            socket.setSoTimeout(10_000);

            // when
            socket.getOutputStream().write(garbage);

            // then
            readUntilClosed(socket);
        }
        Eventually.await(() -> refused("tls_handshake") == before + 1);
    }

    @Test
    void shouldDropTheSocketWhenTheHandshakeIsTruncatedByAFin() throws Exception {
        // given
        long before = refused("tls_handshake");
        byte[] hello = clientHello();
        try (Socket socket = new Socket("127.0.0.1", server.tlsPort())) {
            socket.setSoTimeout(10_000);

            // when
            socket.getOutputStream().write(hello, 0, hello.length / 2);
            socket.shutdownOutput();

            // then
            assertThat(readUntilClosed(socket)).isEmpty();
        }
        Eventually.await(() -> refused("tls_handshake") == before + 1);
    }

    @Test
    void shouldCloseWithinTheHandshakeTimeoutWhenTheClientStallsMidHandshake() throws Exception {
        // given
        long before = refused("handshake_timeout");
        byte[] hello = clientHello();
        try (Socket socket = new Socket("127.0.0.1", server.tlsPort())) {
            socket.setSoTimeout(10_000);

            // when: half a hello, then nothing
            socket.getOutputStream().write(hello, 0, hello.length / 2);

            // then: closed by the server without a word (no plain-text 408 into a TLS stream)
            assertThat(readUntilClosed(socket)).isEmpty();
        }
        assertThat(refused("handshake_timeout")).isEqualTo(before + 1);
    }

    @Test
    void shouldDropTheConnectionWhenATls12ClientRenegotiates() throws Exception {
        // given: an upgraded wss connection over TLS 1.2
        long before = refused("tls_renegotiation");
        try (SSLSocket socket = (SSLSocket) certificates.clientContext().getSocketFactory()
                .createSocket("127.0.0.1", server.tlsPort())) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.startHandshake();
            socket.getOutputStream().write(RawClient.upgradeRequest("/echo", "").getBytes(StandardCharsets.US_ASCII));
            byte[] head = new byte[12];
            assertThat(socket.getInputStream().read(head)).isPositive();
            assertThat(new String(head, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 101");

            // when
            Throwable failure = null;
            try {
                socket.startHandshake();
                socket.getOutputStream().write(new byte[] {(byte) 0x81, (byte) 0x80, 1, 2, 3, 4});
                readUntilClosed(socket);
            } catch (IOException e) {
                failure = e;
            }

            // then: the server dropped it (the handshake fails, or the stream ends)
            assertThat(failure == null || failure instanceof IOException).isTrue();
        }
        Eventually.await(() -> refused("tls_renegotiation") == before + 1);
    }
}
