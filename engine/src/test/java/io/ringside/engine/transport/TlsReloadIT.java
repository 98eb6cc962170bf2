package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A new certificate is served without a restart: on demand, or when the files change; a broken one is refused. */
@Timeout(60)
class TlsReloadIT {
    @TempDir
    static Path dir;
    private static TestCertificates first;
    private static TestCertificates second;
    private static SSLContext trustingBoth;

    @BeforeAll
    static void certificates() throws Exception {
        first = TestCertificates.create(dir.resolve("first"), "first");
        second = TestCertificates.create(dir.resolve("second"), "second");
        trustingBoth = TestCertificates.trusting(first.certificate(), second.certificate());
    }

    /** PEM files at a path of their own, holding {@code first}'s key for now. */
    private static Path[] liveFiles(String name) throws IOException {
        Path cert = dir.resolve(name + "-cert.pem");
        Path key = dir.resolve(name + "-key.pem");
        install(first, cert, key);
        return new Path[] {cert, key};
    }

    private static void install(TestCertificates source, Path cert, Path key) throws IOException {
        Files.copy(source.certificatePem(), cert, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(source.keyPem(), key, StandardCopyOption.REPLACE_EXISTING);
    }

    private static WebSocketServer server(Path[] files, long reloadCheckMs) throws IOException {
        return WebSocketServer.builder().port(0).ioLoops(1).heartbeatIntervalMs(0).endpoint("/echo", new EchoHandler())
                .tls(t -> t.certificateChain(files[0]).privateKey(files[1]).reloadCheckMs(reloadCheckMs))
                .build().start();
    }

    private static Certificate servedCertificate(WebSocketServer server) throws IOException {
        try (SSLSocket socket = (SSLSocket) trustingBoth.getSocketFactory().createSocket("127.0.0.1",
                server.tlsPort())) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            return socket.getSession().getPeerCertificates()[0];
        }
    }

    private static SSLSocket upgraded(WebSocketServer server) throws IOException {
        SSLSocket socket = (SSLSocket) trustingBoth.getSocketFactory().createSocket("127.0.0.1", server.tlsPort());
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(RawClient.upgradeRequest("/echo", "").getBytes(StandardCharsets.US_ASCII));
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) socket.getInputStream().read());
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 101");
        return socket;
    }

    @Test
    void shouldServeTheNewCertificateToNewConnectionsWhenReloadedByHand() throws Exception {
        // given
        Path[] files = liveFiles("by-hand");
        try (WebSocketServer server = server(files, 0); SSLSocket before = upgraded(server)) {
            assertThat(servedCertificate(server)).isEqualTo(first.certificate());

            // when
            install(second, files[0], files[1]);
            server.reloadTls();

            // then
            assertThat(servedCertificate(server)).isEqualTo(second.certificate());
            assertThat(before.getSession().getPeerCertificates()[0]).isEqualTo(first.certificate());
            // the connection made before still works: an unmasked-by-zero ping gets its pong
            before.getOutputStream().write(new byte[] {(byte) 0x89, (byte) 0x80, 0, 0, 0, 0});
            assertThat(before.getInputStream().read()).isEqualTo(0x8A);
        }
    }

    @Test
    void shouldKeepTheOldCertificateWhenTheNewFilesAreBroken() throws Exception {
        // given
        Path[] files = liveFiles("broken");
        try (WebSocketServer server = server(files, 0)) {
            // when
            Files.writeString(files[1], "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");

            // then
            assertThatThrownBy(server::reloadTls).isInstanceOf(IOException.class).hasMessageContaining("TLS reload");
            assertThat(servedCertificate(server)).isEqualTo(first.certificate());
        }
    }

    @Test
    void shouldPickUpChangedFilesWhenTheyAreCheckedOnAccept() throws Exception {
        // given
        Path[] files = liveFiles("watched");
        try (WebSocketServer server = server(files, 1)) {
            assertThat(servedCertificate(server)).isEqualTo(first.certificate());

            // when
            install(second, files[0], files[1]);

            // then
            Eventually.await(() -> {
                try {
                    return servedCertificate(server).equals(second.certificate());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Test
    void shouldNameTheFileWhenTheKeyDoesNotLoadAtBuild() throws Exception {
        // given
        Path bad = dir.resolve("no-key.pem");
        Files.writeString(bad, "nothing here");

        // when / then
        assertThatThrownBy(() -> WebSocketServer.builder().endpoint("/", new EchoHandler())
                .tls(t -> t.certificateChain(first.certificatePem()).privateKey(bad)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("privateKey=" + bad);
    }
}
